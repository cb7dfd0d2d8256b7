import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listChapterFiles, listFiles, roadmapFolders } from '../src/content/roadmaps.ts';
import { formatDuration, type Duration } from '../src/schema';
import { findMissingLines, learnableLines, normalizeLine } from '../src/text/learnable-lines';
import { findMojibake, repairMojibake } from '../src/text/mojibake';

/**
 * Fidelity: every learnable line of a source roadmap (tests/fixtures/seeds, byte-for-byte copies
 * of ../shared/seeds) stands on the site, in order, and no page shows mojibake. A roadmap names
 * its source in `_roadmap.yaml` (`source:`).
 */

const CONTENT = 'content';
const SEEDS = 'tests/fixtures/seeds';

/** A source line deliberately not published, and why. */
interface Exclusion {
	/** 1-based line in the (repaired) source. */
	line: number;
	/** How that line starts, so the entry goes stale loudly if the source changes. */
	startsWith: string;
	reason: string;
}

/** Lines left out on purpose, per source. Everything else must be published. */
const EXCLUSIONS: Record<string, Exclusion[]> = {
	'000_3fef6295854d220c.txt': [
		{
			line: 1,
			startsWith: "Here's a **comprehensive roadmap**",
			reason:
				'chat preamble; it announces "6 key phases" but the source lists 5. Its description ' +
				'(step by step, foundations, advanced topics, best practices) is the roadmap summary.',
		},
	],

	'001_2bc1d622c0d2b9a1.txt': [],

	'002_da66e7b277c207b4.txt': [
		{
			line: 241,
			startsWith: 'Would you like me to make this into a **month-by-month',
			reason: 'chat artefact: an offer to write a different plan, not roadmap content',
		},
	],

	'003_86bbf5b0c51ce0a1.txt': [],

	'004_e835637113bcc593.txt': [],
};

/** The roadmap folder each seed is published in (docs/architecture.md, "Content"). */
const PUBLISHED_AS: Record<string, string> = {
	'000_3fef6295854d220c.txt': 'express-senior',
	'001_2bc1d622c0d2b9a1.txt': 'node-express-mongodb',
	'002_da66e7b277c207b4.txt': 'node-express-postgresql',
	'003_86bbf5b0c51ce0a1.txt': 'nodejs-140-days',
	'004_e835637113bcc593.txt': 'backend-js-python',
};

/** A seed as a learner should read it: repaired when it is mojibake. */
function readSeed(file: string): string {
	return repairMojibake(readFileSync(join(SEEDS, file), 'utf8'));
}

function splitFrontmatter(file: string): {
	data: Record<string, unknown>;
	body: string;
} {
	const text = readFileSync(file, 'utf8');
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
	if (!match) return { data: {}, body: text };
	return {
		data: (parse(match[1]!) ?? {}) as Record<string, unknown>,
		body: text.slice(match[0].length),
	};
}

/**
 * What a roadmap shows, line by line, in reading order: its landing data (title, summary,
 * audience, stack), then each chapter by phase: its title with its duration and its goal (as the
 * landing page lists them), then its body.
 */
function publishedLines(roadmap: string, meta: Record<string, unknown>): string[] {
	const lines = [
		meta.title,
		meta.shortTitle,
		meta.summary,
		meta.audience,
		...((meta.stack as string[]) ?? []),
	].map(String);
	const chapters = listChapterFiles(CONTENT, roadmap)
		.map(({ path }) => splitFrontmatter(path))
		.sort((a, b) => Number(a.data.phase) - Number(b.data.phase));
	for (const { data, body } of chapters) {
		const duration = data.duration as Duration | undefined;
		lines.push(`${String(data.title)}${duration ? ` (${formatDuration(duration)})` : ''}`);
		if (data.goal) lines.push(`Goal: ${String(data.goal)}`);
		lines.push(...body.split(/\r?\n/));
	}
	return lines;
}

describe('content fidelity', () => {
	const roadmaps = roadmapFolders(CONTENT);

	it('finds roadmaps to check', () => {
		expect(roadmaps.length).toBeGreaterThan(0);
	});

	for (const roadmap of roadmaps) {
		const meta = parse(readFileSync(join(CONTENT, roadmap, '_roadmap.yaml'), 'utf8')) as Record<
			string,
			unknown
		>;
		const source = String(meta.source);

		it(`${roadmap}: its source ${source} is a fixture published under the agreed folder`, () => {
			expect(
				existsSync(join(SEEDS, source)),
				`content/${roadmap}/_roadmap.yaml names source "${source}", but ${SEEDS}/${source} does not exist: copy the seed there byte-for-byte or fix "source".`,
			).toBe(true);
			expect(PUBLISHED_AS[source], `${source} belongs in content/${PUBLISHED_AS[source]}/`).toBe(
				roadmap,
			);
		});

		it(`${roadmap}: every learnable line of ${source} is published, in order`, () => {
			if (!existsSync(join(SEEDS, source))) throw new Error(`${SEEDS}/${source} is missing`);
			const seed = readSeed(source);
			const excluded = EXCLUSIONS[source] ?? [];
			const seedLines = seed.split(/\r?\n/);
			const stale = excluded.filter((e) => !seedLines[e.line - 1]?.startsWith(e.startsWith));
			expect(
				stale.map(
					(e) => `${source}:${e.line} no longer starts with "${e.startsWith}": update EXCLUSIONS`,
				),
			).toEqual([]);
			const lines = learnableLines(seed).filter((l) => !excluded.some((e) => e.line === l.line));
			const missing = findMissingLines(lines, publishedLines(roadmap, meta));
			expect(
				missing.map((l) => `${SEEDS}/${source}:${l.line}: ${l.raw.trim()}`),
				`Lines of ${source} not found in content/${roadmap}/ (in source order). Publish each one ` +
					`under its phase, or add it to EXCLUSIONS in this test with the reason.`,
			).toEqual([]);
		});
	}

	for (const [source, roadmap] of Object.entries(PUBLISHED_AS)) {
		if (!roadmaps.includes(roadmap))
			it.todo(`${source} is not published yet (content/${roadmap}/)`);
	}

	it('no file in content/ has mojibake or U+FFFD', () => {
		const hits = listFiles(CONTENT).flatMap((file) =>
			findMojibake(readFileSync(file, 'utf8')).map(
				(hit) =>
					`${relative('.', file)}:${hit.line}:${hit.column}: "${hit.found}"` +
					(hit.repaired
						? ` should read "${hit.repaired}"`
						: ' is a lost character: retype it from the source'),
			),
		);
		expect(hits).toEqual([]);
	});
});

describe('repairMojibake', () => {
	const seed001 = readFileSync(join(SEEDS, '001_2bc1d622c0d2b9a1.txt'), 'utf8').split('\n');
	const seed004 = readFileSync(join(SEEDS, '004_e835637113bcc593.txt'), 'utf8').split('\n');

	it('restores the emoji of seed 001 and 004', () => {
		expect(repairMojibake(seed001[1]!)).toBe(
			'🔹 Learn the basics of how the web works (HTTP, DNS, client-server model, REST vs. GraphQL).',
		);
		expect(repairMojibake(seed001[5]!)).toBe('📌 Resources:');
		expect(repairMojibake(seed001[57]!)).toBe('✅ A Task Manager API (CRUD, authentication, JWT)');
		expect(repairMojibake(seed004[2]!)).toBe('## 📘 Part 1: Backend Fundamentals');
	});

	it('leaves no mojibake in the repaired seeds', () => {
		for (const seed of [seed001, seed004]) {
			const text = seed.join('\n');
			expect(findMojibake(text).length).toBeGreaterThan(0);
			expect(findMojibake(repairMojibake(text))).toEqual([]);
		}
	});

	it('leaves correct text alone: real emoji, curly quotes, dashes', () => {
		for (const file of [
			'000_3fef6295854d220c.txt',
			'002_da66e7b277c207b4.txt',
			'003_86bbf5b0c51ce0a1.txt',
		]) {
			const text = readFileSync(join(SEEDS, file), 'utf8');
			expect(findMojibake(text), file).toEqual([]);
			expect(repairMojibake(text), file).toBe(text);
		}
	});

	it('repairs accents and punctuation too, and reports U+FFFD with its place', () => {
		expect(repairMojibake('cafÃ© â€œquotedâ€\u009d itâ€™s')).toBe('café “quoted” it’s');
		expect(findMojibake('ok\nbad \ufffd here')).toEqual([
			{ line: 2, column: 5, found: '\ufffd', repaired: undefined },
		]);
	});
});

describe('findMissingLines', () => {
	const source =
		'## **Phase 1: Core**\n**Goal:** Learn it.\n\n1. **Routing**\n   - Use `app.get`.\n---\n';

	it('matches across formatting changes', () => {
		const published = [
			'Phase 1: Core',
			'Goal: Learn it.',
			'## Routing',
			'- [ ] Use `app.get` ^app-get',
		];
		expect(findMissingLines(learnableLines(source), published)).toEqual([]);
	});

	it('reports a deleted line with its number, even when its words appear elsewhere', () => {
		const published = [
			'Routing basics',
			'Phase 1: Core',
			'Goal: Learn it.',
			'- [ ] Use `app.get` ^app-get',
		];
		expect(findMissingLines(learnableLines(source), published).map((l) => l.line)).toEqual([4]);
	});

	it('normalises emoji, quotes, dashes, numbering and ids to words', () => {
		expect(normalizeLine('### 🧩 **Practice:** “file organizer” — `fs` ^cli-tool')).toBe(
			'practice file organizer fs',
		);
		expect(normalizeLine('12. [ ] [Express Docs](https://expressjs.com/)')).toBe('express docs');
		expect(normalizeLine('Express Docs: https://expressjs.com/')).toBe('express docs');
	});

	it('finds a source line whose resource gained a link on the site', () => {
		const seed = learnableLines("Node.js Design Patterns (O'Reilly)\n");
		const published = [
			"- [Node.js Design Patterns](https://www.nodejsdesignpatterns.com/) (O'Reilly)",
		];
		expect(findMissingLines(seed, published)).toEqual([]);
	});
});
