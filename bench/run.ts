/**
 * `npm run bench`: build throughput against plain Starlight on synthetic corpora, page weight,
 * Lighthouse, and the progress/search budgets, checked against their targets (bench/lib/report.ts).
 * Writes bench/results/latest.json and latest.md and the table at the end of docs/benchmarks.md,
 * with the date, commit and load average they were measured at; parts and sizes not run keep
 * their last figures.
 *
 *   npm run bench -- --only=build|weight|lighthouse|budgets (comma-separated) --sizes=1000 --pairs=3
 *   npm run bench -- --smoke
 *
 * `--smoke` (run by `npm test`) runs every part once on a small corpus and fails when any part
 * fails or measures nothing. It asserts no timing, and writes to bench/.work/smoke/, never to
 * bench/results/ or the docs.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { benchSize, preparePlain, ROOT, timedBuild, WORK } from './lib/build.ts';
import { launchChromium } from './lib/chromium.ts';
import { runLighthouse } from './lib/lighthouse.ts';
import { checkBudgets, smokeGaps, toMarkdown, type Budget, type Results } from './lib/report.ts';
import { serveDist } from '../scripts/serve-dist.ts';
import { readRoadmaps } from '../src/content/roadmaps.ts';
import { addedScripts, measurePage } from './lib/weight.ts';

const PARTS = ['build', 'weight', 'lighthouse', 'budgets'] as const;
const { values } = parseArgs({
	options: {
		only: { type: 'string' },
		sizes: { type: 'string' },
		pairs: { type: 'string' },
		smoke: { type: 'boolean' },
	},
});
const smoke = values.smoke === true;
const only = values.only ? values.only.split(',') : [...PARTS];
for (const part of only) {
	if (!(PARTS as readonly string[]).includes(part))
		throw new Error(`--only=${part}: use one of ${PARTS.join(', ')}`);
}
/** Two synthetic roadmaps in smoke mode, so pages that list several roadmaps have them. */
const sizes = (values.sizes ?? (smoke ? '100' : '1000,5000')).split(',').map(Number);
/** Alternated builds of each site per size: the ratio is the median of the pairs'. */
const pairs = Number(values.pairs ?? (smoke ? 1 : 3));
if (!Number.isInteger(pairs) || pairs < 1)
	throw new Error(`--pairs=${values.pairs}: use a count, e.g. 3`);
const log = (line: string) =>
	console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

const RESULTS_DIR = smoke ? join(WORK, 'smoke') : join(ROOT, 'bench', 'results');
const latestFile = join(RESULTS_DIR, 'latest.json');
const previous: Partial<Results> =
	!smoke && existsSync(latestFile) ? JSON.parse(readFileSync(latestFile, 'utf8')) : {};
/** The commit measured, marked `+changes` when the work tree differs from it. */
function commit(): string {
	const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
	try {
		const sha = git('rev-parse', '--short=12', 'HEAD').trim();
		return git('status', '--porcelain', '--untracked-files=no').trim() ? `${sha}+changes` : sha;
	} catch {
		return 'unknown (not a git checkout)';
	}
}
const results: Results = {
	...previous,
	date: new Date().toISOString(),
	commit: commit(),
	load: { start: loadavg(), end: loadavg() },
	machine: {
		cpus: cpus().length,
		cpuModel:
			/model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ??
			cpus()[0]?.model ??
			'unknown',
		memoryGB: Math.round(totalmem() / 1024 ** 3),
		node: process.version,
	},
};
const started = performance.now();

if (only.includes('build')) {
	// Sizes not run this time keep their last figures.
	const builds = (results.builds ?? []).filter((b) => !sizes.includes(b.chapters));
	for (const size of sizes) builds.push(await benchSize(size, results.date, log, pairs));
	results.builds = builds.sort((a, b) => a.chapters - b.chapters);
}

/** Roadmap ids in home-page order, from the one list of roadmaps. */
const roadmapIds = (): string[] => readRoadmaps(join(ROOT, 'content')).map((roadmap) => roadmap.id);

/** The site's three kinds of page: home, the first roadmap's landing page, its first chapter. */
function samplePages(): { home: string; landing: string; chapter: string } {
	const [roadmap] = roadmapIds();
	if (!roadmap) throw new Error('content/ has no roadmap to measure');
	const first = readdirSync(join(ROOT, 'content', roadmap))
		.filter((f) => /^\d+-.*\.mdx?$/.test(f))
		.sort()[0];
	if (!first) throw new Error(`content/${roadmap}/ has no chapter to measure`);
	return {
		home: '/',
		landing: `/${roadmap}/`,
		chapter: `/${roadmap}/${first.replace(/\.mdx?$/, '')}/`,
	};
}

/** Plain Starlight on the real chapters (title and description kept), for the added-JS figure. */
async function buildPlainSite(): Promise<string> {
	const dir = join(WORK, 'plain-site');
	const roadmaps = roadmapIds();
	preparePlain(dir, roadmaps, (docsDir) => {
		for (const id of roadmaps) {
			mkdirSync(join(docsDir, id), { recursive: true });
			for (const file of readdirSync(join(ROOT, 'content', id)).filter((f) => /\.mdx?$/.test(f))) {
				const source = readFileSync(join(ROOT, 'content', id, file), 'utf8');
				const [, yaml = '', body = source] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
				const { title, description } = parseYaml(yaml) as {
					title: string;
					description?: string;
				};
				writeFileSync(
					join(docsDir, id, file),
					`---\n${JSON.stringify({ title, description })}\n---\n${body}`,
				);
			}
		}
	});
	await timedBuild(dir, 0);
	return join(dir, 'dist');
}

async function importBudget(
	file: string,
	exportName: string,
): Promise<((o: object) => Promise<Budget>) | undefined> {
	const path = join(ROOT, 'bench', file);
	if (!existsSync(path)) return undefined;
	return (await import(pathToFileURL(path).href))[exportName];
}

if (only.some((part) => part !== 'build')) {
	const pages = samplePages();
	log(
		'building this site (dist/, unless it is up to date) for page weight, Lighthouse and budgets…',
	);
	execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-site.ts'), 'site', '--if-stale'], {
		cwd: ROOT,
		stdio: 'inherit',
	});
	const site = await serveDist(join(ROOT, 'dist'));
	const browser = await launchChromium();
	try {
		if (only.includes('weight')) {
			log('building plain Starlight on the same chapters…');
			const plain = await serveDist(await buildPlainSite());
			const project = [];
			for (const path of Object.values(pages))
				project.push(await measurePage(browser, site.baseURL, path));
			const plainChapter = await measurePage(browser, plain.baseURL, pages.chapter);
			await plain.close();
			const chapter = project.find((w) => w.path === pages.chapter)!;
			const added = addedScripts(chapter, plainChapter);
			results.weight = {
				project,
				plainChapter,
				addedJs: added.map(({ source, gzip }) => ({
					source: source.replace(site.baseURL, ''),
					gzip,
				})),
				// What a learner downloads extra: all JS of the chapter against all JS of the plain one.
				// Matching scripts by content alone would count a re-bundled library (our Pagefind UI
				// options wrap the same UI plain Starlight loads) as wholly new.
				addedJsGzip: chapter.js.gzip - plainChapter.js.gzip,
			};
		}
		if (only.includes('budgets')) {
			results.budgets = {};
			for (const [name, file, fn] of [
				['progress', 'progress-budget.ts', 'measureProgress'],
				['search', 'search-budget.ts', 'measureSearch'],
				['offline', 'offline.ts', 'measureOffline'],
			] as const) {
				const measure = await importBudget(file, fn);
				log(`${name} budgets: ${measure ? 'measuring' : 'not available'}`);
				results.budgets[name] = measure
					? // Smoke: each timed case once; the medians are for `npm run bench`.
						await measure({ baseURL: site.baseURL, browser, ...(smoke ? { loads: 1 } : {}) })
					: 'not available';
			}
		}
		if (only.includes('lighthouse')) {
			log('Lighthouse…');
			results.lighthouse = await runLighthouse(
				site.baseURL,
				smoke ? [pages.chapter] : Object.values(pages),
			);
		}
	} finally {
		await browser.close();
		await site.close();
	}
}

results.load.end = loadavg();
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(latestFile, JSON.stringify(results, null, '\t') + '\n');
const markdown = toMarkdown(results);
writeFileSync(join(RESULTS_DIR, 'latest.md'), markdown);
if (!smoke) {
	// The benchmarks doc shows the same table, between markers.
	const doc = join(ROOT, 'docs', 'benchmarks.md');
	const text = readFileSync(doc, 'utf8');
	const section = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;
	if (!section.test(text)) throw new Error(`${doc}: the bench:start/bench:end markers are missing`);
	writeFileSync(doc, text.replace(section, `$1${markdown}$2`));
}
console.log('\n' + markdown);
for (const check of checkBudgets(results)) {
	console.log(`${check.ok === null ? '–' : check.ok ? '✓' : '✗'} ${check.target}: ${check.actual}`);
}
if (smoke) {
	const missing = smokeGaps(results, { sizes, parts: only });
	if (missing.length > 0) {
		console.error(
			`bench --smoke: the bench measured nothing for\n${missing.map((m) => `  - ${m}`).join('\n')}`,
		);
		process.exit(1);
	}
	log('smoke: every part ran and measured (timings are not checked here; see npm run bench)');
}
log(`done in ${((performance.now() - started) / 1000 / 60).toFixed(1)} min`);
