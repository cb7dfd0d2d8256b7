import { resolve } from 'node:path';
import { readRoadmaps } from '../src/content/roadmaps.ts';
import { KEY, escapeRegExp, expect, test, type Page } from './fixtures';

/** Every roadmap the content holds: the pages must reach each one. */
const ROADMAPS = readRoadmaps(resolve(import.meta.dirname, '../content')).map(({ id }) => id);

/** Ticks every item the page's progress data lists for `roadmap`, through the stored record. */
async function tickAll(page: Page, roadmap: string, chapterHref?: string): Promise<void> {
	await page.evaluate(
		({ key, roadmap, chapterHref }) => {
			const data = JSON.parse(document.getElementById('progress-data')!.textContent!);
			const ticks: Record<string, number> = {};
			for (const [href, items] of data.roadmaps[roadmap] as [string, string][]) {
				if (chapterHref && href !== chapterHref) continue;
				for (const token of items.split(' ')) ticks[token.split(':')[0]!] = 1;
			}
			localStorage.setItem(key, JSON.stringify({ version: 1, roadmaps: { [roadmap]: ticks } }));
		},
		{ key: KEY, roadmap, chapterHref },
	);
	await page.reload();
}

test('the home page has a card per roadmap, each with its link, a meter and Start', async ({
	page,
}) => {
	await page.goto('/');
	for (const id of ROADMAPS) {
		const card = page.locator('.roadmap-card').filter({ has: page.locator(`a[href="/${id}/"]`) });
		await expect(card).toHaveCount(1);
		await expect(card.locator(`progress[data-roadmap="${id}"]`)).toHaveCount(1);
		// "Start" alone says nothing out of context: the link's name carries the roadmap's title.
		const start = card.locator('a[data-continue]');
		await expect(start).toHaveAttribute('href', /#[a-z0-9-]+$/);
		const title = await card.getByRole('heading', { level: 3 }).innerText();
		await expect(start).toHaveAccessibleName(new RegExp(`^Start ?: ${escapeRegExp(title)}$`));
	}
	// The comparison names every roadmap too.
	await expect(page.locator('.comparison tbody tr')).toHaveCount(ROADMAPS.length);
	await expect(page.locator('main')).not.toContainText('the source');
});

test('each landing map links every phase and every section to an anchor on the chapter', async ({
	page,
}) => {
	for (const id of ROADMAPS) {
		await page.goto(`/${id}/`);
		const sidebarPhases = await page.locator('#starlight__sidebar ul.top-level a').count();
		const phases = page.locator('.roadmap-map > li');
		await expect(phases).toHaveCount(sidebarPhases);
		for (const phase of await phases.all()) {
			const href = await phase.locator('h3 a').getAttribute('href');
			const html = await (await page.request.get(href!)).text();
			for (const section of await phase.locator('.map-sections a').all()) {
				const target = (await section.getAttribute('href'))!;
				expect(target.startsWith(`${href}#`), target).toBe(true);
				expect(html, `${target} has no anchor`).toContain(`id="${target.split('#')[1]}"`);
			}
		}
	}
});

test('a phase shows as finished on the map, and its chapter says so and links the next phase', async ({
	page,
}) => {
	const chapter = '/express-senior/01-core-express/';
	await page.goto(chapter);
	await expect(page.locator('.phase-finish')).toBeHidden();
	for (const box of await page.locator('input.item-check').all()) await box.check();
	const finish = page.locator('.phase-finish');
	await expect(finish).toBeVisible();
	await expect(finish).toContainText('Phase 1 finished');
	await expect(finish.getByRole('link', { name: /^Phase 2:/ })).toHaveAttribute(
		'href',
		'/express-senior/02-database-integration/',
	);

	await page.goto('/express-senior/');
	const first = page.locator('.roadmap-map > li').first();
	await expect(first.locator('.progress-state')).toHaveText('Done');
	await expect(page.locator('.roadmap-map > li').nth(1).locator('.progress-state')).toHaveText(
		'Not started',
	);
	await expect(page.locator('.roadmap-start a[data-continue]')).toHaveAccessibleName(
		/^Continue ?: Senior Express\.js Developer$/,
	);
	await expect(page.locator('.roadmap-start a[data-continue]')).toHaveAttribute(
		'href',
		/\/express-senior\/02-database-integration\/#/,
	);
});

test('finishing the last phase of a roadmap says so and links to the progress page', async ({
	page,
}) => {
	await page.goto('/express-senior/05-senior-developer/');
	await tickAll(page, 'express-senior', '/express-senior/05-senior-developer/');
	await expect(page.locator('.phase-finish')).toContainText(
		'Items of earlier phases are still open',
	);
	await tickAll(page, 'express-senior');
	const finish = page.locator('.phase-finish');
	await expect(finish).toContainText('You finished the whole roadmap');
	await expect(finish.getByRole('link', { name: 'your progress' })).toHaveAttribute(
		'href',
		'/progress/',
	);
});

test('the header links Roadmaps, Topics and Progress on desktop', async ({ page }) => {
	await page.goto('/express-senior/01-core-express/');
	const nav = page.getByRole('navigation', { name: 'Site', exact: true });
	await expect(nav.getByRole('link', { name: 'Topics' })).toHaveAttribute('href', '/topics/');
	await expect(nav.getByRole('link', { name: 'Progress' })).toHaveAttribute('href', '/progress/');
	await expect(nav.getByRole('link', { name: 'Roadmaps' })).toHaveAttribute('href', '/');
	await page.goto('/topics/');
	await expect(nav.getByRole('link', { name: 'Topics' })).toHaveAttribute('aria-current', 'page');
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	for (const path of ['/express-senior/01-core-express/', '/']) {
		test(`the menu links Topics and Progress (${path})`, async ({ page }) => {
			await page.goto(path);
			await page.getByRole('button', { name: 'Menu' }).click();
			const nav = page.getByRole('navigation', { name: 'Site menu' });
			await expect(nav.getByRole('link', { name: 'Topics' })).toBeVisible();
			await nav.getByRole('link', { name: 'Progress' }).click();
			await expect(page).toHaveURL(/\/progress\/$/);
		});
	}

	test('the reset dialog is centred', async ({ page }) => {
		await page.goto('/progress/');
		await page.getByRole('button', { name: 'Reset all progress…' }).click();
		await expectCentred(page);
	});
});

async function expectCentred(page: Page): Promise<void> {
	const dialog = page.getByRole('dialog', { name: 'Reset progress?' });
	await expect(dialog).toBeVisible();
	const box = (await dialog.boundingBox())!;
	const { width, height } = page.viewportSize()!;
	expect(Math.abs(box.x + box.width / 2 - width / 2)).toBeLessThan(2);
	expect(Math.abs(box.y + box.height / 2 - height / 2)).toBeLessThan(2);
	const buttons = await dialog.getByRole('button').all();
	const tops = await Promise.all(buttons.map(async (b) => (await b.boundingBox())!.y));
	expect(new Set(tops.map(Math.round)).size, 'dialog buttons on one line').toBe(1);
}

test('the reset dialog is centred on a desktop screen', async ({ page }) => {
	await page.goto('/progress/');
	await page.getByRole('button', { name: 'Reset all progress…' }).click();
	await expectCentred(page);
});

test('the 404 page links every roadmap and opens search', async ({ page }) => {
	const response = await page.goto('/no-such-page/');
	expect(response?.status()).toBe(404);
	for (const id of ROADMAPS) await expect(page.locator(`main a[href="/${id}/"]`)).toHaveCount(1);
	// Starlight enables its search button once its script has run.
	await expect(page.locator('site-search button[data-open-modal]')).toBeEnabled();
	await page.getByRole('button', { name: 'Search the site' }).click();
	await expect(page.locator('site-search dialog[open]')).toBeVisible();
});

test('chapter pages show their tags as links to topic pages, by name', async ({ page }) => {
	await page.goto('/express-senior/01-core-express/');
	const tags = page.getByRole('list', { name: 'Topics' });
	await expect(tags.getByRole('link', { name: 'API design' })).toHaveAttribute(
		'href',
		'/topics/apis/',
	);
	await expect(page.locator('.official-docs a[href="https://expressjs.com/"]')).toHaveCount(1);
});
