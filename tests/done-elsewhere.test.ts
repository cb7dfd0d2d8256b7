import { describe, expect, it } from 'vitest';
import { countDoneElsewhere, doneElsewhereText } from '../src/progress/done-elsewhere';
import { blank } from '../src/progress/guards';
import { type Entries, type Roadmaps } from '../src/progress/entries';

const roadmaps = (entries: Entries): Roadmaps => Object.assign(blank<Entries>(), { r: entries });
const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, aliases: [] }));

describe('items done in other roadmaps (landing page)', () => {
	it('counts done leaves set through another roadmap, and nothing else', () => {
		const stored = roadmaps({
			a: { status: 'done', at: 1, via: 'other' },
			b: { status: 'done', at: 1 },
			c: { status: 'done', at: 1, via: 'r' },
			d: { status: 'learning', at: 1, via: 'other' },
			gone: { status: 'done', at: 1, via: 'other' },
		});
		expect(countDoneElsewhere(stored, 'r', items)).toBe(1);
		expect(countDoneElsewhere(stored, 'missing', items)).toBe(0);
	});

	it('finds an entry stored under an alias', () => {
		const stored = roadmaps({ old: { status: 'done', at: 1, via: 'other' } });
		expect(countDoneElsewhere(stored, 'r', [{ id: 'new', aliases: ['old'] }])).toBe(1);
	});

	it('says it in words, and nothing for none', () => {
		expect(doneElsewhereText(0)).toBe('');
		expect(doneElsewhereText(1)).toBe('1 item done in another roadmap');
		expect(doneElsewhereText(12)).toBe('12 items done in other roadmaps');
		expect(doneElsewhereText(1200)).toBe('1,200 items done in other roadmaps');
	});
});
