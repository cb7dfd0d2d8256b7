import { entryOf, type Item, type Roadmaps } from './entries.ts';

/**
 * What a roadmap's landing page says the learner already did through other roadmaps: its items
 * that are done as a copy (`via`) of a member of the same concept (content/concepts.yaml) set in
 * another roadmap. Pure, for unit tests; the landing page's binding is DoneElsewhere.astro.
 */

/** How many of `roadmap`'s leaf `items` are done, set through another roadmap. */
export function countDoneElsewhere(
	roadmaps: Roadmaps,
	roadmap: string,
	items: readonly Item[],
): number {
	let count = 0;
	for (const item of items) {
		const entry = entryOf(roadmaps, roadmap, item);
		if (entry?.status === 'done' && entry.via && entry.via !== roadmap) count++;
	}
	return count;
}

/** "12 items done in other roadmaps", "1 item done in another roadmap"; nothing for none. */
export function doneElsewhereText(count: number): string {
	if (count === 0) return '';
	return count === 1
		? '1 item done in another roadmap'
		: `${count.toLocaleString('en')} items done in other roadmaps`;
}
