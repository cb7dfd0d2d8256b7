import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { listChapterFiles } from '../src/content/roadmaps.ts';
import { writeServiceWorker, type OfflineOptions } from '../src/integrations/offline.ts';
import { savedPath } from '../src/offline/paths.ts';
import { search } from './search-helpers';

/**
 * The offline checks of issue 14, shared by the site tests (e2e/offline.spec.ts, no base path) and
 * the self-hosting tests (e2e-selfhost/offline.spec.ts, nginx under /roadmaps/).
 */

const CONTENT = resolve(import.meta.dirname, '../content');

/** The last chapter of the last roadmap: no test visits it before going offline. */
export function unvisitedChapter(): string {
	const last = listChapterFiles(CONTENT).at(-1);
	if (!last) throw new Error('content/ has no chapter to open offline');
	return last.contentPath.replace(/\.mdx?$/, '/');
}

/** The roadmap of `unvisitedChapter()`, and the first chapter of the first other roadmap. */
export function roadmapsOffline(): { saved: string; other: string; otherChapter: string } {
	const saved = unvisitedChapter().split('/')[0]!;
	const first = listChapterFiles(CONTENT).find(
		(chapter) => !chapter.contentPath.startsWith(`${saved}/`),
	);
	if (!first) throw new Error('content/ needs two roadmaps for the offline checks');
	return {
		saved,
		other: first.contentPath.split('/')[0]!,
		otherChapter: first.contentPath.replace(/\.mdx?$/, '/'),
	};
}

/** Waits until the page's service worker is active and controls the page; returns its version. */
export async function waitForWorker(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((done) =>
				navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }),
			);
		}
		return new Promise<string>((done) => {
			navigator.serviceWorker.addEventListener(
				'message',
				(event) => done((event.data as { version: string }).version),
				{ once: true },
			);
			registration.active!.postMessage({ type: 'version' });
		});
	});
}

/** Names of the Cache Storage caches the page's origin holds. */
export const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/**
 * Offline after one visit to the home page at `root` (origin + base): a chapter never visited
 * opens from the worker, a tick there survives a reload, and search finds results.
 */
export async function checkOffline(page: Page, context: BrowserContext, root: string) {
	await page.goto(root);
	await waitForWorker(page);
	await context.setOffline(true);
	try {
		await checkChapterOffline(page, root, unvisitedChapter());
		await page.goto(root);
		const { results } = await search(page, 'middleware');
		expect(await results.count()).toBeGreaterThan(0);
	} finally {
		await context.setOffline(false);
	}
}

/** Offline, the never-visited `chapter` opens from the worker, with its pages; a tick is kept. */
async function checkChapterOffline(page: Page, root: string, chapter: string) {
	const response = await page.goto(root + chapter);
	expect(response?.fromServiceWorker(), `${chapter} comes from the worker`).toBe(true);
	await expect(page.locator('main h1')).toBeVisible();
	await expect(page.locator('main h1')).not.toHaveText(NOT_SAVED);
	// Each item's pages are in the copy: the links lead to other sites, named after each link.
	const learn = page.locator('details.item-learn').first();
	await learn.locator('summary').click();
	await expect(learn.locator('a').first()).toHaveAttribute('href', /^https:\/\//);
	await expect(learn.locator('small').first()).not.toBeEmpty();
	const box = page.locator('input.item-check').first();
	await box.check();
	await page.reload();
	await expect(page.locator('input.item-check').first()).toBeChecked();
}

/** The offline page's heading (src/pages/offline.astro). */
const NOT_SAVED = 'Not saved for offline use';

/** Paths (without the origin) in the worker's cache. */
const cachedPaths = (page: Page) =>
	page.evaluate(async () => {
		const names = await caches.keys();
		const cache = await caches.open(names.find((name) => name.startsWith('backend-roadmaps:'))!);
		return (await cache.keys()).map((request) => new URL(request.url).pathname);
	});

/**
 * On a site within the first-visit budget, after one visit the landing page offers no save:
 * everything is already there.
 */
export async function checkNoSaveOffered(page: Page, root: string) {
	await page.goto(root);
	await waitForWorker(page);
	await page.goto(`${root}${roadmapsOffline().saved}/`);
	const control = page.locator('offline-save');
	await expect(control).toHaveAttribute('data-mode', 'whole');
	await expect(control).toBeHidden();
}

/**
 * On a site larger than the first-visit budget (`base` its base path): one visit precaches the
 * shell, not the roadmaps; the landing page says what a save takes, saves with progress, and the
 * saved roadmap then opens offline (a chapter never visited, a tick kept, its plan page, search);
 * a removed copy is gone from the cache.
 */
export async function checkSavedRoadmap(
	page: Page,
	context: BrowserContext,
	root: string,
	base: string,
	/** axe on the save control, run before and after the save. */
	axe: () => Promise<void>,
) {
	const { saved } = roadmapsOffline();
	await page.goto(root);
	await waitForWorker(page);
	const shell = await cachedPaths(page);
	for (const path of ['', 'progress/', 'offline/', '404.html'])
		expect(shell, 'the shell').toContain(`${base}${path}`);
	expect(shell.filter((path) => path.startsWith(`${base}${saved}/`))).toEqual([]);

	await page.goto(`${root}${saved}/`);
	const control = page.locator('offline-save');
	await expect(control).toHaveAttribute('data-mode', 'shell');
	const status = control.getByRole('status');
	await expect(status).toHaveText(
		/^Keeps its \d+ pages and the search index in this browser \(\d+\.\d MB\)/,
	);
	await control.getByRole('button', { name: 'Save this roadmap for offline' }).click();
	await expect(status).toHaveText(/^Saved for offline/);
	await expect(control.getByRole('button', { name: 'Save this roadmap for offline' })).toBeHidden();
	await axe();

	await context.setOffline(true);
	try {
		await checkChapterOffline(page, root, unvisitedChapter());
		const plan = await page.goto(`${root}${saved}/plan/`);
		expect(plan?.fromServiceWorker()).toBe(true);
		await expect(page.locator('main h1')).not.toHaveText(NOT_SAVED);
		await page.goto(root);
		const { results } = await search(page, 'middleware');
		expect(await results.count()).toBeGreaterThan(0);
	} finally {
		await context.setOffline(false);
	}

	await page.goto(`${root}${saved}/`);
	await control.getByRole('button', { name: 'Remove the offline copy' }).click();
	await expect(status).toHaveText(/^Keeps its/);
	await axe();
	await expect(
		control.getByRole('button', { name: 'Save this roadmap for offline' }),
	).toBeFocused();
	expect(await cachedPaths(page)).not.toContain(`${base}${unvisitedChapter()}`);
}

/**
 * On a site larger than the first-visit budget: a page visited online opens offline, and a page
 * neither visited nor saved gets the offline page, not the browser's error.
 */
export async function checkVisitedAndUnsaved(page: Page, context: BrowserContext, root: string) {
	await page.goto(root);
	await waitForWorker(page);
	const topics = `${root}topics/`;
	await page.goto(topics);
	const path = new URL(topics).pathname;
	await expect.poll(() => cachedPaths(page)).toContain(path);
	await context.setOffline(true);
	try {
		const visited = await page.goto(topics);
		expect(visited?.fromServiceWorker()).toBe(true);
		await expect(page.locator('main h1')).toHaveText('Topics');
		const unsaved = await page.goto(root + roadmapsOffline().otherChapter);
		expect(unsaved?.fromServiceWorker()).toBe(true);
		await expect(page.locator('main h1')).toHaveText(NOT_SAVED);
		await expect(page.getByRole('link', { name: 'Your progress' })).toBeVisible();
	} finally {
		await context.setOffline(false);
	}
}

export interface SiteCopy {
	dir: string;
	remove(): Promise<void>;
}

/** A copy of a built site that a test may change and serve, leaving the build untouched. */
export async function copySite(dist: string): Promise<SiteCopy> {
	const dir = await mkdtemp(join(tmpdir(), 'roadmaps-offline-'));
	await cp(dist, dir, { recursive: true });
	return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A second build replaces the first: with the first build's worker in control of the page at
 * `root`, the served copy `dir` changes one page and gets a new `sw.js` (written by the build's
 * own code); the next page view finds it, the notice shows, its Reload button hands over to the
 * new worker, and only the new build's cache is left.
 */
export async function checkUpdate(
	page: Page,
	root: string,
	dir: string,
	base: string,
	build: OfflineOptions = {},
) {
	await page.goto(root);
	const first = await waitForWorker(page);
	// On a site larger than the budget, a roadmap saved before the update is saved again by it.
	const { saved } = roadmapsOffline();
	const shell = build.budget !== undefined;
	if (shell) {
		await page.goto(`${root}${saved}/`);
		const control = page.locator('offline-save');
		await control.getByRole('button', { name: 'Save this roadmap for offline' }).click();
		await expect(control.getByRole('status')).toHaveText(/^Saved for offline/);
	}

	await appendFile(join(dir, 'index.html'), '\n<!-- second build -->\n');
	const second = (await writeServiceWorker(dir, base, build)).version;
	expect(second).not.toBe(first);

	await page.reload();
	const notice = page.getByRole('status').filter({ hasText: 'New version available' });
	await expect(notice).toBeVisible();
	await Promise.all([
		page.waitForEvent('framenavigated'),
		notice.getByRole('button', { name: 'Reload' }).click(),
	]);
	expect(await waitForWorker(page)).toBe(second);
	await expect(notice).toHaveCount(0);
	await expect.poll(() => cacheNames(page)).toEqual([`backend-roadmaps:${base}:${second}`]);
	if (shell) {
		const paths = await cachedPaths(page);
		expect(paths).toContain(`${base}${savedPath(saved)}`);
		expect(paths).toContain(`${base}${unvisitedChapter()}`);
	}
}
