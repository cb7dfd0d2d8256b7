import { createHash } from 'node:crypto';

/** One built file: its path in the output directory (`/` separators), content hash and size. */
export interface BuiltFile {
	path: string;
	hash: string;
	bytes: number;
}

/** What the service worker is told about the build it caches. */
export interface Precache {
	/** The base path the site was built for, with leading and trailing slash. */
	base: string;
	/** Changes whenever any precached file's content, or the set of files, changes. */
	version: string;
	/** Every URL to download on install, in a stable order. */
	urls: string[];
	/** What a first install downloads, uncompressed (docs/offline-and-print.md). */
	bytes: number;
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

/** The precache of a build: files in path order, and a version hashed from all of them. */
export function precacheOf(files: readonly BuiltFile[], base: string): Precache {
	if (!/^\/(.*\/)?$/.test(base)) {
		throw new Error(
			`BASE_PATH "${base}": the service worker needs a base path with a leading and trailing slash, e.g. /roadmaps/.`,
		);
	}
	const kept = files
		.filter((file) => isPrecached(file.path))
		.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const version = createHash('sha256')
		.update(kept.map((file) => `${file.path}\0${file.hash}`).join('\n'))
		.digest('hex')
		.slice(0, 16);
	return {
		base,
		version,
		urls: kept.map((file) => fileUrl(file.path, base)),
		bytes: kept.reduce((sum, file) => sum + file.bytes, 0),
	};
}

/** The worker's source: the template with the precache defined in front of it. */
export function serviceWorkerSource(template: string, precache: Precache): string {
	const { base, version, urls } = precache;
	return `const PRECACHE = ${JSON.stringify({ base, version, urls })};\n${template}`;
}
