import { AstroError } from 'astro/errors';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { explainCollision, idCollisions, parseItemTree, type ItemTree } from '../content/items.ts';
import { frontmatterSyntaxErrors } from '../content/frontmatter-syntax.ts';
import {
	CONCEPTS_FILE,
	checkConcepts,
	itemsByRoadmap,
	parseConcepts,
	readConceptsSource,
} from '../content/concepts.ts';
import {
	RESOURCES_FILE,
	checkResources,
	parseResources,
	readResourcesSource,
} from '../content/resources.ts';
import { listChapterFiles, readRoadmaps } from '../content/roadmaps.ts';
import { explainVanished, findVanishedIds, readBaseline } from '../content/vanished.ts';

/**
 * The checks a build must not skip, whether or not the content linter ran: frontmatter that is
 * not valid YAML, an item id that collides with another id on its page, a broken concepts file
 * (`content/concepts.yaml`) or resources file (`content/resources.yaml`), and (in a build) an id
 * that vanished without an alias, which would lose learners' ticks. Same functions and messages
 * as the linter's rules `frontmatter`, `item-id-collision`, `concepts`, `resources` and
 * `item-id-vanished`; the build fails
 * naming file, line and column.
 */
export function contentChecks(contentDir = 'content'): AstroIntegration {
	return {
		name: 'backend-roadmaps:content-checks',
		hooks: {
			'astro:config:setup': ({ command, config, logger }) => {
				const root = fileURLToPath(config.root);
				const problems: string[] = [];
				const report = (place: string, { message, fix }: { message: string; fix: string }) =>
					problems.push(`${place}  ${message}\n  fix: ${fix}`);
				const trees = new Map<string, ItemTree>();
				for (const { path, contentPath } of listChapterFiles(`${root}/${contentDir}`)) {
					const source = readFileSync(path, 'utf8');
					for (const error of frontmatterSyntaxErrors(source)) {
						const place = `${contentDir}/${contentPath}:${error.line}:${error.column}`;
						report(`${place}  frontmatter`, error);
					}
					const tree = parseItemTree(source);
					trees.set(contentPath, tree);
					for (const collision of idCollisions(tree)) {
						const { line, column } = collision.place;
						report(`${contentDir}/${contentPath}:${line}:${column}`, explainCollision(collision));
					}
				}
				const items = itemsByRoadmap(
					readRoadmaps(`${root}/${contentDir}`).map((roadmap) => roadmap.id),
					[...trees].map(([contentPath, tree]) => [contentPath.split('/')[0]!, tree] as const),
				);
				const conceptsSource = readConceptsSource(`${root}/${contentDir}`);
				const { concepts, problems: conceptShape } = parseConcepts(conceptsSource ?? '');
				for (const problem of [...conceptShape, ...checkConcepts(concepts, items)]) {
					const place = `${contentDir}/${CONCEPTS_FILE}:${problem.line}:${problem.column}`;
					report(`${place}  concepts`, problem);
				}
				const resourcesSource = readResourcesSource(`${root}/${contentDir}`);
				if (resourcesSource !== undefined) {
					const { resources, problems: shape } = parseResources(resourcesSource);
					for (const problem of [...shape, ...checkResources(resources, items, concepts)]) {
						const place = `${contentDir}/${RESOURCES_FILE}:${problem.line}:${problem.column}`;
						report(`${place}  resources`, problem);
					}
				}
				if (command === 'build') {
					const baseline = readBaseline(root, contentDir);
					if (!baseline.ok) logger.warn(`vanished-id check skipped: ${baseline.reason}`);
					else {
						for (const gone of findVanishedIds(trees, baseline.files, contentDir)) {
							report(`${contentDir}/${gone.contentPath}:1:1`, explainVanished(gone));
						}
					}
				}
				if (problems.length > 0) {
					throw new AstroError(
						`${problems.length} problem(s) in ${contentDir}/:\n${problems.join('\n')}`,
						'Fix each problem at its file, line and column, as its `fix:` line says. `npm run lint:content` shows the same findings.',
					);
				}
			},
		},
	};
}
