import { readFileSync } from 'node:fs';
import { explainCollision, idCollisions, parseItemTree, type ItemTree } from './items.ts';
import { frontmatterSyntaxErrors } from './frontmatter-syntax.ts';
import {
	CONCEPTS_FILE,
	checkConcepts,
	itemsByRoadmap,
	parseConcepts,
	readConceptsSource,
} from './concepts.ts';
import {
	RESOURCES_FILE,
	checkResources,
	parseResources,
	readResourcesSource,
} from './resources.ts';
import { listChapterFiles, readRoadmaps } from './roadmaps.ts';
import { explainVanished, findVanishedIds, readBaseline } from './vanished.ts';

/**
 * The content checks a build runs whether or not the linter ran (src/integrations/content-checks.ts),
 * with the linter's functions and messages: each problem as `file:line:column  message` and a
 * `fix:` line. Pure reads of `content/` (and git, for vanished ids), so they can run in a worker.
 */

/** What the checks found: problems fail the build, warnings are logged. */
export interface ContentProblems {
	problems: string[];
	warnings: string[];
}

const report = (place: string, { message, fix }: { message: string; fix: string }) =>
	`${place}  ${message}\n  fix: ${fix}`;

/**
 * Chapters whose frontmatter is not valid YAML (the linter's rule `frontmatter`). The build looks
 * for them when Astro's content layer fails to load the chapters (src/content.config.ts): its own
 * error names no file, line and column.
 */
export function frontmatterProblems(root: string, contentDir: string): string[] {
	return listChapterFiles(`${root}/${contentDir}`).flatMap(({ path, contentPath }) =>
		frontmatterSyntaxErrors(readFileSync(path, 'utf8')).map((error) =>
			report(`${contentDir}/${contentPath}:${error.line}:${error.column}  frontmatter`, error),
		),
	);
}

/**
 * Item ids that collide on their page, a broken concepts or resources file and, with `vanished`,
 * ids that vanished without an alias since the last commit on main (the linter's rules
 * `item-id-collision`, `concepts`, `resources` and `item-id-vanished`).
 */
export function itemProblems(
	root: string,
	contentDir: string,
	{ vanished }: { vanished: boolean },
): ContentProblems {
	const problems: string[] = [];
	const warnings: string[] = [];
	const trees = new Map<string, ItemTree>();
	for (const { path, contentPath } of listChapterFiles(`${root}/${contentDir}`)) {
		const tree = parseItemTree(readFileSync(path, 'utf8'));
		trees.set(contentPath, tree);
		for (const collision of idCollisions(tree)) {
			const { line, column } = collision.place;
			problems.push(report(`${contentDir}/${contentPath}:${line}:${column}`, explainCollision(collision)));
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
		problems.push(report(`${place}  concepts`, problem));
	}
	const resourcesSource = readResourcesSource(`${root}/${contentDir}`);
	if (resourcesSource !== undefined) {
		const { resources, problems: shape } = parseResources(resourcesSource);
		for (const problem of [...shape, ...checkResources(resources, items, concepts)]) {
			const place = `${contentDir}/${RESOURCES_FILE}:${problem.line}:${problem.column}`;
			problems.push(report(`${place}  resources`, problem));
		}
	}
	if (vanished) {
		const baseline = readBaseline(root, contentDir);
		if (!baseline.ok) warnings.push(`vanished-id check skipped: ${baseline.reason}`);
		else {
			for (const gone of findVanishedIds(trees, baseline.files, contentDir)) {
				problems.push(report(`${contentDir}/${gone.contentPath}:1:1`, explainVanished(gone)));
			}
		}
	}
	return { problems, warnings };
}
