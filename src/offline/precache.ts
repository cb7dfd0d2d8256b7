import { createHash } from 'node:crypto';
import { OFFLINE_PATHS } from './paths.ts';

/** One built file: its path in the output directory (`/` separators), content hash and size. */
export interface BuiltFile {
	path: string;
	/** `fileHash` of its bytes. */
	hash: string;
	bytes: number;
}

/**
 * A built file's content hash (SHA-256, hex) from its bytes, whole or in consecutive parts: the
 * page middleware hashes a page as it hands it on, the offline pass any file it reads back, and
 * the two must agree.
 */
export function fileHash(parts: readonly Uint8Array[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part);
	return hash.digest('hex');
}

/**
 * What a first visit may download in the background: a build that fits is precached whole,
 * a larger one only its shell (docs/offline-and-print.md). `PRECACHE_MB` changes it.
 */
export const PRECACHE_BUDGET = 5 * 1024 * 1024;

/** What the service worker is told about the build it caches. */
export interface Precache {
	/** The base path the site was built for, with leading and trailing slash. */
	base: string;
	/** Changes whenever any file the worker may cache, or the set of them, changes. */
	version: string;
	/**
	 * `whole`: every file is downloaded on install. `shell`: only the site's CSS, JS, fonts and
	 * search's entry files, and the offline, 404, home and progress pages while they fit the
	 * budget; pages are cached as they are visited, and each roadmap as a learner saves it.
	 */
	mode: 'whole' | 'shell';
	/** Every URL to download on install, in a stable order. */
	urls: string[];
	/** What a first install downloads, uncompressed (docs/offline-and-print.md). */
	bytes: number;
}

/**
 * What "Save this roadmap for offline" downloads: its pack (`packPath`, src/offline/paths.ts) and
 * the search index every pack shares (`OFFLINE_PATHS.shared`).
 */
export interface Pack {
	roadmap: string;
	/** The roadmap's own files: its landing, chapter, plan and print pages and its items' texts. */
	pages: string[];
	/** The pages and the shared search index, uncompressed. */
	bytes: number;
}

/**
 * The search index, shared by every pack and kept while any roadmap is saved: its chunks, filters
 * and every page's result fragment, so search offline shows every result (one of a roadmap not
 * saved leads to the offline page), never a result that cannot load. Written once: listed in every
 * pack, it made the packs grow as roadmaps × chapters (22 MB at 5,000 chapters).
 */
export interface SharedPack {
	urls: string[];
}

/** The offline plan of a build: what a first visit precaches, one pack per roadmap, the index. */
export interface OfflinePlan {
	precache: Precache;
	/** Empty when the build is precached whole. */
	packs: Pack[];
	/** Undefined when the build is precached whole. */
	shared?: SharedPack;
}

/**
 * Files a learner never needs offline: the worker itself, host configuration, source maps, text
 * for language models (read by assistants, online), and Pagefind's UI variants Starlight does
 * not load.
 */
const SKIPPED = [
	/^sw\.js$/,
	/^_headers$/,
	/^_redirects$/,
	/\.map$/,
	/^llms[^/]*\.txt$/,
	/^llms\//,
	/^pagefind\/pagefind-(?:modular-ui|component-ui)\./,
	// The packs' lists, written after the files are listed (a copy of the site lists them).
	/^offline\/[^/]+\.json$/,
];

/** Whether the file at `path` (relative to the output directory) is downloaded for offline use. */
export function isPrecached(path: string): boolean {
	return !SKIPPED.some((pattern) => pattern.test(path));
}

/**
 * The URL a file is requested by: pages by their directory (the site uses trailing slashes, so
 * `express/01-intro/index.html` is `/express/01-intro/`), everything else by its path.
 */
export function fileUrl(path: string, base: string): string {
	const page = path === 'index.html' ? '' : path.replace(/(^|\/)index\.html$/, '$1');
	return `${base}${page}`;
}

/** The file a URL of `fileUrl` names, relative to the output directory: its inverse. */
export function builtPath(url: string, base: string): string {
	const path = url.slice(base.length);
	return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** Where a precached file goes: the shell, one roadmap's pack, every pack, or only when visited. */
export function placeOf(
	path: string,
	roadmaps: ReadonlySet<string>,
): 'shell' | 'index' | 'visited' | { roadmap: string } {
	const [top = '', ...rest] = path.split('/');
	if (roadmaps.has(top)) return { roadmap: top };
	if (top === 'progress') {
		const items = /^items\/([^/]+)\.json$/.exec(rest.join('/'));
		if (items && roadmaps.has(items[1]!)) return { roadmap: items[1]! };
		return path === 'progress/index.html' ? 'shell' : 'visited';
	}
	if (top === 'pagefind') {
		if (rest[0] === 'index' || rest[0] === 'filter' || rest[0] === 'fragment') return 'index';
		// Pagefind's scripts, styles, wasm, entry and metadata: what any search starts from.
		return 'shell';
	}
	if (top === '_astro' || top === 'icons') return 'shell';
	if (path === 'offline/index.html') return 'shell';
	if (rest.length === 0) {
		// Files at the root: the home and 404 pages, the favicon and the manifest; not sitemaps.
		return path.endsWith('.html')
			? path === 'index.html' || path === '404.html'
				? 'shell'
				: 'visited'
			: path.endsWith('.xml')
				? 'visited'
				: 'shell';
	}
	return 'visited';
}

const byPath = (a: BuiltFile, b: BuiltFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
const sum = (files: readonly BuiltFile[]) => files.reduce((total, file) => total + file.bytes, 0);

/**
 * The offline plan of a build (`roadmaps`: the roadmap ids, the first folder of their pages):
 * every file when they fit `budget`, else the shell and a pack per roadmap. The version hashes
 * every file the worker may cache, so any change to the site installs a new worker.
 */
export function offlinePlan(
	files: readonly BuiltFile[],
	base: string,
	roadmaps: readonly string[] = [],
	budget = PRECACHE_BUDGET,
): OfflinePlan {
	if (!/^\/(.*\/)?$/.test(base)) {
		throw new Error(
			`BASE_PATH "${base}": the service worker needs a base path with a leading and trailing slash, e.g. /roadmaps/.`,
		);
	}
	const kept = files.filter((file) => isPrecached(file.path)).sort(byPath);
	const version = createHash('sha256')
		.update(kept.map((file) => `${file.path}\0${file.hash}`).join('\n'))
		.digest('hex')
		.slice(0, 16);
	const urls = (list: readonly BuiltFile[]) => list.map((file) => fileUrl(file.path, base));
	const whole = sum(kept) <= budget;
	if (whole) {
		return {
			precache: { base, version, mode: 'whole', urls: urls(kept), bytes: sum(kept) },
			packs: [],
		};
	}
	const ids = new Set(roadmaps);
	const shell: BuiltFile[] = [];
	const index: BuiltFile[] = [];
	const own = new Map<string, BuiltFile[]>(roadmaps.map((id) => [id, []]));
	for (const file of kept) {
		const place = placeOf(file.path, ids);
		if (place === 'shell') shell.push(file);
		else if (place === 'index') index.push(file);
		else if (place !== 'visited') own.get(place.roadmap)!.push(file);
	}
	const precached = withinBudget(shell, budget);
	return {
		precache: { base, version, mode: 'shell', urls: urls(precached), bytes: sum(precached) },
		packs: [...own].map(([roadmap, pages]) => ({
			roadmap,
			pages: urls(pages),
			bytes: sum(pages) + sum(index),
		})),
		shared: { urls: urls(index) },
	};
}

/** The shell's pages, most needed first: offline, every way on; the home; the learner's progress. */
const SHELL_PAGES = ['offline/index.html', '404.html', 'index.html', 'progress/index.html'];

/**
 * The shell within the budget: every asset (CSS, JS, fonts, icons, search's entry files: no page
 * works offline without them, and they do not grow with the content), then its pages in order of
 * need while they fit. A page left out (the home and progress pages list every roadmap, so they
 * grow with the site) is kept when it is visited.
 */
function withinBudget(shell: readonly BuiltFile[], budget: number): BuiltFile[] {
	const isPage = (file: BuiltFile) => SHELL_PAGES.includes(file.path);
	const kept = shell.filter((file) => !isPage(file));
	let bytes = sum(kept);
	for (const path of SHELL_PAGES) {
		const page = shell.find((file) => file.path === path);
		if (!page || bytes + page.bytes > budget) continue;
		kept.push(page);
		bytes += page.bytes;
	}
	return kept.sort(byPath);
}

/** The worker's source: the template with the precache defined in front of it. */
export function serviceWorkerSource(template: string, precache: Precache): string {
	const { base, version, mode, urls } = precache;
	const paths = OFFLINE_PATHS;
	return `const PRECACHE = ${JSON.stringify({ base, version, mode, urls, paths })};\n${template}`;
}
