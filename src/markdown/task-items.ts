import { fileURLToPath } from 'node:url';
import { defineHastPlugin } from 'satteri';
import type { Element, ElementContent, Text } from 'hast';
import { parseItemMarkers } from '../content/item-id.ts';

/** Elements that end an item's own line: what follows belongs to the item but is not its label. */
const BLOCK_TAGS = new Set(['ul', 'ol', 'p', 'div', 'pre', 'blockquote', 'table']);

const isBlank = (node: ElementContent | undefined) =>
	node?.type === 'text' && node.value.trim() === '';

const isElement = (node: ElementContent | undefined, tag?: string): node is Element =>
	node?.type === 'element' && (tag === undefined || node.tagName === tag);

/**
 * Sätteri hast plugin: turns every GFM task-list item into a progress checkbox. GFM renders
 * `<input type="checkbox" disabled>` with no label; this plugin enables it, wraps it and the item's
 * own text in a `<label>` (so the item text is its accessible name and a click target), strips the
 * `^id` markers, and gives the `<li>` the id as its anchor (`#day-72`). An item without an id fails
 * the build, because a tick on it could not be kept. The label is always the `<li>`'s own child, in
 * loose lists too, so every item has the same markup.
 */
export const taskItemsPlugin = defineHastPlugin({
	name: 'roadmap-task-items',
	element: {
		filter: ['li'],
		visit(li, ctx) {
			const classes = li.properties.className;
			if (!Array.isArray(classes) || !classes.includes('task-list-item')) return;
			// Loose lists put the checkbox inside a paragraph; tight lists put it in the <li>.
			const host = li.children.find((child) => isElement(child, 'p')) ?? li;
			const kids = host.children as ElementContent[];
			const start = kids.findIndex((child) => isElement(child, 'input'));
			if (start < 0) return;
			let end = kids.findIndex(
				(child, i) => i > start && isElement(child) && BLOCK_TAGS.has(child.tagName),
			);
			if (end < 0) end = kids.length;
			// A tight item with a nested list ends its own line with a newline text node: drop it.
			while (end > start + 1 && isBlank(kids[end - 1])) end--;
			const inline = kids.slice(start + 1, end);
			const last = inline.at(-1);
			const markers = last?.type === 'text' ? parseItemMarkers(last.value) : undefined;
			const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : 'a Markdown file';
			const itemText = ctx.textContent(host).trim();
			if (!markers?.id) {
				throw new Error(
					`${file}: task item "${itemText}" has no id. End the item with a marker such as ^my-item-id (see CONTRIBUTING.md, "Item ids").`,
				);
			}
			if (markers.malformed.length > 0) {
				throw new Error(
					`${file}: task item "${itemText}" has malformed id marker(s) ${markers.malformed.map((m) => `^${m}`).join(', ')}. Ids are lowercase words joined by dashes, e.g. ^express-routing.`,
				);
			}
			const text: Text = { type: 'text', value: markers.text };
			const checkbox: Element = {
				type: 'element',
				tagName: 'input',
				properties: {
					type: 'checkbox',
					className: ['item-check'],
					dataItem: markers.id,
					...(markers.aliases.length > 0 ? { dataAliases: markers.aliases.join(' ') } : {}),
				},
				children: [],
			};
			const label: Element = {
				type: 'element',
				tagName: 'label',
				properties: { className: ['item-label'] },
				children: [
					checkbox,
					{
						type: 'element',
						tagName: 'span',
						properties: {},
						children: [...inline.slice(0, -1), text].map(trimLeading),
					},
				],
			};
			const children = [...kids.slice(0, start), label, ...kids.slice(end)];
			const anchor = {
				id: markers.id,
				className: [...classes, 'roadmap-item'],
				// Pagefind never indexes text inside a <label> (a form element to it), so the item's
				// text is repeated in an attribute Pagefind is told to index, at the item's own
				// position: search finds the item and deep-links to its anchor (src/search/).
				dataPagefindIndexAttrs: 'data-search-text',
				dataSearchText: plainText(label.children).replace(/\s+/g, ' ').trim(),
			};
			// A loose item's paragraph is dropped and its content (the label) moved up into the <li>.
			// Pagefind gives an anchor the text of its element and of its inline descendants only:
			// behind a <p> the item's anchor had no text, and src/search/item-links.ts, which finds
			// and titles an item's matches by that text, never linked a result to the item.
			ctx.replaceNode(li, {
				...li,
				properties: { ...li.properties, ...anchor },
				children:
					host === li
						? children
						: li.children.flatMap((child) => (child === host ? children : [child])),
			});
		},
	},
});

/** The text of hast nodes, like the DOM's `textContent`. */
function plainText(nodes: readonly ElementContent[]): string {
	return nodes
		.map((node) =>
			node.type === 'text' ? node.value : node.type === 'element' ? plainText(node.children) : '',
		)
		.join('');
}

/** GFM leaves a space text node between the checkbox and the item text; the label's gap is CSS. */
function trimLeading(node: ElementContent, index: number): ElementContent {
	return index === 0 && node.type === 'text' ? { ...node, value: node.value.trimStart() } : node;
}
