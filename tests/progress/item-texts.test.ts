import { describe, expect, it } from 'vitest';
import { expandItemTexts } from '../../src/progress/item-texts';

describe('a roadmap’s item texts', () => {
	it('give each item its link, text and where, each chapter written once', () => {
		const texts = expandItemTexts({
			chapters: [
				['/r/01-a/', 'R · Phase 1'],
				['/r/02-b/', 'R · Phase 2'],
			],
			items: { one: [0, 'One'], two: [1, 'Two'] },
		});
		expect(texts.one).toEqual(['/r/01-a/#one', 'One', 'R · Phase 1']);
		expect(texts.two).toEqual(['/r/02-b/#two', 'Two', 'R · Phase 2']);
	});

	it('hold an id like "constructor" as an item, not a property of every object', () => {
		const texts = expandItemTexts({ chapters: [['/r/a/', 'R · A']], items: {} });
		expect(texts.constructor).toBeUndefined();
	});
});
