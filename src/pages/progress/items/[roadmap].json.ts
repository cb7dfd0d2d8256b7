import type { APIRoute } from 'astro';
import { leaves } from '../../../content/items';
import { requireRoadmapWithChapters, roadmapPaths } from '../../../navigation/chapters';

/**
 * `progress/items/<roadmap>.json`: id → [link, text, roadmap and phase] of each of a roadmap's
 * items. The progress page fetches a roadmap's file only when one of its items is being learned or
 * has a note, so the page itself carries no item text: at 1,000 chapters the texts of every item
 * were 8 MB of a page a learner opens every day (src/progress/progress-page.ts).
 */
export const getStaticPaths = roadmapPaths;

export const GET: APIRoute = async ({ params }) => {
	const { roadmap, chapters } = await requireRoadmapWithChapters(params.roadmap!);
	const items = Object.fromEntries(
		chapters.flatMap(({ href, tree, entry }) =>
			leaves(tree).map((item) => [
				item.id,
				[`${href}#${item.id}`, item.plain, `${roadmap.data.shortTitle} · ${entry.data.title}`],
			]),
		),
	);
	return new Response(JSON.stringify(items), {
		headers: { 'Content-Type': 'application/json' },
	});
};
