/**
 * A chapter's rendered content for its roadmap's print page, without the heading anchors
 * Starlight adds to each heading (`<a class="sl-anchor-link">`: an icon, and "Section titled …"
 * for screen readers). They link a section of the chapter's own page; on paper they print
 * nothing, and each weighs about 1 KB, about a sixth of a print page.
 */
const ANCHOR = /<a class="sl-anchor-link"[^>]*>[^]*?<\/a>/g;

export const withoutAnchors = (html: string) => html.replace(ANCHOR, '');
