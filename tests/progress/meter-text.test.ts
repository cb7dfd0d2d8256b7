import { describe, expect, it } from 'vitest';
import { continueLink, meterState } from '../../src/progress/meter-text';
import type { Roadmaps } from '../../src/progress/entries';

const item = (id: string) => ({ id, aliases: [] });
const CHAPTERS = [
	{ href: '/r/01/', items: [item('a'), item('b')] },
	{ href: '/r/02/', items: [item('c')] },
];
/** The continue link with `statuses` stored in roadmap `r`. */
function link(statuses: Record<string, string>) {
	const roadmaps = {
		r: Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status, at: 1 }])),
	} as Roadmaps;
	return continueLink(roadmaps, 'r', CHAPTERS, ({ id }) => statuses[id]);
}

describe('continueLink', () => {
	it('reads Start at the first item until anything is set in the roadmap', () => {
		expect(link({})).toEqual({ text: 'Start', href: '/r/01/#a' });
	});
	it('continues at the first item neither done nor skipped, across chapters', () => {
		expect(link({ a: 'done', b: 'skipped' })).toEqual({ text: 'Continue', href: '/r/02/#c' });
		// Being learned is not finished: the link leads back to it.
		expect(link({ a: 'learning' })).toEqual({ text: 'Continue', href: '/r/01/#a' });
		// A note alone (status open) counts as started.
		expect(link({ b: 'open' })).toEqual({ text: 'Continue', href: '/r/01/#a' });
	});
	it('says "All done: review" and keeps its link when nothing is left', () => {
		expect(link({ a: 'done', b: 'done', c: 'skipped' })).toEqual({ text: 'All done: review' });
	});
});

describe('meterState', () => {
	it('is done when every item that counts is done, in progress when any is begun', () => {
		expect(meterState({ done: 0, learning: 0, skipped: 0, total: 3 })).toBe('todo');
		expect(meterState({ done: 0, learning: 1, skipped: 0, total: 3 })).toBe('doing');
		expect(meterState({ done: 2, learning: 0, skipped: 1, total: 2 })).toBe('done');
		// Everything skipped leaves nothing to do.
		expect(meterState({ done: 0, learning: 0, skipped: 3, total: 0 })).toBe('done');
	});
});
