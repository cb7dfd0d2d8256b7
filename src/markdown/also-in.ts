import type { ConceptMemberLink } from '../content/concept-links.ts';
import { escapeHtml as escape } from '../text/escape.ts';

/**
 * "Also in": on a chapter page, after each item that is in a concept (content/concepts.yaml), one
 * small line linking the concept's other members. Written into the chapter's rendered HTML at
 * build time (src/components/TaskItems.astro, with `addAfterItems` of ./learn.ts), after the item's `<label>`, so the checkbox's
 * accessible name stays the item's text and the status tools, which the binding inserts right
 * after the label, come first. Search ignores the line, and `all` keeps its links out of the item's
 * anchor text too, which titles the item's search results (src/search/item-links.ts).
 */

/** How a link names a member: "Node + PostgreSQL, Phase 4: Authentication & Authorization". */
export function memberName({ roadmapTitle, phase, phaseTitle }: ConceptMemberLink): string {
	const where = [phase === undefined ? undefined : `Phase ${phase}`, phaseTitle]
		.filter(Boolean)
		.join(': ');
	return where ? `${roadmapTitle}, ${where}` : roadmapTitle;
}

/** The line for an item whose concept's other members are `others` (empty when there are none). */
export function alsoInHtml(others: readonly ConceptMemberLink[]): string {
	if (others.length === 0) return '';
	const links = others.map(
		(member) =>
			`<a href="${escape(`${member.href}#${member.id}`)}">${escape(memberName(member))}</a>`,
	);
	// A span: it is the `inline` part of `addAfterItems`, phrasing content on the label's line.
	return `<span class="item-also" data-pagefind-ignore="all">Also in: ${links.join(' · ')}</span>`;
}
