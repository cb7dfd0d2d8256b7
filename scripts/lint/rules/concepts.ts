import { join } from 'node:path';
import {
	CONCEPTS_FILE,
	checkConcepts,
	itemsByRoadmap,
	parseConcepts,
	readConceptsSource,
} from '../../../src/content/concepts.ts';
import { chapterTree } from '../items.ts';
import type { Rule } from '../types.ts';

/**
 * `content/concepts.yaml` (src/content/concepts.ts, the same checks the build runs): its shape,
 * every member an item of its roadmap, no item in two concepts, two members at least.
 */
export const concepts: Rule = {
	name: 'concepts',
	description:
		'content/concepts.yaml: every member is an item of its roadmap, no item is in two concepts, every concept links two or more.',
	check({ cwd, contentDir, roadmaps, chapters }, report) {
		const source = readConceptsSource(join(cwd, contentDir));
		if (source === undefined) return;
		const { concepts: list, problems } = parseConcepts(source);
		const items = itemsByRoadmap(
			roadmaps.map((roadmap) => roadmap.id),
			chapters.map((chapter) => [chapter.folder, chapterTree(chapter)] as const),
		);
		for (const { line, column, message, fix } of [...problems, ...checkConcepts(list, items)])
			report({ file: `${contentDir}/${CONCEPTS_FILE}`, line, column, message, fix });
	},
};
