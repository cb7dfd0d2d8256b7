import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getRoadmapsWithChapters, type RoadmapWithChapters } from './chapters';
import { lastCommitDate } from './last-updated';
import { paginationFor, roadmapLinks, sidebarFor } from './roadmap-sidebar';

/**
 * Each roadmap's sidebar links, built once per reading of the chapters: once per build, and again
 * whenever the dev server re-reads them, so a chapter added while it runs shows in the sidebar.
 */
const links = new WeakMap<RoadmapWithChapters[], Map<string, ReturnType<typeof roadmapLinks>>>();
async function roadmapSidebars() {
	const all = await getRoadmapsWithChapters();
	let sidebars = links.get(all);
	if (!sidebars) {
		sidebars = new Map(all.map(({ roadmap, chapters }) => [roadmap.id, roadmapLinks(chapters)]));
		links.set(all, sidebars);
	}
	return sidebars;
}

/**
 * Per page, before Starlight renders it:
 * - The roadmap's own sidebar and previous/next links (./roadmap-sidebar.ts) on every page under
 *   `/<roadmap>/` (its chapters, landing, plan and print pages); the other pages (home, progress,
 *   topics, 404, offline) are splash pages without one.
 * - Starlight reads git "last updated" dates only for `src/content/docs`; chapters live in
 *   `content/`, so the date of each chapter's last commit is looked up here instead.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
	const roadmap = context.url.pathname.slice(base.length).split('/')[0];
	const sidebar = roadmap ? (await roadmapSidebars()).get(roadmap) : undefined;
	if (sidebar) {
		route.sidebar = sidebarFor(sidebar, context.url.pathname);
		route.pagination = paginationFor(route.sidebar as typeof sidebar, route.entry.data);
	}
	const { entry } = route;
	if (!entry.filePath) return;
	const date = lastCommitDate(entry.filePath);
	if (date) context.locals.starlightRoute.lastUpdated = date;
});
