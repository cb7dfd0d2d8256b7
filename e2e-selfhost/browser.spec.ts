import { expect, test, type Page } from '../e2e/fixtures';
import { resolve } from 'node:path';
import { listChapterFiles } from '../src/content/roadmaps.ts';
import { SELFHOST_BASE } from '../scripts/selfhost-paths.ts';
import { origin, sitemapPaths } from './site';

const CONTENT = resolve(import.meta.dirname, '../content');

interface Watch {
	violations: string[];
	foreignRequests: string[];
	failedResponses: string[];
}

/**
 * Records CSP violations (from inside every page, across navigations), requests to other hosts
 * and responses that failed (a script or stylesheet missing under the base path).
 */
async function watch(page: Page): Promise<Watch> {
	const seen: Watch = { violations: [], foreignRequests: [], failedResponses: [] };
	await page.exposeFunction('__reportCspViolation', (report: string) =>
		seen.violations.push(report),
	);
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const report = `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}:${event.lineNumber} (${event.sample})`;
			(window as unknown as { __reportCspViolation(r: string): void }).__reportCspViolation(report);
		});
	});
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol !== 'data:' && url.origin !== origin())
			seen.foreignRequests.push(request.url());
	});
	page.on('response', (response) => {
		if (response.status() >= 400)
			seen.failedResponses.push(`${response.status()} ${response.url()}`);
	});
	return seen;
}

test('every sitemap page loads under the base path with no CSP violation, no foreign request and no failed response', async ({
	page,
}) => {
	// One page walks the whole sitemap (about 80 pages, a second or less each); the default
	// timeout is for one page's worth of work, so this test gets a minute per ten pages.
	const pages = await sitemapPaths(SELFHOST_BASE);
	test.setTimeout(pages.length * 6_000);
	const seen = await watch(page);
	for (const path of pages) {
		// `load`: the page's scripts, styles and images have run or failed by then.
		const response = await page.goto(origin() + path);
		expect.soft(response?.status(), path).toBe(200);
		for (const [kind, list] of Object.entries(seen)) {
			expect.soft(list, `${kind} on ${path}`).toEqual([]);
			list.length = 0;
		}
	}
	// A sitemap that lost its pages would pass the loop above: every chapter is one of them.
	for (const { contentPath } of listChapterFiles(CONTENT))
		expect(pages).toContain(`${SELFHOST_BASE}${contentPath.replace(/\.mdx?$/, '/')}`);
});

test('search, tick an item and reload: no CSP violation, no foreign request, the tick persists', async ({
	page,
}) => {
	const seen = await watch(page);
	await page.goto(origin() + SELFHOST_BASE);

	// Search through Starlight's dialog (Pagefind loads its bundle and index from the base path).
	await page.getByRole('button', { name: 'Search' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('textbox', { name: 'Search' }).fill('express');
	const result = dialog.locator('.pagefind-ui__result-link').first();
	await expect(result).toBeVisible();
	expect(new URL((await result.getAttribute('href'))!, origin()).pathname).toMatch(
		new RegExp(`^${SELFHOST_BASE}`),
	);
	await result.click();
	await page.waitForURL(
		(url) => url.pathname.startsWith(SELFHOST_BASE) && url.pathname !== SELFHOST_BASE,
	);

	// Tick the first item of a chapter; progress is kept in localStorage under the base path.
	await page.goto(`${origin()}${SELFHOST_BASE}express-senior/01-core-express/`);
	const item = page.locator('input.item-check').first();
	await expect(item).not.toBeChecked();
	await item.check();
	await page.reload(); // waits for `load`: the binding has restored the ticks by then

	expect(seen.violations).toEqual([]);
	expect(seen.foreignRequests).toEqual([]);
	expect(seen.failedResponses).toEqual([]);
	// Needs the progress binding (issue 4): the tick survives the reload, stored under a key
	// namespaced by the base path so two sites on one host keep separate progress.
	await expect(page.locator('input.item-check').first()).toBeChecked();
	const keys = await page.evaluate(() => Object.keys(localStorage));
	expect(
		keys.some((key) => key.includes(SELFHOST_BASE)),
		keys.join(', '),
	).toBe(true);
});
