import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemsByRoadmap, parseConcepts, readConceptsSource } from '../../src/content/concepts.ts';
import { leaves, parseItemTree } from '../../src/content/items.ts';
import {
	checkResources,
	coverageMarkdown,
	parseResources,
	readResourcesSource,
	resourceCoverage,
} from '../../src/content/resources.ts';
import { listChapterFiles, readRoadmaps } from '../../src/content/roadmaps.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(ROOT, 'content');

describe('the resources of the real content', () => {
	const chapters = listChapterFiles(CONTENT).map(
		({ path, contentPath }) =>
			[contentPath.split('/')[0]!, parseItemTree(readFileSync(path, 'utf8'))] as const,
	);
	const roadmaps = readRoadmaps(CONTENT).map(({ id }) => id);
	const { concepts } = parseConcepts(readConceptsSource(CONTENT) ?? '');
	const { resources, problems } = parseResources(readResourcesSource(CONTENT) ?? '');
	const leafIds = new Map(roadmaps.map((id) => [id, [] as string[]]));
	for (const [roadmap, tree] of chapters)
		leafIds.get(roadmap)?.push(...leaves(tree.items).flatMap((node) => node.id ?? []));
	const coverage = resourceCoverage(resources, concepts, leafIds);

	it('pass every rule', () => {
		expect(problems).toEqual([]);
		expect(checkResources(resources, itemsByRoadmap(roadmaps, chapters), concepts)).toEqual([]);
	});

	it('give at least 90 % of all leaf items a page', () => {
		const total = coverage.reduce((sum, row) => sum + row.leaves, 0);
		const covered = coverage.reduce((sum, row) => sum + row.covered, 0);
		expect(total).toBeGreaterThan(0);
		expect(covered / total).toBeGreaterThanOrEqual(0.9);
	});

	it('docs/resources.md states the coverage per roadmap and the items without pages', () => {
		const docs = readFileSync(join(ROOT, 'docs', 'resources.md'), 'utf8');
		const stated = /<!-- resource-coverage -->\n([\s\S]*?)\n<!-- \/resource-coverage -->/.exec(
			docs,
		)?.[1];
		// On a change of content, paste the expected block into docs/resources.md.
		expect(stated).toBe(coverageMarkdown(coverage));
	});
});
