/**
 * Item texts for the progress page's lists. Their own module, so the code that reads them is
 * bundled with the progress page only, not with the progress code every page shares.
 */

/**
 * A roadmap's item texts, `progress/items/<roadmap>.json` (src/pages/progress/items/[roadmap].json.ts),
 * fetched by the progress page for its Learning and Notes lists: each chapter's link and
 * "roadmap · phase" once, and each item's chapter (an index into `chapters`) and text.
 */
export interface ItemTexts {
	chapters: [href: string, where: string][];
	items: Record<string, [chapter: number, text: string]>;
}

/** An item's link, its text, and its roadmap and phase, as the progress page lists it. */
export type ItemText = [link: string, text: string, where: string];

/** Every item of `texts` with its link, text and where. */
export function expandItemTexts({ chapters, items }: ItemTexts): Record<string, ItemText> {
	const out: Record<string, ItemText> = Object.create(null);
	for (const [id, [chapter, text]] of Object.entries(items)) {
		const [href, where] = chapters[chapter] ?? ['', ''];
		out[id] = [`${href}#${id}`, text, where];
	}
	return out;
}
