import { describe, expect, it } from 'vitest';
import { createContext, runInContext } from 'node:vm';
import { STORAGE_GUARD_SCRIPT } from '../src/progress/storage-guard';

/** A minimal window whose `localStorage` either works or throws like blocked storage. */
function fakeWindow(blocked: boolean) {
	const dataset: Record<string, string> = {};
	const working = { length: 0, getItem: () => 'real' };
	const window = createContext({ document: { documentElement: { dataset } } });
	runInContext('window = this', window);
	Object.defineProperty(window, 'localStorage', {
		configurable: true,
		get() {
			if (blocked) throw new Error('SecurityError: access denied');
			return working;
		},
	});
	runInContext(STORAGE_GUARD_SCRIPT, window);
	return { window, dataset };
}

describe('storage guard (first script in <head>)', () => {
	it('replaces a throwing localStorage with a working in-memory Storage and marks the page', () => {
		const { window, dataset } = fakeWindow(true);
		expect(dataset.storage).toBe('memory');
		const result = runInContext(
			`localStorage.setItem('a', 1); localStorage.setItem('b', 'x'); localStorage.removeItem('b');
			[localStorage.getItem('a'), localStorage.getItem('b'), localStorage.length, localStorage.key(0), localStorage.key(5)]`,
			window,
		);
		expect(result).toEqual(['1', null, 1, 'a', null]);
		runInContext('localStorage.clear()', window);
		expect(runInContext('localStorage.length', window)).toBe(0);
	});

	it('leaves a working localStorage alone', () => {
		const { window, dataset } = fakeWindow(false);
		expect(dataset.storage).toBeUndefined();
		expect(runInContext("localStorage.getItem('x')", window)).toBe('real');
	});

	it('removes a stored theme Starlight cannot read, and keeps a valid one', () => {
		for (const [stored, kept] of [
			['<img src=x>', null],
			['light', 'light'],
			['', ''],
		] as const) {
			const data = new Map([['starlight-theme', stored]]);
			const window = createContext({ document: { documentElement: { dataset: {} } } });
			runInContext('window = this', window);
			window.localStorage = {
				length: 1,
				getItem: (k: string) => data.get(k) ?? null,
				removeItem: (k: string) => data.delete(k),
			};
			runInContext(STORAGE_GUARD_SCRIPT, window);
			expect(data.get('starlight-theme') ?? null).toBe(kept);
		}
	});
});
