import { describe, expect, it } from 'vitest';
import { mapLimit } from '../src/integrations/map-limit.ts';

describe('mapLimit', () => {
	it('keeps the order and never runs more than the limit at once', async () => {
		let running = 0;
		let most = 0;
		const results = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
			running++;
			most = Math.max(most, running);
			// Finish in an order unlike the input's: each task waits n turns of the event loop.
			for (let i = 0; i < n; i++) await Promise.resolve();
			running--;
			return n * 10;
		});
		expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
		expect(most).toBe(3);
	});

	it('handles no items, and passes a failure on', async () => {
		expect(await mapLimit([], 4, async () => 1)).toEqual([]);
		await expect(
			mapLimit([1, 2], 2, async (n) => {
				if (n === 2) throw new Error('two');
				return n;
			}),
		).rejects.toThrow('two');
	});
});
