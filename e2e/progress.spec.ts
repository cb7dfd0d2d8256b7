import { readFile } from 'node:fs/promises';
import { KEY, expect, importProgress, test, type Page } from './fixtures';

const CHAPTER = '/express-senior/01-core-express/';

const chapterMeter = (page: Page) => page.locator('.progress-meter progress').first();

test('a tick survives a reload and moves the chapter, phase and roadmap counters', async ({
	page,
	pageErrors,
}) => {
	await page.goto(CHAPTER);
	const routing = page.getByRole('checkbox', { name: /^Routing/ });
	const meter = page.getByRole('progressbar', { name: /Progress in Phase 1/ });
	await expect(meter).toHaveAttribute('value', '0');
	const total = Number(await meter.getAttribute('max'));
	expect(total).toBeGreaterThan(1);

	await routing.check();
	await expect(meter).toHaveJSProperty('value', 1);
	await expect(page.locator('[data-progress-text]').first()).toHaveText(
		`1 / ${total} done · ${Math.floor(100 / total)}%`,
	);

	// Keyboard: Space on the focused checkbox toggles it.
	const middleware = page.getByRole('checkbox', { name: /^Middleware/ });
	await middleware.focus();
	await page.keyboard.press('Space');
	await expect(middleware).toBeChecked();
	await expect(meter).toHaveJSProperty('value', 2);

	await page.reload();
	await expect(routing).toBeChecked();
	await expect(middleware).toBeChecked();
	await expect(meter).toHaveJSProperty('value', 2);

	await page.goto('/express-senior/');
	await expect(
		page.getByRole('progressbar', { name: 'Progress in Phase 1: Core Express.js' }),
	).toHaveJSProperty('value', 2);
	await expect(page.getByRole('progressbar', { name: /Progress in Phase 2/ })).toHaveJSProperty(
		'value',
		0,
	);
	await page.goto('/');
	await expect(
		page.locator('.roadmap-card progress[data-roadmap="express-senior"]'),
	).toHaveJSProperty('value', 2);
	expect(pageErrors).toEqual([]);
});

test('a tick in one tab shows in another open tab', async ({ context }) => {
	const first = await context.newPage();
	const second = await context.newPage();
	await first.goto(CHAPTER);
	await second.goto(CHAPTER);
	await first.getByRole('checkbox', { name: /^Routing/ }).check();
	await expect(second.getByRole('checkbox', { name: /^Routing/ })).toBeChecked();
	await expect(chapterMeter(second)).toHaveJSProperty('value', 1);
	await first.getByRole('checkbox', { name: /^Routing/ }).uncheck();
	await expect(second.getByRole('checkbox', { name: /^Routing/ })).not.toBeChecked();
});

test('the progress page continues, exports, resets behind a dialog and imports again', async ({
	page,
}) => {
	await page.goto(CHAPTER);
	await page.getByRole('checkbox', { name: /^Install and initialize/ }).check();
	await page.getByRole('checkbox', { name: /^Routing/ }).check();

	await page.goto('/progress/');
	const meter = page.locator('progress[data-roadmap="express-senior"]');
	await expect(meter).toHaveJSProperty('value', 2);
	const firstUnticked = page.locator('a[data-continue="express-senior"]');
	await expect(firstUnticked).toHaveAttribute('href', `${CHAPTER}#request-response-lifecycle`);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export progress' }).click(),
	]);
	expect(download.suggestedFilename()).toMatch(
		/^backend-roadmaps-progress-\d{4}-\d{2}-\d{2}\.json$/,
	);
	const file = await download.path();
	const exported = JSON.parse(await readFile(file, 'utf8'));
	expect(exported.format).toBe('backend-roadmaps-progress');
	expect(Object.keys(exported.roadmaps['express-senior']).sort()).toEqual([
		'express-install',
		'routing',
	]);

	// Reset everything: the dialog is modal; Escape cancels, the Reset button confirms.
	const resetAll = page.getByRole('button', { name: 'Reset all progress…' });
	await resetAll.click();
	const dialog = page.getByRole('dialog', { name: 'Reset progress?' });
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(meter).toHaveJSProperty('value', 2);
	await resetAll.click();
	await dialog.getByRole('button', { name: 'Reset' }).click();
	await expect(meter).toHaveJSProperty('value', 0);
	await expect(page.locator('[data-progress-result]')).toHaveText(
		'Progress of every roadmap was reset.',
	);

	// A file that is not an export is refused with a reason and changes nothing.
	await importProgress(page, {
		name: 'notes.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"roadmaps":{}}'),
	});
	await expect(page.locator('[data-progress-result]')).toContainText(
		'notes.json: This file is not a progress export',
	);
	await expect(meter).toHaveJSProperty('value', 0);

	await importProgress(page, file);
	// Both ticks, and their copies on the other roadmaps' members of the same concepts.
	const items = Object.values(exported.roadmaps as Record<string, object>).flatMap(Object.keys);
	expect(items.length).toBeGreaterThan(2);
	await expect(page.locator('[data-progress-result]')).toContainText(
		`${items.length} new items added`,
	);
	await expect(meter).toHaveJSProperty('value', 2);
	await page.goto(CHAPTER);
	await expect(page.getByRole('checkbox', { name: /^Routing/ })).toBeChecked();
});

test('corrupted stored progress raises no error, is kept aside and ticks still work', async ({
	page,
	pageErrors,
}) => {
	await page.addInitScript((key) => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem(key, '{"version":1,"roadmaps":{oops');
			sessionStorage.setItem('seeded', '1');
		}
	}, KEY);
	await page.goto(CHAPTER);
	await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
	await page.getByRole('checkbox', { name: /^Routing/ }).check();
	await expect(chapterMeter(page)).toHaveJSProperty('value', 1);
	const backups = await page.evaluate(
		(key) =>
			Object.keys(localStorage)
				.filter((name) => name.startsWith(`${key}:corrupted:`))
				.map((name) => localStorage.getItem(name)),
		KEY,
	);
	expect(backups).toEqual(['{"version":1,"roadmaps":{oops']);
	await page.reload();
	await expect(page.getByRole('checkbox', { name: /^Routing/ })).toBeChecked();
	expect(pageErrors).toEqual([]);
});

test('denied storage (localStorage getter throws) raises no page error and ticks work for the page', async ({
	page,
	pageErrors,
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			configurable: true,
			get() {
				throw new DOMException('Access is denied for this document.', 'SecurityError');
			},
		});
	});
	for (const path of ['/', '/express-senior/', '/progress/']) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/);
	}
	await page.goto(CHAPTER);
	await expect(
		page.getByRole('status').filter({ hasText: 'does not let the site save progress' }),
	).toBeVisible();
	await page.getByRole('checkbox', { name: /^Routing/ }).check();
	await expect(chapterMeter(page)).toHaveJSProperty('value', 1);
	// Starlight's theme picker writes to localStorage too: it must not throw either.
	await page.locator('starlight-theme-select select').first().selectOption('light');
	expect(pageErrors).toEqual([]);
});

test.describe('before the progress page’s script runs', () => {
	test.use({ javaScriptEnabled: false });
	test('its actions are disabled, so none looks usable while it does nothing', async ({ page }) => {
		await page.goto('/progress/');
		for (const name of ['Export progress', 'Copy transfer link', 'Reset all progress…'])
			await expect(page.getByRole('button', { name })).toBeDisabled();
		await expect(page.getByLabel('Import a progress file…')).toBeDisabled();
	});
});
