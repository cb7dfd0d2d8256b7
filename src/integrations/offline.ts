import { AstroError } from 'astro/errors';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { FILES_AT_ONCE, mapLimit } from './map-limit.ts';
import { readRoadmaps } from '../content/roadmaps.ts';
import {
	fileHash,
	isPrecached,
	offlinePlan,
	PRECACHE_BUDGET,
	serviceWorkerSource,
	type BuiltFile,
	type Precache,
} from '../offline/precache.ts';
import { OFFLINE_PATHS, packPath } from '../offline/paths.ts';
import { offlineState, resetOfflineState } from './offline-state.ts';

const OFFLINE = new URL('../offline/', import.meta.url);

/**
 * Whether the build ships the offline service worker: on unless `SERVICE_WORKER` is `off`,
 * `false` or `0` (docs/offline-and-print.md). Anything else is a typo worth stopping for.
 */
export function serviceWorkerEnabled(value = process.env.SERVICE_WORKER): boolean {
	if (value === undefined || value === '' || /^(on|true|1)$/i.test(value)) return true;
	if (/^(off|false|0)$/i.test(value)) return false;
	throw new AstroError(
		`SERVICE_WORKER="${value.slice(0, 20)}" is not a setting.`,
		'Use "off" to build without the offline service worker, or leave SERVICE_WORKER unset (docs/offline-and-print.md).',
	);
}

/**
 * What a first visit may precache, from `PRECACHE_MB` (megabytes, default 5): a build that fits
 * is precached whole, a larger one only its shell (docs/offline-and-print.md).
 */
export function precacheBudget(value = process.env.PRECACHE_MB): number {
	if (value === undefined || value === '') return PRECACHE_BUDGET;
	const megabytes = Number(value);
	if (!Number.isFinite(megabytes) || megabytes < 0 || value.trim() === '') {
		throw new AstroError(
			`PRECACHE_MB="${value.slice(0, 20)}" is not a size in megabytes.`,
			'Set PRECACHE_MB to a number such as 5 (the default), or leave it unset (docs/offline-and-print.md).',
		);
	}
	return Math.round(megabytes * 1024 * 1024);
}

/** What the worker of one build caches: its roadmaps' ids and the first-visit budget. */
export interface OfflineOptions {
	enabled?: boolean;
	roadmaps?: readonly string[];
	budget?: number;
	/**
	 * Pages whose hash and size the build already knows (./offline-state.ts, from the page
	 * middleware): a file of that path and size is not read back. Any other file is.
	 */
	rendered?: ReadonlyMap<string, { hash: string; bytes: number }>;
}

/**
 * The offline service worker: registers it on every page (a bundled module script, so the strict
 * CSP needs no hash) and, after the build, writes `<base>sw.js` with its precache and, when the
 * build is larger than the budget, one pack list per roadmap (`<base>offline/<roadmap>.json`).
 * List it after every integration that writes into the output (Starlight's Pagefind index): it
 * hashes the files as they are served.
 */
export function offlineIntegration(): AstroIntegration {
	const enabled = serviceWorkerEnabled();
	const budget = precacheBudget();
	let base = '/';
	let roadmaps: string[] = [];
	return {
		name: 'backend-roadmaps:offline',
		hooks: {
			'astro:config:setup': ({ config, injectScript }) => {
				resetOfflineState();
				base = `/${config.base.replace(/^\/|\/$/g, '')}/`.replace('//', '/');
				roadmaps = readRoadmaps(fileURLToPath(new URL('content/', config.root))).map(
					(roadmap) => roadmap.id,
				);
				if (enabled) {
					const register = fileURLToPath(new URL('register.ts', OFFLINE));
					injectScript('page', `import ${JSON.stringify(register)};`);
				}
			},
			'astro:build:done': async ({ dir, logger }) => {
				const precache = await writeServiceWorker(fileURLToPath(dir), base, {
					enabled,
					roadmaps,
					budget,
					rendered: offlineState().pages,
				});
				if (!enabled) {
					logger.info('SERVICE_WORKER=off: sw.js only removes workers of earlier builds.');
					return;
				}
				const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
				logger.info(
					precache.mode === 'whole'
						? `Service worker ${precache.version}: ${precache.urls.length} files, ${size(precache.bytes)} to precache.`
						: `Service worker ${precache.version}: the site is larger than ${size(budget)}, so a first visit precaches its shell (${precache.urls.length} files, ${size(precache.bytes)}); each roadmap can be saved for offline from its page.`,
				);
			},
		},
	};
}

/**
 * Writes `sw.js` and the roadmaps' pack lists into the built site at `root` (built for `base`)
 * and returns its precache. The offline browser tests call it again on a changed copy of the
 * site, as a second build would.
 */
export async function writeServiceWorker(
	root: string,
	base: string,
	{ enabled = true, roadmaps = [], budget = PRECACHE_BUDGET, rendered }: OfflineOptions = {},
): Promise<Precache> {
	const { precache, packs, shared } = offlinePlan(
		await builtFiles(root, rendered),
		base,
		roadmaps,
		budget,
	);
	const template = await readFile(
		new URL(enabled ? 'service-worker.js' : 'service-worker-off.js', OFFLINE),
		'utf8',
	);
	await writeFile(join(root, 'sw.js'), serviceWorkerSource(template, precache));
	const packDir = join(root, OFFLINE_PATHS.packs);
	for (const name of await readdir(packDir).catch(() => []))
		if (name.endsWith('.json')) await rm(join(packDir, name));
	if (enabled && packs.length > 0) {
		await mkdir(packDir, { recursive: true });
		for (const pack of packs)
			await writeFile(join(root, packPath(pack.roadmap)), JSON.stringify(pack));
		await writeFile(join(root, OFFLINE_PATHS.shared), JSON.stringify(shared));
	}
	return precache;
}

/**
 * Every file under `root` a learner may download for offline use (`isPrecached`), with its hash
 * and size; the others (the llms files, 72 MB at 5,000 chapters) are not read. A page the build
 * rendered (`rendered`) keeps the hash the page middleware took of the bytes it passed on to be
 * written, when the file still has that size: at 5,000 chapters reading the pages back and
 * hashing them took about 1.4 s. Any other file, or a page whose size changed since, is read and
 * hashed.
 */
async function builtFiles(
	root: string,
	rendered: OfflineOptions['rendered'] = new Map(),
): Promise<BuiltFile[]> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	const files = entries.flatMap((entry) => {
		if (!entry.isFile()) return [];
		const full = join(entry.parentPath, entry.name);
		const path = relative(root, full).split(sep).join('/');
		return isPrecached(path) ? [{ full, path }] : [];
	});
	return mapLimit(files, FILES_AT_ONCE, async ({ full, path }) => {
		const known = rendered.get(path);
		if (known && (await stat(full)).size === known.bytes) return { path, ...known };
		const body = await readFile(full);
		return { path, hash: fileHash([body]), bytes: body.length };
	});
}
