import { defineHastPlugin } from 'satteri';
import type { Element, ElementContent } from 'hast';

const isElement = (node: ElementContent | undefined): node is Element => node?.type === 'element';

/** The `<label class="item-label">` of a roadmap item: a child of the `<li>` or of its paragraph. */
function itemLabel(li: Element): Element | undefined {
	for (const child of li.children) {
		if (!isElement(child)) continue;
		if (child.tagName === 'label') return child;
		if (child.tagName === 'p')
			return child.children.find((c): c is Element => isElement(c) && c.tagName === 'label');
	}
	return undefined;
}

/**
 * Sätteri hast plugin, run after `taskItemsPlugin`: makes roadmap items searchable. Pagefind never
 * indexes text inside `<label>` (a form element to it), and every item's text is its checkbox
 * label. So the item `<li>` also carries its text in an attribute that Pagefind is told to index
 * (`data-pagefind-index-attrs`), at the item's own position: search finds the item, and its
 * anchor (`#item-id`) gets the right word span for deep links (`src/search/item-links.ts`).
 */
export const searchTextPlugin = defineHastPlugin({
	name: 'roadmap-search-text',
	element: {
		filter: ['li'],
		visit(li, ctx) {
			const classes = li.properties.className;
			if (!Array.isArray(classes) || !classes.includes('roadmap-item')) return;
			const label = itemLabel(li);
			if (!label) return;
			ctx.setProperty(li, 'dataPagefindIndexAttrs', 'data-search-text');
			ctx.setProperty(li, 'dataSearchText', ctx.textContent(label).replace(/\s+/g, ' ').trim());
		},
	},
});
