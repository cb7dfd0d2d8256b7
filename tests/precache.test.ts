import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	precacheBudget,
	serviceWorkerEnabled,
	writeServiceWorker,
} from '../src/integrations/offline';
import {
	builtPath,
	fileUrl,
	isPrecached,
	offlinePlan,
	placeOf,
	PRECACHE_BUDGET,
	serviceWorkerSource,
	type BuiltFile,
} from '../src/offline/precache';

const file = (path: string, hash = 'h', bytes = 10): BuiltFile => ({ path, hash, bytes });
/** The precache of a build within the budget: every file. */
const precacheOf = (files: BuiltFile[], base: string) => offlinePlan(files, base).precache;

describe('fileUrl', () => {
	it('requests pages by their directory and other files by their path, under the base', () => {
		expect(fileUrl('index.html', '/')).toBe('/');
		expect(fileUrl('express/01-intro/index.html', '/roadmaps/')).toBe(
			'/roadmaps/express/01-intro/',
		);
		expect(fileUrl('404.html', '/roadmaps/')).toBe('/roadmaps/404.html');
		expect(fileUrl('pagefind/pagefind.js', '/')).toBe('/pagefind/pagefind.js');
	});

	it('is undone by builtPath', () => {
		for (const path of ['index.html', 'express/01-intro/index.html', '404.html', 'pagefind/x.js'])
			expect(builtPath(fileUrl(path, '/roadmaps/'), '/roadmaps/')).toBe(path);
	});
});

describe('isPrecached', () => {
	it('leaves out the worker, host files, maps, llms.txt and unused Pagefind UIs', () => {
		for (const path of ['sw.js', '_headers', 'a.js.map', 'llms-full.txt', 'llms/x.txt'])
			expect(isPrecached(path), path).toBe(false);
		expect(isPrecached('pagefind/pagefind-modular-ui.js')).toBe(false);
		for (const path of ['index.html', 'pagefind/pagefind.js', 'pagefind/index/en_1.pf_index'])
			expect(isPrecached(path), path).toBe(true);
	});
});

describe('precacheOf', () => {
	it('versions the build by every file, whatever the listing order', () => {
		const a = precacheOf([file('b.css'), file('index.html')], '/');
		expect(a.urls).toEqual(['/b.css', '/']);
		expect(precacheOf([file('index.html'), file('b.css')], '/').version).toBe(a.version);
		expect(precacheOf([file('index.html'), file('b.css', 'new')], '/').version).not.toBe(a.version);
		expect(precacheOf([file('index.html')], '/').version).not.toBe(a.version);
		expect(precacheOf([file('index.html'), file('sw.js', 'x')], '/').version).toBe(
			precacheOf([file('index.html')], '/').version,
		);
		expect(a.bytes).toBe(20);
	});

	it('names the fix for a base path without slashes', () => {
		expect(() => precacheOf([], 'roadmaps')).toThrow(/leading and trailing slash/);
	});
});

describe('serviceWorkerSource', () => {
	it('defines PRECACHE (without sizes) in front of the template', () => {
		const source = serviceWorkerSource('run(PRECACHE);', precacheOf([file('index.html')], '/'));
		expect(source).toMatch(
			/^const PRECACHE = \{"base":"\/","version":"[0-9a-f]{16}","mode":"whole","urls":\["\/"\],"paths":\{"packs":"offline\/","shared":"offline\/_search.json","saved":"offline\/saved\/","page":"offline\/"\}\};\nrun/,
		);
	});
});

/** A small build of two roadmaps (300 bytes kept), larger than a budget of 200 bytes. */
const BUILD: BuiltFile[] = [
	file('index.html'),
	file('404.html'),
	file('favicon.svg'),
	file('manifest.webmanifest'),
	file('sitemap-0.xml'),
	file('offline/index.html'),
	file('progress/index.html'),
	file('progress/items/express.json'),
	file('progress/items/python.json'),
	file('_astro/page.js'),
	file('_astro/inter.woff2'),
	file('icons/192.png'),
	file('pagefind/pagefind.js'),
	file('pagefind/pagefind-entry.json'),
	file('pagefind/pagefind.en_1.pf_meta'),
	file('pagefind/wasm.en.pagefind'),
	file('pagefind/ui/pagefind.js'),
	file('pagefind/index/en_1.pf_index'),
	file('pagefind/filter/en_1.pf_filter'),
	file('pagefind/fragment/en_a.pf_fragment'),
	file('pagefind/fragment/en_b.pf_fragment'),
	file('express/index.html'),
	file('express/01-intro/index.html'),
	file('express/plan/index.html'),
	file('express/print/index.html'),
	file('python/index.html'),
	file('python/01-basics/index.html'),
	file('topics/index.html'),
	file('topics/sql/index.html'),
	file('offline/express.json'),
];
const ROADMAPS = ['express', 'python'];

describe('offlinePlan', () => {
	it('precaches a build within the budget whole, with no packs', () => {
		const { precache, packs } = offlinePlan(BUILD, '/', ROADMAPS, 10_000);
		expect(precache.mode).toBe('whole');
		expect(precache.urls).toHaveLength(BUILD.length - 1); // not the pack list
		expect(packs).toEqual([]);
	});

	it('precaches only the shell of a larger build, and packs each roadmap', () => {
		const { precache, packs, shared } = offlinePlan(BUILD, '/roadmaps/', ROADMAPS, 200);
		expect(precache.mode).toBe('shell');
		expect([...precache.urls].sort()).toEqual(
			[
				'/roadmaps/',
				'/roadmaps/404.html',
				'/roadmaps/_astro/inter.woff2',
				'/roadmaps/_astro/page.js',
				'/roadmaps/favicon.svg',
				'/roadmaps/icons/192.png',
				'/roadmaps/manifest.webmanifest',
				'/roadmaps/offline/',
				'/roadmaps/pagefind/pagefind-entry.json',
				'/roadmaps/pagefind/pagefind.en_1.pf_meta',
				'/roadmaps/pagefind/pagefind.js',
				'/roadmaps/pagefind/ui/pagefind.js',
				'/roadmaps/pagefind/wasm.en.pagefind',
				'/roadmaps/progress/',
			].sort(),
		);
		expect(precache.bytes).toBe(140);
		const express = packs.find((pack) => pack.roadmap === 'express')!;
		expect(express.pages).toEqual([
			'/roadmaps/express/01-intro/',
			'/roadmaps/express/',
			'/roadmaps/express/plan/',
			'/roadmaps/express/print/',
			'/roadmaps/progress/items/express.json',
		]);
		// Listed once for every pack, not in each.
		expect(express).not.toHaveProperty('shared');
		expect(shared!.urls).toEqual([
			'/roadmaps/pagefind/filter/en_1.pf_filter',
			'/roadmaps/pagefind/fragment/en_a.pf_fragment',
			'/roadmaps/pagefind/fragment/en_b.pf_fragment',
			'/roadmaps/pagefind/index/en_1.pf_index',
		]);
		expect(express.bytes).toBe(90);
		expect(packs.map((pack) => pack.roadmap)).toEqual(ROADMAPS);
		// Topic pages and sitemaps are kept when visited.
		const everywhere = [precache.urls, ...packs.map((pack) => pack.pages), shared!.urls].flat();
		for (const url of ['/roadmaps/topics/', '/roadmaps/sitemap-0.xml'])
			expect(everywhere).not.toContain(url);
	});

	it('keeps the shell within the budget: assets always, then the pages most needed', () => {
		const big = BUILD.map((f) =>
			f.path === 'index.html' || f.path === 'progress/index.html' ? file(f.path, 'h', 60) : f,
		);
		// 12 assets and two small pages make 140 bytes; the home (60) fits in 200, progress does not.
		const { precache } = offlinePlan(big, '/', ROADMAPS, 200);
		expect(precache.mode).toBe('shell');
		expect(precache.urls).toContain('/');
		expect(precache.urls).toContain('/offline/');
		expect(precache.urls).not.toContain('/progress/');
		expect(precache.bytes).toBeLessThanOrEqual(200);
		expect(precache.urls).toContain('/_astro/page.js');
	});

	it('versions the build by every file, whatever the mode', () => {
		expect(offlinePlan(BUILD, '/', ROADMAPS, 100).precache.version).toBe(
			offlinePlan(BUILD, '/', ROADMAPS, 10_000).precache.version,
		);
		const changed = BUILD.map((f) =>
			f.path === 'topics/sql/index.html' ? file(f.path, 'new') : f,
		);
		expect(offlinePlan(changed, '/', ROADMAPS, 100).precache.version).not.toBe(
			offlinePlan(BUILD, '/', ROADMAPS, 100).precache.version,
		);
	});
});

describe('placeOf', () => {
	it('keeps the items of an unknown roadmap and other pages for when they are visited', () => {
		const roadmaps = new Set(ROADMAPS);
		expect(placeOf('progress/items/gone.json', roadmaps)).toBe('visited');
		expect(placeOf('progress/index.html', roadmaps)).toBe('shell');
		expect(placeOf('express/01-intro/index.html', roadmaps)).toEqual({ roadmap: 'express' });
		expect(placeOf('pagefind/fragment/x.pf_fragment', roadmaps)).toBe('index');
		expect(placeOf('about/index.html', roadmaps)).toBe('visited');
	});
});

describe('precacheBudget', () => {
	it('reads megabytes, defaults to 5 MB, and rejects what is not a size', () => {
		expect(precacheBudget(undefined)).toBe(PRECACHE_BUDGET);
		expect(precacheBudget('')).toBe(PRECACHE_BUDGET);
		expect(precacheBudget('1')).toBe(1024 * 1024);
		expect(precacheBudget('0.5')).toBe(512 * 1024);
		expect(() => precacheBudget('5MB')).toThrow(/PRECACHE_MB="5MB"/);
		expect(() => precacheBudget('-1')).toThrow(
			expect.objectContaining({ hint: expect.stringContaining('number') }),
		);
	});
});

describe('serviceWorkerEnabled', () => {
	it('is on unless switched off, and rejects typos', () => {
		expect(serviceWorkerEnabled(undefined)).toBe(true);
		expect(serviceWorkerEnabled('on')).toBe(true);
		expect(serviceWorkerEnabled('off')).toBe(false);
		expect(serviceWorkerEnabled('FALSE')).toBe(false);
		expect(() => serviceWorkerEnabled('of')).toThrow(/SERVICE_WORKER="of"/);
		expect(() => serviceWorkerEnabled('of')).toThrow(
			expect.objectContaining({ hint: expect.stringContaining('"off"') }),
		);
	});
});

describe('writeServiceWorker', () => {
	const page = '<!doctype html><title>Home</title>';
	const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
	/** The version of a site of two pages, with `rendered` given for the home page. */
	async function version(rendered?: Map<string, { hash: string; bytes: number }>) {
		const dir = mkdtempSync(join(tmpdir(), 'sw-'));
		try {
			writeFileSync(join(dir, 'index.html'), page);
			writeFileSync(join(dir, '404.html'), '<!doctype html><title>Not found</title>');
			return (await writeServiceWorker(dir, '/', { rendered })).version;
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
	const entry = (hash: string, bytes = Buffer.byteLength(page)) =>
		new Map([['index.html', { hash, bytes }]]);

	it('takes a rendered page’s hash instead of reading the page back, while its size holds', async () => {
		const read = await version();
		// The hash the middleware took of the same bytes: the same version.
		expect(await version(entry(sha256(page)))).toBe(read);
		// A different hash for a page of that size is taken as it is: the page was not read.
		expect(await version(entry('0'.repeat(64)))).not.toBe(read);
		// A page whose size changed since it was rendered is read again.
		expect(await version(entry('0'.repeat(64), 1))).toBe(read);
	});

	it('reads no file a learner never downloads, such as the llms files', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sw-'));
		try {
			writeFileSync(join(dir, 'index.html'), page);
			// 3 GB, sparse: reading it fails (no buffer holds it), so the call fails if it is read.
			mkdirSync(join(dir, 'llms'));
			writeFileSync(join(dir, 'llms', 'huge.txt'), '');
			truncateSync(join(dir, 'llms', 'huge.txt'), 3 * 1024 ** 3);
			const { urls } = await writeServiceWorker(dir, '/');
			expect(urls).toEqual(['/']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
