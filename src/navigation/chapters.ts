import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { extractItems } from '../progress/item-id';
import { sectionsOf, type Section } from './sections';

export type Chapter = CollectionEntry<'docs'>;
export type Roadmap = CollectionEntry<'roadmaps'>;

export interface ChapterSummary {
	entry: Chapter;
	/** Site-relative URL of the chapter, with the base path. */
	href: string;
	/** Ids of the chapter's learnable items, in page order. */
	itemIds: string[];
	/** The same items with their aliases (former ids), for progress counting. */
	items: { id: string; aliases: string[] }[];
	/** The chapter's `##` sections, each with the ids of its items. */
	sections: Section[];
}

/** Prefixes a site-relative path with the configured base path. */
export function withBase(path: string): string {
	return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/** All roadmaps in home-page order. */
export async function getRoadmaps(): Promise<Roadmap[]> {
	const roadmaps = await getCollection('roadmaps');
	return roadmaps.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** A roadmap's chapters in phase order, with their item ids counted from the source. */
export async function getRoadmapChapters(roadmapId: string): Promise<ChapterSummary[]> {
	const chapters = await getCollection('docs', (entry) => entry.data.roadmap === roadmapId);
	return chapters
		.sort((a, b) => (a.data.phase ?? 0) - (b.data.phase ?? 0) || a.id.localeCompare(b.id))
		.map(summarizeChapter);
}

export interface RoadmapWithChapters {
	roadmap: Roadmap;
	chapters: ChapterSummary[];
}

let everyRoadmap: Promise<RoadmapWithChapters[]> | undefined;

/**
 * Every roadmap with its chapters, in home-page order. The home, progress and topic pages all list
 * them; a build reads and counts them once for all those pages, while the dev server re-reads them
 * so that edits show.
 */
export function getRoadmapsWithChapters(): Promise<RoadmapWithChapters[]> {
	const load = async () =>
		Promise.all(
			(await getRoadmaps()).map(async (roadmap) => ({
				roadmap,
				chapters: await getRoadmapChapters(roadmap.id),
			})),
		);
	if (!import.meta.env.PROD) return load();
	return (everyRoadmap ??= load());
}

/** A chapter's URL and learnable items, counted from its source. */
export function summarizeChapter(entry: Chapter): ChapterSummary {
	const items = extractItems(entry.body ?? '').flatMap(({ id, aliases }) =>
		id ? [{ id, aliases }] : [],
	);
	return {
		entry,
		href: withBase(`${entry.id}/`),
		itemIds: items.map((item) => item.id),
		items,
		sections: sectionsOf(entry.body ?? ''),
	};
}

/** Looks a roadmap up by id, failing loudly: pages are only built for roadmaps that exist. */
export async function requireRoadmap(id: string): Promise<Roadmap> {
	const roadmap = await getEntry('roadmaps', id);
	if (!roadmap)
		throw new Error(`No roadmap "${id}" in content/ (missing content/${id}/_roadmap.yaml).`);
	return roadmap;
}
