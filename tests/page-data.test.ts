import { describe, expect, it } from 'vitest';
import {
	decodeGroups,
	decodeItems,
	readPageData,
	scopeOf,
	type PageData,
} from '../src/progress/page-data';

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

/** The page's roadmaps decoded, as the binding decodes them (src/progress/dom.ts). */
const decoded = (data: PageData) =>
	new Map(
		Object.entries(data.roadmaps).map(([roadmap, list]) => [
			roadmap,
			list.map(([, items, groups]) => ({
				items: decodeItems(items),
				groups: decodeGroups(groups),
			})),
		]),
	);

describe('the keys a page reads', () => {
	it('are its items with their aliases, its groups and their concepts’ members', () => {
		const data = readPageData(
			JSON.stringify({
				page: 'a',
				roadmaps: { a: [['/a/1/', 'x:old-x y', 'g=x,y']] },
				concepts: [['a/x', 'b/z']],
			}),
		);
		expect([...scopeOf(data, decoded(data))!].sort()).toEqual([
			'a/g',
			'a/old-x',
			'a/x',
			'a/y',
			'b/z',
		]);
	});

	it('are every stored key on a page that reads all', () => {
		const data = readPageData(JSON.stringify({ roadmaps: {}, all: true }));
		expect(scopeOf(data, decoded(data))).toBeUndefined();
	});
});
