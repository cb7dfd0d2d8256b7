import { spawn } from 'node:child_process';
import {
	closeSync,
	cpSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { BUILD_INPUTS } from '../../scripts/build-inputs.ts';
import { buildPhases, type BuildPhases } from './phases.ts';
import { builtPath } from '../../src/offline/precache.ts';
import { syntheticChapters, writeCorpus, CHAPTERS_PER_ROADMAP } from './synthetic.ts';

/** The repository root: bench/lib/ is two levels down. */
export const ROOT = join(import.meta.dirname, '..', '..');
/** Scratch space for generated sites (gitignored). */
export const WORK = join(ROOT, 'bench', '.work');
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuildResult {
	chapters: number;
	seconds: number;
	chaptersPerSecond: number;
	/** Peak resident set of the largest process in the build (astro or pagefind), in bytes. */
	peakRssBytes: number | null;
	distBytes: number;
	pagefindBytes: number;
	/** What the site's service worker downloads on a first visit (`sw.js`), when it has one. */
	precache?: { bytes: number; files: number; mode: string };
	/** Seconds per build step, from the build's log (undefined if the log lacks one). */
	phases?: BuildPhases;
	/** Work directory, whose `dist/` later steps may serve. */
	dir: string;
}

/** Total size of the files under `dir`. */
export function dirBytes(dir: string): number {
	if (!existsSync(dir)) return 0;
	let total = 0;
	for (const entry of readdirSync(dir, {
		withFileTypes: true,
		recursive: true,
	})) {
		if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
	}
	return total;
}

/**
 * This project on a synthetic corpus: what its build reads (scripts/build-inputs.ts) copied
 * beside the corpus as `content/`. No node_modules link: Node resolves packages from the
 * repository's node_modules upwards, and each site keeps its own Astro cache
 * (`node_modules/.astro` would be shared).
 */
export function prepareProject(dir: string, content: (contentDir: string) => void): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const path of BUILD_INPUTS) {
		if (path !== 'content' && existsSync(join(ROOT, path)))
			cpSync(join(ROOT, path), join(dir, path), { recursive: true });
	}
	content(join(dir, 'content'));
}

/**
 * A plain Starlight site: `starlight({ title })` and the default `docsSchema`. Its sidebar lists one
 * link per roadmap, because Starlight's default (every page on every page) grows quadratically:
 * 5,000 links on each of 5,000 pages would measure the sidebar, not the build.
 */
export function preparePlain(
	dir: string,
	roadmaps: string[],
	content: (docsDir: string) => void,
): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'src'), { recursive: true });
	const sidebar = roadmaps.map((id) => ({
		label: id,
		link: `/${id}/01-phase-1/`,
	}));
	writeFileSync(
		join(dir, 'astro.config.mjs'),
		[
			"import { defineConfig } from 'astro/config';",
			"import starlight from '@astrojs/starlight';",
			"export default defineConfig({ site: 'https://plain.example.org', integrations: [",
			`\tstarlight({ title: 'Plain Starlight', sidebar: ${JSON.stringify(sidebar)} }),`,
			'] });',
			'',
		].join('\n'),
	);
	writeFileSync(
		join(dir, 'src', 'content.config.ts'),
		[
			"import { defineCollection } from 'astro:content';",
			"import { docsLoader } from '@astrojs/starlight/loaders';",
			"import { docsSchema } from '@astrojs/starlight/schema';",
			'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
			'',
		].join('\n'),
	);
	// Astro bundles (does not externalize) the Astro packages it finds among the dependencies.
	const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
	const deps = {
		astro: dependencies.astro,
		'@astrojs/starlight': dependencies['@astrojs/starlight'],
	};
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({ type: 'module', private: true, dependencies: deps }),
	);
	content(join(dir, 'src', 'content', 'docs'));
}

/**
 * Runs `astro build` in `dir` under GNU time when present (peak RSS), timing the wall clock. The
 * build's output goes to `bench/.work/<name>.log`.
 */
export async function timedBuild(
	dir: string,
	chapters: number,
	name = basename(dir),
): Promise<BuildResult> {
	const gnuTime = existsSync('/usr/bin/time');
	mkdirSync(WORK, { recursive: true });
	const logFile = join(WORK, `${name}.log`);
	const log = openSync(logFile, 'w');
	const timeFile = join(WORK, `${name}.time.txt`);
	const command = gnuTime ? '/usr/bin/time' : process.execPath;
	const args = gnuTime
		? ['-v', '-o', timeFile, process.execPath, ASTRO, 'build']
		: [ASTRO, 'build'];
	const start = performance.now();
	const code = await new Promise<number | null>((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: dir,
			stdio: ['ignore', log, log],
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
		});
		child.on('error', reject);
		child.on('exit', resolve);
	});
	const seconds = (performance.now() - start) / 1000;
	closeSync(log);
	if (code !== 0) throw new Error(`astro build failed in ${dir} (exit ${code}); see ${logFile}`);
	let peakRssBytes: number | null = null;
	if (gnuTime) {
		const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
		peakRssBytes = kb ? Number(kb[1]) * 1024 : null;
	}
	return {
		chapters,
		seconds,
		chaptersPerSecond: chapters / seconds,
		peakRssBytes,
		distBytes: dirBytes(join(dir, 'dist')),
		pagefindBytes: dirBytes(join(dir, 'dist', 'pagefind')),
		precache: precacheOnFirstVisit(join(dir, 'dist')),
		phases: buildPhases(readFileSync(logFile, 'utf8')),
		dir,
	};
}

/**
 * What the service worker of the site in `dist` downloads on a first visit: the files its `sw.js`
 * lists (`const PRECACHE = {…};` on the first line), sized on disk. Undefined without a worker.
 */
export function precacheOnFirstVisit(dist: string): BuildResult['precache'] {
	const worker = join(dist, 'sw.js');
	if (!existsSync(worker)) return undefined;
	const line = readFileSync(worker, 'utf8').split('\n', 1)[0]!;
	const json = /^const PRECACHE = (.*);$/.exec(line)?.[1];
	if (!json) return undefined;
	const { base, mode, urls } = JSON.parse(json) as { base: string; mode: string; urls: string[] };
	const bytes = urls.reduce((sum, url) => sum + statSync(join(dist, builtPath(url, base))).size, 0);
	return { bytes, files: urls.length, mode };
}

export interface SizeResult {
	chapters: number;
	/** When the run started: sizes compare for linearity only within one run. */
	run: string;
	/**
	 * The median build of each site (by time; its peak memory the median of every build's), from
	 * `pairs` builds of this project and plain Starlight, alternated.
	 */
	project: BuildResult;
	plain: BuildResult;
	/** Project throughput over plain Starlight throughput, the median of the pairs' (≥ 0.9 is the target). */
	throughputRatio: number;
	/** Each pair's throughput ratio, in the order built (absent in results from before pairs). */
	pairRatios?: number[];
}

/**
 * `dir` without what an earlier build left to speed up the next (Astro's content-layer store and
 * generated types, Vite's cache): every bench build starts cold, as a fresh clone's does. Plain
 * Starlight's second build of 5,000 chapters took 1.4 s to set up, against 5.3 s cold.
 */
function withoutCaches(dir: string): string {
	for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite'])
		rmSync(join(dir, cache), { recursive: true, force: true });
	return dir;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * One size's result from its alternated builds: each site's median build by time (the lower
 * middle one for an even count), with the median of every build's peak memory, and the median of
 * the pairs' throughput ratios. Pairing keeps the ratio meaningful while the machine's speed
 * drifts: one run of each measured 0.62x to 0.72x at 1,000 chapters on the same commit.
 */
export function summarizeSize(
	chapters: number,
	run: string,
	pairs: readonly { project: BuildResult; plain: BuildResult }[],
): SizeResult {
	if (pairs.length === 0) throw new Error(`no build of ${chapters} chapters to summarize`);
	const middle = (builds: BuildResult[]): BuildResult => {
		const sorted = [...builds].sort((a, b) => a.seconds - b.seconds);
		const picked = sorted[Math.floor((sorted.length - 1) / 2)]!;
		const peaks = builds.flatMap((build) => (build.peakRssBytes ? [build.peakRssBytes] : []));
		return { ...picked, peakRssBytes: peaks.length > 0 ? median(peaks) : null };
	};
	const pairRatios = pairs.map(({ project, plain }) => plain.seconds / project.seconds);
	return {
		chapters,
		run,
		project: middle(pairs.map((pair) => pair.project)),
		plain: middle(pairs.map((pair) => pair.plain)),
		throughputRatio: median(pairRatios),
		pairRatios,
	};
}

/**
 * Builds `count` synthetic chapters with this project and with plain Starlight, `pairs` times
 * each, alternated (project, plain, project, plain…).
 */
export async function benchSize(
	count: number,
	run: string,
	log: (line: string) => void,
	pairs = 1,
): Promise<SizeResult> {
	const chapters = syntheticChapters(count);
	const roadmaps = [...new Set(chapters.map((c) => c.roadmap))];
	const projectDir = join(WORK, `project-${count}`);
	const plainDir = join(WORK, `plain-${count}`);
	log(
		`${count} chapters (${roadmaps.length} roadmaps of ${CHAPTERS_PER_ROADMAP}), ${pairs} alternated build(s) of each site…`,
	);
	prepareProject(projectDir, (contentDir) => writeCorpus(chapters, contentDir, false));
	preparePlain(plainDir, roadmaps, (docsDir) => writeCorpus(chapters, docsDir, true));
	const built: { project: BuildResult; plain: BuildResult }[] = [];
	for (let pair = 1; pair <= pairs; pair++) {
		const project = await timedBuild(withoutCaches(projectDir), count);
		const plain = await timedBuild(withoutCaches(plainDir), count);
		log(
			`  ${pair}/${pairs}: project ${project.seconds.toFixed(1)} s, plain ${plain.seconds.toFixed(1)} s (${(plain.seconds / project.seconds).toFixed(2)}x)`,
		);
		built.push({ project, plain });
	}
	return summarizeSize(count, run, built);
}
