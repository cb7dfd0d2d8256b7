import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { listChapterFiles } from '../src/content/roadmaps.ts';
import { writeServiceWorker } from '../src/integrations/offline.ts';
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
		const chapter = unvisitedChapter();
		const response = await page.goto(root + chapter);
		expect(response?.fromServiceWorker(), `${chapter} comes from the worker`).toBe(true);
		await expect(page.locator('main h1')).toBeVisible();
		// Each item's pages are in the copy: the links lead to other sites, named after each link.
		const learn = page.locator('details.item-learn').first();
		await learn.locator('summary').click();
		await expect(learn.locator('a').first()).toHaveAttribute('href', /^https:\/\//);
		await expect(learn.locator('small').first()).not.toBeEmpty();
		const box = page.locator('input.item-check').first();
		await box.check();
		await page.reload();
		await expect(page.locator('input.item-check').first()).toBeChecked();

		await page.goto(root);
		const { results } = await search(page, 'middleware');
		expect(await results.count()).toBeGreaterThan(0);
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
export async function checkUpdate(page: Page, root: string, dir: string, base: string) {
	await page.goto(root);
	const first = await waitForWorker(page);

	await appendFile(join(dir, 'index.html'), '\n<!-- second build -->\n');
	const second = (await writeServiceWorker(dir, base)).version;
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
}
