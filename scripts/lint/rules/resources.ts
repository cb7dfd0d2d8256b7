import { join } from 'node:path';
import {
	itemsByRoadmap,
	parseConcepts,
	readConceptsSource,
} from '../../../src/content/concepts.ts';
import {
	RESOURCES_FILE,
	checkResources,
	parseResources,
	readResourcesSource,
} from '../../../src/content/resources.ts';
import { chapterTree } from '../items.ts';
import type { Rule } from '../types.ts';

/**
 * `content/resources.yaml` (src/content/resources.ts, the same checks the build runs): pages with
 * canonical https URLs on allowlisted hosts, their own titles and evidence; one to three pages per
 * item or concept, each defined; item keys that name leaf items outside concepts.
 */
export const resources: Rule = {
	name: 'resources',
	description:
		'content/resources.yaml: verified pages on allowlisted hosts, one to three per item or concept, every key an item, concept or topic.',
	check({ cwd, contentDir, roadmaps, chapters }, report) {
		const dir = join(cwd, contentDir);
		const source = readResourcesSource(dir);
		if (source === undefined) return;
		const { resources: parsed, problems } = parseResources(source);
		const items = itemsByRoadmap(
			roadmaps.map((roadmap) => roadmap.id),
			chapters.map((chapter) => [chapter.folder, chapterTree(chapter)] as const),
		);
		const { concepts } = parseConcepts(readConceptsSource(dir) ?? '');
		for (const { line, column, message, fix } of [
			...problems,
			...checkResources(parsed, items, concepts),
		])
			report({ file: `${contentDir}/${RESOURCES_FILE}`, line, column, message, fix });
	},
};
