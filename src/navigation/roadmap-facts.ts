import { formatDuration } from '../schema';
import type { Section } from '../content/items.ts';
import type { ChapterSummary, Roadmap } from './chapters';

/** What the home cards, the comparison and the landing page say about a roadmap's size. */
export interface RoadmapFacts {
	/** "25–35 weeks", or "Self-paced" when the roadmap states no time. */
	time: string;
	phases: number;
	items: number;
	/** Where Start / Continue goes before the learner's progress is known: the first item. */
	startHref: string | undefined;
}

/** Counts a roadmap's phases and items and words its time. */
export function roadmapFacts(roadmap: Roadmap, chapters: readonly ChapterSummary[]): RoadmapFacts {
	const first = chapters.find((chapter) => chapter.items.length > 0);
	return {
		time: roadmap.data.totalDuration ? formatDuration(roadmap.data.totalDuration) : 'Self-paced',
		phases: chapters.length,
		items: chapters.reduce((sum, chapter) => sum + chapter.items.length, 0),
		startHref: first && `${first.href}#${first.items[0]!.id}`,
	};
}

export { plural } from '../text/plural';

/**
 * A chapter's `##` sections with the items of their sub-sections folded in, leaving out headings
 * with no items (Resources): what the map and the topic pages link to.
 */
export function phaseSections(sections: readonly Section[]): Section[] {
	const top: Section[] = [];
	for (const section of sections) {
		if (section.depth <= 2 || top.length === 0)
			top.push({ ...section, leafIds: [...section.leafIds] });
		else top.at(-1)!.leafIds.push(...section.leafIds);
	}
	return top.filter((section) => section.leafIds.length > 0);
}
