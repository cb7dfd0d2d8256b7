import { isNode, parseDocument, type Document } from 'yaml';
import { leaves } from '../../../src/content/items.ts';
import {
	checkChapterFrontmatter,
	itemDurationProblem,
	roadmapSchema,
	TAGS,
	type Duration,
} from '../../../src/schema.ts';
import { chapterTree } from '../items.ts';
import { lineColumn } from '../../../src/markdown/parse.ts';
import { yamlSyntaxErrors } from '../../../src/content/frontmatter-syntax.ts';
import type { Rule } from '../types.ts';

const REFERENCE = 'see "Frontmatter reference" in CONTRIBUTING.md';

/**
 * Chapter frontmatter against the site's own schema (`checkChapterFrontmatter`, the one the build
 * uses), each `_roadmap.yaml` against `roadmapSchema`, and a chapter's `roadmap` against its folder.
 * Findings point at the offending key inside the YAML.
 */
export const frontmatter: Rule = {
	name: 'frontmatter',
	description:
		'Frontmatter and _roadmap.yaml match src/schema.ts; a chapter names its own folder as roadmap; item times add up to the phase time.',
	check({ roadmaps, chapters }, report) {
		const roadmapIds = roadmaps.map((roadmap) => roadmap.id);
		for (const roadmap of roadmaps) {
			const document = parseDocument(roadmap.source);
			for (const error of document.errors) {
				const at = lineColumn(roadmap.source, error.pos[0]);
				report({
					file: roadmap.file,
					...at,
					message: `YAML syntax: ${error.message.split('\n')[0]}`,
					fix: 'fix the YAML syntax',
				});
			}
			if (document.errors.length > 0) continue;
			const result = roadmapSchema.safeParse(document.toJS());
			for (const issue of result.success ? [] : result.error.issues) {
				// An unknown key (often a typo) is reported where it is written.
				const path =
					issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
				const field = path.map(String).join('.');
				report({
					file: roadmap.file,
					...keyPosition(document, path, roadmap.source, 1),
					...explain(field, issue.message, Object.keys(roadmapSchema.shape)),
				});
			}
		}
		for (const chapter of chapters) {
			const block = chapter.frontmatter;
			if (!block) {
				report({
					file: chapter.file,
					line: 1,
					column: 1,
					message: 'no frontmatter block',
					fix: 'start the file with a `---` block giving title, roadmap, phase and phaseTitle (`npm run new` writes one)',
				});
				continue;
			}
			const yamlSource = chapter.source
				.split('\n')
				.slice(block.firstLine - 1)
				.join('\n');
			if (block.document.errors.length > 0) {
				for (const error of yamlSyntaxErrors(block.document, yamlSource, block.firstLine))
					report({ file: chapter.file, ...error });
				continue;
			}
			const problems = checkChapterFrontmatter(chapter.file, block.data, roadmapIds);
			// Valid fields that disagree: the items' own times must add up to the phase's.
			const mismatch =
				problems.length === 0 &&
				itemDurationProblem(
					block.data as { duration?: Duration; itemDuration?: Duration },
					leaves(chapterTree(chapter).items).length,
				);
			if (mismatch) {
				report({
					file: chapter.file,
					...keyPosition(block.document, ['itemDuration'], yamlSource, block.firstLine),
					message: `field "itemDuration": ${mismatch}`,
					fix: 'correct "itemDuration" or "duration" to what the source says, or add the missing items',
				});
			}
			for (const problem of problems) {
				const path = problem.field === '(frontmatter)' ? [] : problem.field.split('.');
				report({
					file: chapter.file,
					...keyPosition(block.document, path, yamlSource, block.firstLine),
					...(path[0] === 'tags' && path.length === 2
						? {
								message: `"${String(block.document.getIn(['tags', Number(path[1])]))}" is not a tag (field "${problem.field}")`,
								fix: `use tags from the vocabulary: ${Object.keys(TAGS).join(', ')}`,
							}
						: explain(problem.field, problem.message)),
				});
			}
			const named = (block.data as { roadmap?: unknown; pageKind?: unknown }).roadmap;
			if (typeof named === 'string' && named !== chapter.folder && roadmapIds.includes(named)) {
				report({
					file: chapter.file,
					...keyPosition(block.document, ['roadmap'], yamlSource, block.firstLine),
					message: `field "roadmap" is "${named}" but the file is in ${chapter.folder}/`,
					fix: `set \`roadmap: ${chapter.folder}\` or move the file to content/${named}/`,
				});
			}
		}
	},
};

/** A finding's message and fix, with Zod's wording for a missing or unknown field made plain. */
function explain(
	field: string,
	message: string,
	known?: string[],
): { message: string; fix: string } {
	if (/received undefined$/.test(message)) {
		return {
			message: `missing required field "${field}"`,
			fix: `add \`${field}: …\`; ${REFERENCE}`,
		};
	}
	const unknown = /^Unrecognized keys?: "([^"]+)"/.exec(message)?.[1];
	if (unknown) {
		const prefix = field.endsWith(unknown) ? field : `${field ? `${field}.` : ''}${unknown}`;
		return {
			message: `unknown field "${prefix}"`,
			fix: `remove it or correct its spelling${known ? ` (fields: ${known.join(', ')})` : ''}; ${REFERENCE}`,
		};
	}
	return { message: `field "${field}": ${message}`, fix: `correct "${field}"; ${REFERENCE}` };
}

/**
 * Where the key for `path` is written; for a missing key, the nearest parent that exists (the
 * block's first line for a missing top-level field).
 */
function keyPosition(
	document: Document,
	path: readonly PropertyKey[],
	yamlSource: string,
	firstLine: number,
) {
	for (let depth = path.length; depth > 0; depth--) {
		const keys = path
			.slice(0, depth)
			.map((key) => (typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : key));
		const parent = depth === 1 ? document.contents : document.getIn(keys.slice(0, -1), true);
		const pair =
			isNode(parent) && 'items' in parent
				? findPair(parent.items as unknown[], keys.at(-1))
				: undefined;
		if (pair?.range) {
			const at = lineColumn(yamlSource, pair.range[0]);
			return { line: at.line + firstLine - 1, column: at.column };
		}
	}
	return { line: Math.max(1, firstLine - 1), column: 1 };
}

/** The key node of a map entry, or the item node of a sequence index. */
function findPair(
	items: unknown[],
	key: unknown,
): { range?: [number, number, number] | null } | undefined {
	if (typeof key === 'number')
		return items[key] as { range?: [number, number, number] } | undefined;
	for (const item of items) {
		const pairKey = (item as { key?: { value?: unknown; range?: [number, number, number] } }).key;
		if (pairKey && pairKey.value === key) return pairKey;
	}
	return undefined;
}
