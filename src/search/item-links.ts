/**
 * Pagefind builds sub-results only from headings with ids, so a match inside a roadmap item would
 * link to the item's `##` topic. Every item `<li>` has an id (`src/markdown/task-items.ts`) and
 * Pagefind records it as an anchor with its word position; this module points each sub-result at
 * the item that holds its matches instead. Pure: no DOM, so it is unit-tested.
 */

/** An element with an id, as Pagefind records it: tag name, id, text and first word position. */
export interface PagefindAnchor {
	element: string;
	id: string;
	text?: string;
	location: number;
}

/** The parts of a Pagefind sub-result this module reads and rewrites. */
export interface PagefindSubResult {
	title: string;
	url: string;
	locations: number[];
}

/** The parts of a Pagefind result (fragment data) this module reads and rewrites. */
export interface PagefindResultData<S extends PagefindSubResult = PagefindSubResult> {
	url: string;
	anchors: PagefindAnchor[];
	sub_results: S[];
}

/** Words Pagefind counts in a piece of text (it splits on whitespace). */
const wordCount = (text: string | undefined) => text?.split(/\s+/).filter(Boolean).length ?? 0;

/**
 * The roadmap item (an `<li>` anchor) whose own text holds word position `location`: the innermost
 * item that starts at or before it and whose text reaches it. Items nest, so the last one to start
 * wins; text after an item's list (a resource link, a paragraph) belongs to no item.
 */
export function itemAt(
	anchors: readonly PagefindAnchor[],
	location: number,
): PagefindAnchor | undefined {
	let found: PagefindAnchor | undefined;
	for (const anchor of anchors) {
		if (anchor.element !== 'li' || anchor.location > location) continue;
		if (location >= anchor.location + wordCount(anchor.text)) continue;
		if (!found || anchor.location >= found.location) found = anchor;
	}
	return found;
}

/** The page URL of a result or sub-result, without its fragment. */
const pageOf = (url: string) => url.replace(/#.*$/, '');

/**
 * Rewrites each sub-result whose matches fall inside roadmap items so it links to the item that
 * holds most of them (`page/#item-id`) and is titled with the item's text. Sub-results whose
 * matches lie outside items (headings, prose) are left as Pagefind made them.
 */
export function linkSubResultsToItems<S extends PagefindSubResult, R extends PagefindResultData<S>>(
	result: R,
): R {
	const anchors = [...result.anchors].sort((a, b) => a.location - b.location);
	for (const sub of result.sub_results) {
		const hits = new Map<PagefindAnchor, number>();
		for (const location of sub.locations) {
			const item = itemAt(anchors, location);
			if (item) hits.set(item, (hits.get(item) ?? 0) + 1);
		}
		let best: PagefindAnchor | undefined;
		for (const [item, count] of hits) if (!best || count > hits.get(best)!) best = item;
		if (!best) continue;
		sub.url = `${pageOf(sub.url)}#${best.id}`;
		if (best.text?.trim()) sub.title = best.text.trim();
	}
	return result;
}
