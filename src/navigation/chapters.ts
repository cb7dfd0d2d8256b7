import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { linkConcepts, type SiteConcepts } from '../content/concept-links.ts';
import { parseConcepts, readConceptsSource, type Concept } from '../content/concepts.ts';
import {
	parseResources,
	readResourcesSource,
	siteResources,
	type SiteResources,
} from '../content/resources.ts';
import {
	groups,
	leaves,
	parseItemTree,
	type Item,
	type ItemNode,
	type Section,
} from '../content/items.ts';

export type Chapter = CollectionEntry<'docs'>;
export type Roadmap = CollectionEntry<'roadmaps'>;

export interface ChapterSummary {
	entry: Chapter;
	/** Site-relative URL of the chapter, with the base path. */
	href: string;
	/** Ids of the chapter's leaf items (the ones progress counts), in page order. */
	itemIds: string[];
	/** The same leaves with their aliases (former ids), for progress counting. */
	items: Item[];
	/** Items with children, each with the leaves it stands for (a group's tick is its leaves'). */
	groups: { item: Item; leaves: Item[] }[];
	/** The whole item tree (src/content/items.ts). */
	tree: ItemNode[];
	/** The chapter's headings, each with its leaf ids. */
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
async function getRoadmapChapters(roadmapId: string): Promise<ChapterSummary[]> {
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

let everyConcept: Promise<SiteConcepts> | undefined;

/**
 * The concepts (`content/concepts.yaml`), each member placed on its chapter page: an item's
 * concept is `(await getConcepts()).of(roadmap, id)`, with the concept's other members (roadmap,
 * short title, chapter href, phase, item id). Chapter pages ("Also in"), progress data and any
 * page that needs an item's concept read it here. Like the chapters, a build reads the file once;
 * the dev server re-reads it so that edits show. Problems in the file fail the build earlier
 * (src/integrations/content-checks.ts), so here they are only left out.
 */
export function getConcepts(): Promise<SiteConcepts> {
	const load = async () => linkConcepts(readConceptList(), await getRoadmapsWithChapters());
	if (!import.meta.env.PROD) return load();
	return (everyConcept ??= load());
}

let conceptList: Concept[] | undefined;

/** The concepts file, parsed: once per build for concepts and resources alike. */
function readConceptList(): Concept[] {
	// The working directory's `./content`, as the collections and the config read it.
	const read = () => parseConcepts(readConceptsSource('./content') ?? '').concepts;
	if (!import.meta.env.PROD) return read();
	return (conceptList ??= read());
}

let everyResource: Promise<SiteResources> | undefined;

/**
 * The resources (`content/resources.yaml`): the pages that teach an item are
 * `(await getResources()).of(roadmap, id)` (its concept's when it is in one), a topic's entry
 * pages `ofTags([tag])`. Read once per build, re-read by the dev server; problems in the file fail
 * the build earlier (src/integrations/content-checks.ts), so here they are only left out.
 */
export function getResources(): Promise<SiteResources> {
	const load = async () =>
		siteResources(
			parseResources(readResourcesSource('./content') ?? '').resources,
			readConceptList(),
		);
	if (!import.meta.env.PROD) return load();
	return (everyResource ??= load());
}

const asItem = ({ id, aliases }: ItemNode): Item[] => (id === undefined ? [] : [{ id, aliases }]);

/** A chapter's URL and item tree, read from its source by the one item model. */
function summarizeChapter(entry: Chapter): ChapterSummary {
	const { items: tree, sections } = parseItemTree(entry.body ?? '');
	const items = leaves(tree).flatMap(asItem);
	return {
		entry,
		href: withBase(`${entry.id}/`),
		itemIds: items.map((item) => item.id),
		items,
		groups: groups(tree).flatMap(({ item, leaves }) =>
			asItem(item).map((group) => ({ item: group, leaves: leaves.flatMap(asItem) })),
		),
		tree,
		sections,
	};
}

/** Looks a roadmap up by id, failing loudly: pages are only built for roadmaps that exist. */
export async function requireRoadmap(id: string): Promise<Roadmap> {
	const roadmap = await getEntry('roadmaps', id);
	if (!roadmap)
		throw new Error(`No roadmap "${id}" in content/ (missing content/${id}/_roadmap.yaml).`);
	return roadmap;
}

/** `getStaticPaths` of the pages every roadmap has once: landing, plan and print. */
export async function roadmapPaths() {
	return (await getRoadmaps()).map((roadmap) => ({ params: { roadmap: roadmap.id } }));
}

/** One roadmap with its chapters, from the cached list of every roadmap. */
export async function requireRoadmapWithChapters(id: string): Promise<RoadmapWithChapters> {
	const roadmap = await requireRoadmap(id);
	const found = (await getRoadmapsWithChapters()).find((entry) => entry.roadmap.id === id);
	return { roadmap, chapters: found?.chapters ?? [] };
}
