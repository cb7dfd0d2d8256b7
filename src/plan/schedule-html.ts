import type { ItemNode } from '../content/items.ts';
import { escapeHtml } from '../text/escape.ts';

/**
 * One phase's items on the plan page (src/components/Plan.astro), as HTML: each item's box,
 * labelled by its link to the item on the chapter, and the place the planner writes its date in
 * (src/plan/plan-page.ts). Written as one string: a roadmap's plan lists every item it has (2,400
 * in a 50-chapter synthetic roadmap), and rendering each as Astro elements was most of the page's
 * build time.
 */
export function planItemsHtml(href: string, items: readonly ItemNode[]): string {
	let html = '';
	for (const item of items) {
		const id = escapeHtml(item.id!);
		const aliases =
			item.aliases.length > 0 ? ` data-aliases="${escapeHtml(item.aliases.join(' '))}"` : '';
		html +=
			`<li class="plan-item" data-plan-item="${id}">` +
			`<input type="checkbox" class="item-check" data-item="${id}"${aliases} aria-labelledby="plan-${id}">` +
			`<a id="plan-${id}" href="${escapeHtml(`${href}#${item.id}`)}">${escapeHtml(item.plain)}</a>` +
			`<span class="plan-when" data-plan-when></span></li>`;
	}
	return html;
}
