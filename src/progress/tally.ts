import { statusOf, type Item, type Roadmaps } from './entries.ts';

/** What meters count and what a group's box shows, from the entries. */

/** What a meter shows: done, learning and skipped items, and the total without skipped ones. */
export interface Tally {
	done: number;
	learning: number;
	skipped: number;
	/** Items that count: all but the skipped ones. */
	total: number;
}

/** The tally of `items` in `roadmap`: a chapter, a phase or a whole roadmap. */
export function tally(roadmaps: Roadmaps, roadmap: string, items: readonly Item[]): Tally {
	const count = { done: 0, learning: 0, skipped: 0, total: items.length };
	for (const item of items) {
		const status = statusOf(roadmaps, roadmap, item);
		if (status !== 'open') count[status]++;
	}
	count.total -= count.skipped;
	return count;
}

/**
 * A group's state from its leaves: `done` when every leaf that counts is done (skipped ones
 * aside), `mixed` when some are done or being learned (the box shows as indeterminate,
 * announced "mixed"), `open` when none are. A leaf is its own group of one.
 */
export function groupState(
	roadmaps: Roadmaps,
	roadmap: string,
	leaves: readonly Item[],
): 'open' | 'mixed' | 'done' {
	const { done, learning, total } = tally(roadmaps, roadmap, leaves);
	return total > 0 && done === total ? 'done' : done + learning === 0 ? 'open' : 'mixed';
}
