import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import type { ChapterSummary } from './chapters.ts';

/**
 * Each roadmap's own sidebar (its phases in order) and previous/next links that stay inside the
 * roadmap. Starlight builds one sidebar for the whole site and deep-copies it into every page's
 * route data; with every roadmap's chapters in it, that copy grew with the site on every page
 * (1,000 links on each of 1,000 pages). Starlight's sidebar is therefore empty
 * (astro.config.mjs), and the route middleware (./route-middleware.ts) puts the page's roadmap's
 * sidebar here instead: one list of links per roadmap, built once, copied per page with the
 * current one marked.
 */

type SidebarLink = Extract<StarlightRouteData['sidebar'][number], { type: 'link' }>;
type Pagination = StarlightRouteData['pagination'];
/** A chapter's `prev` / `next` frontmatter (Starlight's docs schema). */
type LinkConfig = StarlightRouteData['entry']['data']['prev'];

/** A roadmap's sidebar links, one per chapter not hidden from the sidebar, in phase order. */
export function roadmapLinks(chapters: readonly ChapterSummary[]): SidebarLink[] {
	return chapters
		.filter(({ entry }) => !entry.data.sidebar.hidden)
		.map(({ entry, href }) => {
			const { label, badge, attrs } = entry.data.sidebar;
			return {
				type: 'link',
				label: label ?? entry.data.title,
				href,
				isCurrent: false,
				badge: typeof badge === 'string' ? { text: badge, variant: 'default' } : badge,
				attrs: attrs ?? {},
			};
		});
}

/** The page's sidebar: the roadmap's links, the one at `current` (an href) marked current. */
export function sidebarFor(links: readonly SidebarLink[], current: string): SidebarLink[] {
	return links.map((link) => (link.href === current ? { ...link, isCurrent: true } : link));
}

/**
 * Previous and next links within the sidebar, as Starlight words them: a chapter's `prev` or
 * `next` frontmatter can hide one (`false`), relabel it (a string) or point it elsewhere.
 */
export function paginationFor(
	sidebar: readonly SidebarLink[],
	config: { prev?: LinkConfig; next?: LinkConfig },
): Pagination {
	const index = sidebar.findIndex((link) => link.isCurrent);
	return {
		prev: applyConfig(index > 0 ? sidebar[index - 1] : undefined, config.prev),
		next: applyConfig(index > -1 ? sidebar[index + 1] : undefined, config.next),
	};
}

function applyConfig(link: SidebarLink | undefined, config: LinkConfig): SidebarLink | undefined {
	if (config === false) return undefined;
	if (typeof config === 'string') return link && { ...link, label: config };
	if (typeof config === 'object') {
		if (link)
			return {
				...link,
				label: config.label ?? link.label,
				href: config.link ?? link.href,
				attrs: {},
			};
		if (config.link && config.label)
			return {
				type: 'link',
				label: config.label,
				href: config.link,
				isCurrent: false,
				badge: undefined,
				attrs: {},
			};
	}
	return link;
}
