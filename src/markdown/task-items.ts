import { parseItemMarkers } from '../content/item-id.ts';

/**
 * Every GFM task-list item of a chapter's rendered HTML, made a progress checkbox. GFM renders
 * `<input type="checkbox" disabled>` with no label; this enables it, wraps it and the item's own
 * text in a `<label>` (so the item text is its accessible name and a click target), strips the
 * `^id` markers, and gives the `<li>` the id as its anchor (`#day-72`). An item without an id fails
 * the build, because a tick on it could not be kept. The label is always the `<li>`'s own child,
 * in loose lists too, so every item has the same markup:
 *
 *     <li class="task-list-item roadmap-item" id="routing"
 *         data-pagefind-index-attrs="data-search-text" data-search-text="Routing (app.get)">
 *       <label class="item-label"><input type="checkbox" class="item-check" data-item="routing"
 *         data-aliases="old-routing"><span>Routing (<code>app.get</code>)</span></label>
 *
 * It works on the HTML string, in one pass, where the chapter is rendered
 * (src/components/TaskItems.astro), as the "Learn" lists are written (src/markdown/learn.ts).
 * A Markdown plugin did this before: Sätteri copied every item's nodes out to JavaScript and back
 * to wrap them, 1.5 ms a chapter, the largest cost this site added to a build.
 */

/**
 * One task item's start: its `<li>`, in a loose list the `<p>` around its own line, GFM's checkbox,
 * and its own line up to the first block (a nested list, a paragraph…) or the end of the item. A
 * block tag cannot sit inside the inline content, and text never holds a raw `<`. The line is
 * matched as runs without `<`, each `<` looked at once: a lookahead at every character of every
 * item cost the build about 0.1 ms a chapter.
 */
const TASK_ITEM =
	/<li class="task-list-item">(\s*)(<p>)?\s*<input type="checkbox"[^>]*>([^<]*(?:<(?!\/?(?:li|ul|ol|p|div|pre|blockquote|table)\b)[^<]*)*)(<\/p>)?/g;

const TAG = /<[^>]*>/g;
const ENTITIES: Record<string, string> = {
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&#39;': "'",
};

/**
 * The text of an HTML fragment, still escaped as HTML text is. Astro escapes quotes in text too;
 * other renderers may not, and an attribute value must never hold a raw one.
 */
const escapedText = (html: string) => html.replace(TAG, '').replaceAll('"', '&quot;');
/** The same text, read: for messages. */
const plainText = (html: string) =>
	escapedText(html).replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);

/**
 * `html` (a chapter, rendered) with its task items made progress checkboxes. `file` names the
 * chapter in the error an item without a well-formed id raises. With `search: false` (the print
 * page, which is not indexed) the items carry no text for the search index.
 */
export function taskItemsHtml(
	html: string,
	file: string,
	{ search = true }: { search?: boolean } = {},
): string {
	return html.replace(
		TASK_ITEM,
		(_match, lead: string, paragraph: string | undefined, line: string) => {
			// A tight item with a nested list ends its own line with a newline: it stays after the label.
			// (`trimEnd` trims what `\s` matches; the regex `\s*$` tried every position of the line.)
			const trail = paragraph ? '' : line.slice(line.trimEnd().length);
			const own = line.slice(0, line.length - trail.length);
			// The markers end the item's last text: after its last tag.
			const textStart = own.lastIndexOf('>') + 1;
			const markers = parseItemMarkers(own.slice(textStart));
			if (!markers.id) {
				throw new Error(
					`${file}: task item "${plainText(own).trim()}" has no id. End the item with a marker such as ^my-item-id (see CONTRIBUTING.md, "Item ids").`,
				);
			}
			if (markers.malformed.length > 0) {
				throw new Error(
					`${file}: task item "${plainText(own).trim()}" has malformed id marker(s) ${markers.malformed.map((m) => `^${m}`).join(', ')}. Ids are lowercase words joined by dashes, e.g. ^express-routing.`,
				);
			}
			// GFM leaves a space between the checkbox and the text; the label's gap is CSS.
			const text = (own.slice(0, textStart) + markers.text).trimStart();
			// Pagefind never indexes text inside a <label> (a form element to it), so the item's text
			// is repeated in an attribute Pagefind is told to index, at the item's own position:
			// search finds the item and deep-links to its anchor (src/search/).
			const indexed = search
				? ` data-pagefind-index-attrs="data-search-text" data-search-text="${escapedText(text).replace(/\s+/g, ' ').trim()}"`
				: '';
			const aliases =
				markers.aliases.length > 0 ? ` data-aliases="${markers.aliases.join(' ')}"` : '';
			// A loose item's paragraph is dropped and its content (the label) moved up into the <li>.
			// Pagefind gives an anchor the text of its element and of its inline descendants only:
			// behind a <p> the item's anchor had no text, and src/search/item-links.ts, which finds
			// and titles an item's matches by that text, never linked a result to the item.
			return (
				`<li class="task-list-item roadmap-item" id="${markers.id}"${indexed}>` +
				`${lead}<label class="item-label"><input type="checkbox" class="item-check" data-item="${markers.id}"${aliases}><span>${text}</span></label>${trail}`
			);
		},
	);
}
