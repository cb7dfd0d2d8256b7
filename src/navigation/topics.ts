import { TAGS, type Tag } from '../schema';
import { leaves } from '../content/items.ts';
import { getRoadmapsWithChapters, withBase, type Chapter, type Roadmap } from './chapters';

/** A roadmap item as a topic page lists it: its plain text and its link. */
export interface TopicItem {
	text: string;
	href: string;
}

/** One roadmap's share of a topic: its chapters that carry the tag, with their items. */
export interface TopicRoadmap {
	roadmap: Roadmap;
	chapters: { entry: Chapter; href: string; items: TopicItem[] }[];
}

/** A tag across all roadmaps: what the cross-roadmap topic pages show. */
export interface Topic {
	tag: Tag;
	description: string;
	href: string;
	/** Roadmaps (home-page order) that have at least one chapter with the tag. */
	roadmaps: TopicRoadmap[];
	chapterCount: number;
	itemCount: number;
}

/** Site-relative URL of a tag's topic page. */
export const topicHref = (tag: Tag) => withBase(`topics/${tag}/`);

/** Every tag of the controlled vocabulary (`TAGS`), in its order, with the chapters covering it. */
export async function getTopics(): Promise<Topic[]> {
	const roadmaps = await getRoadmapsWithChapters();
	return (Object.keys(TAGS) as Tag[]).map((tag) => {
		const covering = roadmaps
			.map(({ roadmap, chapters }) => ({
				roadmap,
				chapters: chapters
					.filter(({ entry }) => entry.data.tags.includes(tag))
					.map(({ entry, href, tree }) => ({
						entry,
						href,
						items: leaves(tree).flatMap((item) =>
							item.id ? [{ text: item.plain, href: `${href}#${item.id}` }] : [],
						),
					})),
			}))
			.filter(({ chapters }) => chapters.length > 0);
		const chapters = covering.flatMap(({ chapters }) => chapters);
		return {
			tag,
			description: TAGS[tag],
			href: topicHref(tag),
			roadmaps: covering,
			chapterCount: chapters.length,
			itemCount: chapters.reduce((sum, chapter) => sum + chapter.items.length, 0),
		};
	});
}
