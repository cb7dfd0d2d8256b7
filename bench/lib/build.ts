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
	project: BuildResult;
	plain: BuildResult;
	/** Project throughput over plain Starlight throughput (≥ 0.9 is the target). */
	throughputRatio: number;
}

/** Builds `count` synthetic chapters with this project, then with plain Starlight. */
export async function benchSize(
	count: number,
	run: string,
	log: (line: string) => void,
): Promise<SizeResult> {
	const chapters = syntheticChapters(count);
	const roadmaps = [...new Set(chapters.map((c) => c.roadmap))];
	const projectDir = join(WORK, `project-${count}`);
	const plainDir = join(WORK, `plain-${count}`);
	log(
		`${count} chapters (${roadmaps.length} roadmaps of ${CHAPTERS_PER_ROADMAP}): building this project…`,
	);
	prepareProject(projectDir, (contentDir) => writeCorpus(chapters, contentDir, false));
	const project = await timedBuild(projectDir, count);
	log(`  project: ${project.seconds.toFixed(1)} s; building plain Starlight…`);
	preparePlain(plainDir, roadmaps, (docsDir) => writeCorpus(chapters, docsDir, true));
	const plain = await timedBuild(plainDir, count);
	log(`  plain: ${plain.seconds.toFixed(1)} s`);
	return {
		chapters: count,
		run,
		project,
		plain,
		throughputRatio: project.chaptersPerSecond / plain.chaptersPerSecond,
	};
}
