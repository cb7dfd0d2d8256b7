import type { APIRoute } from 'astro';
import { leaves } from '../../../content/items';
import { requireRoadmapWithChapters, roadmapPaths } from '../../../navigation/chapters';
import type { ItemTexts } from '../../../progress/item-texts';

/**
 * `progress/items/<roadmap>.json` (`ItemTexts`): each chapter's link and "roadmap · phase" once,
 * and each of the roadmap's items with its chapter and text. The progress page fetches a
 * roadmap's file only when one of its items is being learned or has a note, so the page itself
 * carries no item text: at 1,000 chapters the texts of every item were 8 MB of a page a learner
 * opens every day (src/progress/progress-page.ts).
 */
export const getStaticPaths = roadmapPaths;

export const GET: APIRoute = async ({ params }) => {
	const { roadmap, chapters } = await requireRoadmapWithChapters(params.roadmap!);
	// A dictionary from the start: `Object.fromEntries` adds each of a roadmap's thousands of ids as
	// a new hidden-class transition, 13 ms and 17 MB of garbage for 2,400 items (the bench's roadmaps).
	const items: ItemTexts['items'] = Object.create(null);
	chapters.forEach(({ tree }, chapter) => {
		for (const { id, plain } of leaves(tree)) if (id !== undefined) items[id] = [chapter, plain];
	});
	const texts: ItemTexts = {
		chapters: chapters.map(({ href, entry }) => [
			href,
			`${roadmap.data.shortTitle} · ${entry.data.title}`,
		]),
		items,
	};
	return new Response(JSON.stringify(texts), {
		headers: { 'Content-Type': 'application/json' },
	});
};
