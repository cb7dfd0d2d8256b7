import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { transform } from 'esbuild';
import { measure, median, type Measure } from './progress-budget.ts';
import { precacheOnFirstVisit } from './lib/build.ts';
import { PRECACHE_BUDGET } from '../src/offline/precache.ts';

/**
 * Offline budgets (issue 14), measured on a built site: what the worker's registration and the
 * notice and print styles add to a chapter's first load (at most 2 KB gzip), whether registering
 * slows the first page's load event, the time until the worker is active on a first visit, and
 * the precache a first visit downloads afterwards. Called by `npm run bench`.
 */

const CHAPTER = 'express-senior/01-core-express/';
const ADDED_BUDGET = 2048;
const LOAD_SLOWDOWN_BUDGET_MS = 50;
const ACTIVE_BUDGET_MS = 10_000;
const RUNS = 3;

const gzip = (text: string) => gzipSync(text, { level: 9 }).length;

/**
 * Gzip bytes a chapter gains: the registration script and the two style sheets, each minified on
 * its own (the build merges them into chunks shared with Starlight's code), and the head tags.
 */
async function addedBytes(dist: string): Promise<number> {
	const root = resolve(import.meta.dirname, '..');
	const source = (path: string) => readFile(join(root, 'src', path), 'utf8');
	const script = await transform(await source('offline/register.ts'), {
		loader: 'ts',
		minify: true,
		format: 'esm',
		define: { 'import.meta.env.BASE_URL': '"/"' },
	});
	let bytes = gzip(script.code);
	for (const sheet of ['styles/offline.css', 'styles/print.css'])
		bytes += gzip((await transform(await source(sheet), { loader: 'css', minify: true })).code);
	const html = await readFile(join(dist, CHAPTER, 'index.html'), 'utf8');
	const head = html.match(/<link rel="manifest"[^>]*>|<meta name="theme-color"[^>]*>/g) ?? [];
	if (head.length !== 2)
		throw new Error(`${CHAPTER}: no manifest link or theme colour: a fresh build?`);
	return bytes + gzip(head.join(''));
}

/** A first visit: load event time, and time from navigation start until the worker is active. */
async function firstVisit(browser: Browser, baseURL: string, worker: boolean) {
	const context = await browser.newContext({
		baseURL,
		serviceWorkers: worker ? 'allow' : 'block',
	});
	const page = await context.newPage();
	await page.goto(CHAPTER, { waitUntil: 'load' });
	const load = await page.evaluate(
		() =>
			(performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
	);
	const active = worker
		? await page.evaluate(async () => {
				await navigator.serviceWorker.ready;
				return performance.now();
			})
		: 0;
	await context.close();
	return { load, active };
}

/** Runs the offline measurements against a served build (`baseURL`) and its `dist/`. */
export async function measureOffline({
	baseURL,
	browser,
	distDir = 'dist',
}: {
	baseURL: string;
	browser: Browser;
	distDir?: string;
}): Promise<Record<string, Measure>> {
	const dist = resolve(distDir);
	const withWorker = [];
	const without = [];
	for (let run = 0; run < RUNS; run++) {
		without.push(await firstVisit(browser, baseURL, false));
		withWorker.push(await firstVisit(browser, baseURL, true));
	}
	const cache = precacheOnFirstVisit(dist);
	if (!cache) throw new Error(`${dist}: no sw.js with a PRECACHE line: a fresh build?`);
	return {
		'offline, manifest and print code a chapter adds to its first load (gzip)': measure(
			await addedBytes(dist),
			'bytes',
			ADDED_BUDGET,
		),
		[`first load event with the worker minus without it, ${CHAPTER} (median of ${RUNS})`]: measure(
			Math.round(median(withWorker.map((v) => v.load)) - median(without.map((v) => v.load))),
			'ms',
			LOAD_SLOWDOWN_BUDGET_MS,
		),
		[`time until the worker is active on a first visit (median of ${RUNS})`]: measure(
			Math.round(median(withWorker.map((v) => v.active))),
			'ms',
			ACTIVE_BUDGET_MS,
		),
		[`precache a first visit downloads (${cache.files} files, uncompressed)`]: measure(
			cache.bytes,
			'bytes',
			PRECACHE_BUDGET,
		),
	};
}
