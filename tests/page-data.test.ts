import { describe, expect, it } from 'vitest';
import { readPageData } from '../src/progress/page-data';

describe('page data', () => {
	it('reads the concepts a page carries', () => {
		const data = readPageData(
			JSON.stringify({
				page: 'a',
				roadmaps: { a: [['/a/1/', 'x y']] },
				concepts: [['a/x', 'b/z']],
			}),
		);
		expect(data.concepts).toEqual([['a/x', 'b/z']]);
		expect(data.roadmaps.a).toEqual([['/a/1/', 'x y']]);
		expect(data.page).toBe('a');
	});

	it('reads no data, or data without concepts, as none', () => {
		expect(readPageData(undefined)).toEqual({ roadmaps: {}, concepts: [] });
		expect(readPageData('')).toEqual({ roadmaps: {}, concepts: [] });
		expect(readPageData('{"roadmaps":{}}').concepts).toEqual([]);
	});
});
