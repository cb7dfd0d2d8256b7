import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slug } from 'github-slugger';
import { parse } from 'yaml';
import { allItems, parseItemTree } from '../../src/content/items.ts';
import { isChapterFile, roadmapFolders } from '../../src/content/roadmaps.ts';

export interface ScaffoldedChapter {
	/** Path of the new file, under `contentDir`. */
	path: string;
	source: string;
	phase: number;
	itemId: string;
}

/**
 * A new chapter for `roadmap`: the next phase number, valid frontmatter, one section and one
 * placeholder item whose id is unique in the roadmap. Nothing is written; the caller does that.
 */
export function scaffoldChapter(
	contentDir: string,
	roadmap: string,
	title: string,
): ScaffoldedChapter {
	const roadmaps = roadmapFolders(contentDir);
	if (!roadmaps.includes(roadmap)) {
		throw new Error(
			`No roadmap "${roadmap}" in ${contentDir}/: use one of ${roadmaps.join(', ')}, or add ${contentDir}/${roadmap}/_roadmap.yaml first.`,
		);
	}
	const phaseTitle = title.trim().replace(/\s+/g, ' ');
	if (!phaseTitle) throw new Error('The chapter needs a title, e.g. "Testing and Debugging".');
	const folder = join(contentDir, roadmap);
	const chapters = readdirSync(folder).filter(isChapterFile);
	const sources = chapters.map((name) => readFileSync(join(folder, name), 'utf8'));
	const phase =
		Math.max(
			0,
			...sources.map(phaseOf).filter((n): n is number => n !== undefined),
			...chapters.map((name) => Number.parseInt(name, 10) || 0),
		) + 1;
	const fileSlug =
		slug(phaseTitle)
			.replace(/[^a-z0-9-]/g, '')
			.replace(/-+/g, '-')
			.replace(/^-|-$/g, '') || 'chapter';
	const path = join(folder, `${String(phase).padStart(2, '0')}-${fileSlug}.mdx`);
	const taken = new Set(
		sources.flatMap((source) =>
			allItems(parseItemTree(source).items).flatMap((item) => [item.id, ...item.aliases]),
		),
	);
	const stem = `${fileSlug.split('-').slice(0, 4).join('-')}-first-topic`;
	let itemId = stem;
	for (let n = 2; taken.has(itemId); n++) itemId = `${stem}-${n}`;
	const roadmapTitle = String(
		(parse(readFileSync(join(folder, '_roadmap.yaml'), 'utf8')) as { title?: unknown }).title ??
			roadmap,
	);
	const source = [
		'---',
		`title: ${quote(`Phase ${phase}: ${phaseTitle}`)}`,
		`description: ${quote(`Phase ${phase} of ${roadmapTitle}: ${phaseTitle}.`)}`,
		`roadmap: ${roadmap}`,
		`phase: ${phase}`,
		`phaseTitle: ${quote(phaseTitle)}`,
		'tags: []',
		'---',
		'',
		`## ${phaseTitle}`,
		'',
		`- [ ] Replace this placeholder with the first thing to learn in this phase. ^${itemId}`,
		'',
	].join('\n');
	return { path, source, phase, itemId };
}

/** The `phase` number in a chapter's frontmatter, if it has one. */
function phaseOf(source: string): number | undefined {
	const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
	const phase = block ? (parse(block) as { phase?: unknown } | null)?.phase : undefined;
	return typeof phase === 'number' ? phase : undefined;
}

/** A YAML single-quoted string. */
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
