import { TAG_LABELS, TAGS, type Tag } from '../schema';
import { getRoadmapsWithChapters, withBase, type ChapterSummary, type Roadmap } from './chapters';

/** One roadmap's share of a topic: its chapters that carry the tag. */
export interface TopicRoadmap {
	roadmap: Roadmap;
	chapters: ChapterSummary[];
}

/** A tag across all roadmaps: what the cross-roadmap topic pages show. */
export interface Topic {
	tag: Tag;
	/** Its human name (`TAG_LABELS`). */
	label: string;
	description: string;
	href: string;
	/** Roadmaps (home-page order) that have at least one chapter with the tag. */
	roadmaps: TopicRoadmap[];
	chapterCount: number;
	itemCount: number;
}

/** Site-relative URL of a tag's topic page. */
export const topicHref = (tag: Tag) => withBase(`topics/${tag}/`);

/**
 * Every tag of the controlled vocabulary (`TAGS`) that some chapter teaches, in vocabulary order,
 * with the chapters covering it. Tags no chapter carries yet get no page.
 */
export async function getTopics(): Promise<Topic[]> {
	const roadmaps = await getRoadmapsWithChapters();
	return (Object.keys(TAGS) as Tag[])
		.map((tag) => {
			const covering = roadmaps
				.map(({ roadmap, chapters }) => ({
					roadmap,
					chapters: chapters.filter(({ entry }) => entry.data.tags.includes(tag)),
				}))
				.filter(({ chapters }) => chapters.length > 0);
			const chapters = covering.flatMap(({ chapters }) => chapters);
			return {
				tag,
				label: TAG_LABELS[tag],
				description: TAGS[tag],
				href: topicHref(tag),
				roadmaps: covering,
				chapterCount: chapters.length,
				itemCount: chapters.reduce((sum, chapter) => sum + chapter.items.length, 0),
			};
		})
		.filter((topic) => topic.itemCount > 0);
}
