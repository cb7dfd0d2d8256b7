import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TAGS } from '../../src/schema.ts';

/**
 * Synthetic chapters shaped like ours: frontmatter per `chapterSchema`, `##` topics, GFM task
 * items with `^id` markers (unique within a roadmap), a table, a fenced code block
 * and resource links. Deterministic, so two runs build the same corpus.
 */

/** Chapters per synthetic roadmap: about the size of the largest real roadmap. */
export const CHAPTERS_PER_ROADMAP = 50;

const TAG_NAMES = Object.keys(TAGS);
const WORDS =
	'request response middleware router handler schema index query transaction cache queue worker stream buffer token session cookie header status payload'.split(
		' ',
	);

/** A tiny seeded generator: the same chapter number always gives the same text. */
function words(seed: number, count: number): string {
	const out: string[] = [];
	for (let i = 0; i < count; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]!);
	return out.join(' ');
}

export interface SyntheticChapter {
	roadmap: string;
	/** File name inside the roadmap folder, e.g. `07-phase-7.mdx`. */
	file: string;
	/** Our frontmatter (chapterSchema). */
	frontmatter: Record<string, unknown>;
	body: string;
}

function chapterBody(roadmapIndex: number, phase: number): string {
	const seed = roadmapIndex * 1000 + phase;
	const parts: string[] = [];
	for (let topic = 1; topic <= 6; topic++) {
		parts.push(`## Topic ${topic}: ${words(seed + topic, 3)}`, '');
		parts.push(`${words(seed + topic, 24)}.`, '');
		for (let item = 1; item <= 8; item++) {
			const id = `p${phase}-t${topic}-i${item}`;
			parts.push(
				`- [ ] Learn \`${WORDS[(seed + item) % WORDS.length]}\` ${words(seed + item, 6)} ^${id}`,
			);
		}
		parts.push('');
		if (topic === 2) {
			parts.push('| Concept | Why it matters | Where |', '| --- | --- | --- |');
			for (let row = 1; row <= 4; row++)
				parts.push(`| ${words(seed + row, 2)} | ${words(seed + row, 8)} | phase ${phase} |`);
			parts.push('');
		}
		if (topic === 3) {
			parts.push(
				'```js',
				"import express from 'express';",
				'const app = express();',
				`app.get('/topic-${phase}', (req, res) => {`,
				`\tres.json({ phase: ${phase}, items: ['${words(seed, 3)}'] });`,
				'});',
				'app.listen(3000);',
				'```',
				'',
			);
		}
	}
	parts.push('## Resources', '');
	for (let link = 1; link <= 3; link++)
		parts.push(`- [${words(seed + link, 3)}](https://example.org/${phase}/${link})`);
	parts.push('');
	return parts.join('\n');
}

/** The chapters of a corpus of `count` chapters, `CHAPTERS_PER_ROADMAP` per roadmap. */
export function syntheticChapters(count: number): SyntheticChapter[] {
	const chapters: SyntheticChapter[] = [];
	for (let n = 0; n < count; n++) {
		const roadmapIndex = Math.floor(n / CHAPTERS_PER_ROADMAP);
		const phase = (n % CHAPTERS_PER_ROADMAP) + 1;
		const phaseTitle = `Synthetic ${words(n, 2)}`;
		chapters.push({
			roadmap: `bench-${String(roadmapIndex + 1).padStart(3, '0')}`,
			file: `${String(phase).padStart(2, '0')}-phase-${phase}.mdx`,
			frontmatter: {
				title: `Phase ${phase}: ${phaseTitle}`,
				description: `${words(n, 10)}.`,
				roadmap: `bench-${String(roadmapIndex + 1).padStart(3, '0')}`,
				phase,
				phaseTitle,
				goal: `${words(n + 1, 12)}.`,
				duration: { min: 1 + (phase % 3), max: 2 + (phase % 3), unit: 'weeks' },
				tags: [TAG_NAMES[n % TAG_NAMES.length], TAG_NAMES[(n + 5) % TAG_NAMES.length]],
			},
			body: chapterBody(roadmapIndex, phase),
		});
	}
	return chapters;
}

/** Frontmatter as YAML (flow style is enough for these flat values). */
function frontmatterBlock(data: Record<string, unknown>): string {
	const lines = Object.entries(data).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
	return `---\n${lines.join('\n')}\n---\n\n`;
}

/**
 * Writes the corpus as this project's `content/` (with a `_roadmap.yaml` per roadmap) or, with
 * `plain`, as a plain Starlight `src/content/docs/` (title and description only).
 */
export function writeCorpus(chapters: SyntheticChapter[], dir: string, plain: boolean): void {
	const roadmaps = new Set<string>();
	for (const chapter of chapters) {
		const folder = join(dir, chapter.roadmap);
		if (!roadmaps.has(chapter.roadmap)) {
			roadmaps.add(chapter.roadmap);
			mkdirSync(folder, { recursive: true });
			if (!plain) {
				const order = roadmaps.size;
				writeFileSync(
					join(folder, '_roadmap.yaml'),
					[
						`title: Synthetic roadmap ${order}`,
						`shortTitle: Bench ${order}`,
						'summary: A generated roadmap for the build benchmark.',
						'audience: The benchmark.',
						'stack: [Node.js, Express.js]',
						`order: ${order}`,
						'source: bench/lib/synthetic.ts',
						'',
					].join('\n'),
				);
			}
		}
		const { title, description } = chapter.frontmatter;
		const frontmatter = plain ? { title, description } : chapter.frontmatter;
		writeFileSync(join(folder, chapter.file), frontmatterBlock(frontmatter) + chapter.body);
	}
}
