import type { ResourceLink } from '../content/resources.ts';
import { escapeHtml } from '../text/escape.ts';

/**
 * "Learn": under each item that has resources (content/resources.yaml), a native disclosure that
 * lists the pages that teach it. Written into the chapter's rendered HTML at build time
 * (src/components/TaskItems.astro, with `addAfterItems`), so it needs no script, shows in
 * the offline copy and costs no layout shift. The summary names the item for screen readers
 * ("Learn about Routing"); each link is followed by the site it leads to. Search ignores the block, so an
 * item's search result keeps the item's own words; `not-content` keeps Starlight's Markdown
 * `<details>` and list styles off it (src/styles/chapter.css styles it).
 */

/** The site a link leads to, as learners read it: `nodejs.org`, `developer.mozilla.org`. */
export const siteOf = (url: string) => new URL(url).host.replace(/^www\./, '');

/**
 * The list items of some pages: each page's title, linked, and the site it is on. Lean markup:
 * a chapter repeats it for every item, so each page costs its link and little more.
 */
function pageItems(links: readonly ResourceLink[]): string {
	return links
		.map(
			({ title, url }) =>
				`<li><a href="${escapeHtml(url)}">${escapeHtml(title)}</a> <small>${escapeHtml(siteOf(url))}</small></li>`,
		)
		.join('');
}

/** The disclosure for an item whose plain text is `itemText` (empty when it has no links). */
export function learnHtml(itemText: string, links: readonly ResourceLink[]): string {
	if (links.length === 0) return '';
	return (
		'<details class="item-learn not-content" data-pagefind-ignore="all">' +
		`<summary>Learn<span class="sr-only"> about ${escapeHtml(itemText)}</span></summary>` +
		`<ul>${pageItems(links)}</ul></details>`
	);
}

/**
 * The same pages on the print page, always shown: a closed disclosure prints nothing. On paper
 * each link is followed by its address (src/styles/print.css).
 */
export function learnListHtml(links: readonly ResourceLink[]): string {
	if (links.length === 0) return '';
	return `<ul class="item-learn item-learn-list not-content" aria-label="Learn">${pageItems(links)}</ul>`;
}

/** What the build writes after an item's label: phrasing content, and blocks. */
export interface AfterItem {
	/** Phrasing content, written right after the label. */
	inline?: string | undefined;
	/** Blocks, written after the label's line. */
	block?: string | undefined;
}

/**
 * Each item's checkbox (`data-item`, from src/markdown/task-items.ts) up to the end of its label,
 * which is a child of the item's `<li>` in loose lists too.
 */
const ITEM_LABEL = /<input\b[^>]*?\sdata-item="([^"]+)"[^]*?<\/label>/g;

/** Writes `after(id)` after the label of each item of a chapter's rendered HTML, in one pass. */
export function addAfterItems(html: string, after: (id: string) => AfterItem | undefined): string {
	return html.replace(ITEM_LABEL, (label: string, id: string) => {
		const parts = after(id);
		if (!parts) return label;
		const { inline = '', block = '' } = parts;
		return `${label}${inline}${block}`;
	});
}
