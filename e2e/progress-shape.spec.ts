import { readFile } from 'node:fs/promises';
import { collectErrors, expect, importProgress, test, type Page } from './fixtures';

/** Progress you can shape: statuses by mouse and keyboard, notes, v1 files, undo, transfer link. */

const CHAPTER = '/node-express-mongodb/03-express/';

const status = (page: Page, name: string) =>
	page.getByRole('combobox', { name: `Status of ${name}` });
const meter = (page: Page) => page.locator('.progress-meter [data-progress-text]').first();

test('Learning and Skipped, set by mouse and by keyboard, stay after a reload and show in the meters', async ({
	page,
}) => {
	await page.goto(CHAPTER);
	await expect(page.getByText('Status of the focused item:')).toBeVisible();
	await status(page, 'Routing').selectOption({ label: 'Learning' });
	await expect(page.getByRole('option', { name: 'Skipped' }).first()).toBeAttached();
	await page.getByRole('checkbox', { name: /^Error Handling/ }).focus();
	await page.keyboard.press('s');
	await page.getByRole('checkbox', { name: /^Middleware/ }).focus();
	await page.keyboard.press('d');
	await expect(page.getByRole('checkbox', { name: /^Middleware/ })).toBeChecked();
	await expect(meter(page)).toHaveText('1 / 8 done · 1 learning · 1 skipped · 12%');

	await page.reload();
	await expect(status(page, 'Routing')).toHaveValue('learning');
	await expect(status(page, 'Error Handling')).toHaveValue('skipped');
	await expect(status(page, 'Middleware')).toHaveValue('done');
	// R sets "Not started" again; L from the status control itself.
	await status(page, 'Middleware').focus();
	await page.keyboard.press('r');
	await expect(status(page, 'Middleware')).toHaveValue('open');
	await expect(page.getByRole('checkbox', { name: /^Middleware/ })).not.toBeChecked();
	await expect(meter(page)).toHaveText('0 / 8 done · 1 learning · 1 skipped · 0%');

	for (const path of ['/node-express-mongodb/', '/', '/progress/']) {
		await page.goto(path);
		await expect(
			page.locator('progress[data-roadmap="node-express-mongodb"]').first().locator('..'),
		).toContainText('1 learning · 1 skipped');
	}
	await expect(page.getByRole('link', { name: 'Routing' })).toHaveAttribute(
		'href',
		`${CHAPTER}#routing`,
	);
});

test('a note is typed, kept after a reload, listed on the progress page and exported, as text', async ({
	page,
}) => {
	await page.goto(CHAPTER);
	await page.getByRole('button', { name: 'Add note for Routing' }).click();
	const field = page.getByRole('textbox', { name: 'Note for Routing' });
	await expect(field).toBeFocused();
	await field.fill('Read the <b>router</b> guide\nthen build one.');
	await field.blur();
	await page.reload();
	await expect(page.getByRole('button', { name: 'Edit note for Routing' })).toBeVisible();
	await page.getByRole('button', { name: 'Edit note for Routing' }).click();
	await expect(page.getByRole('textbox', { name: 'Note for Routing' })).toHaveValue(
		'Read the <b>router</b> guide\nthen build one.',
	);
	// Past the limit: a clear message, and the saved note is unchanged.
	await page.getByRole('textbox', { name: 'Note for Routing' }).fill('x'.repeat(10_001));
	await expect(page.getByText('a note holds up to 10,000')).toBeVisible();

	await page.goto('/progress/');
	const notes = page.locator('[data-notes] li');
	await expect(notes).toHaveCount(1);
	await expect(notes.locator('p')).toHaveText('Read the <b>router</b> guide\nthen build one.');
	await expect(notes.locator('b')).toHaveCount(0);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export progress' }).click(),
	]);
	const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
	expect(file.version).toBe(4);
	expect(file.roadmaps['node-express-mongodb'].routing).toMatchObject({
		status: 'open',
		note: 'Read the <b>router</b> guide\nthen build one.',
	});
});

test('the progress page fetches item texts for the roadmaps it lists only; without them, items show by id', async ({
	page,
}) => {
	await page.goto(CHAPTER);
	await status(page, 'Routing').selectOption({ label: 'Learning' });
	const fetched: string[] = [];
	page.on('request', (request) => {
		const { pathname } = new URL(request.url());
		if (pathname.includes('/progress/items/')) fetched.push(pathname);
	});
	await page.goto('/progress/');
	await expect(
		page.locator('[data-learning]').getByRole('link', { name: 'Routing' }),
	).toHaveAttribute('href', `${CHAPTER}#routing`);
	expect(fetched).toEqual(['/progress/items/node-express-mongodb.json']);

	// Offline before the file was ever cached: the item is still listed, by roadmap and id.
	await page.route('**/progress/items/*.json', (route) => route.abort());
	await page.reload();
	await expect(page.locator('[data-learning] li')).toHaveText('node-express-mongodb · routing');
	await expect(page.locator('[data-learning-empty]')).toBeHidden();
});

test('a version-1 file imports; a reset can be undone', async ({ page }) => {
	await page.goto('/progress/');
	await importProgress(page, {
		name: 'old.json',
		mimeType: 'application/json',
		buffer: Buffer.from(
			JSON.stringify({
				format: 'backend-roadmaps-progress',
				version: 1,
				exportedAt: '2026-01-01T00:00:00.000Z',
				roadmaps: {
					'express-senior': { routing: 1_700_000_000_000, middleware: 1_700_000_000_000 },
				},
			}),
		),
	});
	const result = page.locator('.progress-result');
	await expect(result).toContainText('2 new items added');
	const senior = page.locator('progress[data-roadmap="express-senior"]');
	await expect(senior).toHaveJSProperty('value', 2);

	await page.getByRole('button', { name: 'Reset all progress…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
	await expect(senior).toHaveJSProperty('value', 0);
	await result.getByRole('button', { name: 'Undo' }).click();
	await expect(senior).toHaveJSProperty('value', 2);
	await expect(result).toContainText('The reset was undone');
	await page.reload();
	await expect(senior).toHaveJSProperty('value', 2);
});

test('a transfer link opened in another browser asks, then adds the progress, and leaves the address clean', async ({
	page,
	browser,
	baseURL,
}) => {
	await page.goto(CHAPTER);
	await status(page, 'Routing').selectOption('learning');
	await page.getByRole('checkbox', { name: /^Middleware/ }).check();
	await page.getByRole('button', { name: 'Add note for Middleware' }).click();
	await page.getByRole('textbox', { name: 'Note for Middleware' }).fill('app.use order matters');
	await page.getByRole('textbox', { name: 'Note for Middleware' }).blur();
	await page.goto('/progress/');
	await page.getByRole('button', { name: 'Copy transfer link' }).click();
	const link = await page.getByRole('textbox', { name: 'Transfer link' }).inputValue();
	expect(link).toMatch(/\/progress\/#transfer=[A-Za-z0-9_-]+$/);
	await expect(
		page.getByRole('img', { name: 'QR code of the transfer link' }).locator('svg'),
	).toBeVisible();
	await expect(page.locator('.progress-result')).toContainText('notes included');

	const other = await browser.newContext({ baseURL });
	const phone = await other.newPage();
	const errors = collectErrors(phone);
	// A cut-off link is refused and changes nothing.
	await phone.goto(link.slice(0, -20).replace(/^https?:\/\/[^/]+/, ''));
	await expect(phone.locator('.progress-result')).toContainText(
		'This transfer link cannot be used',
	);
	await phone.goto(link.replace(/^https?:\/\/[^/]+/, ''));
	const dialog = phone.getByRole('dialog', { name: 'Add progress from a transfer link?' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Node.js, Express and MongoDB Backend Developer: 2 items');
	await expect(dialog).toContainText('with 1 note');
	await dialog.getByRole('button', { name: 'Add to my progress' }).click();
	// The two items, and their copies on other roadmaps' members of the same concepts.
	await expect(phone.locator('.progress-result')).toContainText(/: \d+ new items\./);
	expect(new URL(phone.url()).hash).toBe('');
	await phone.goto(CHAPTER);
	await expect(status(phone, 'Routing')).toHaveValue('learning');
	await expect(phone.getByRole('checkbox', { name: /^Middleware/ })).toBeChecked();
	await expect(phone.getByRole('button', { name: 'Edit note for Middleware' })).toBeVisible();
	expect(errors).toEqual([]);
	await other.close();
});

test('the transfer link is written to the clipboard inside the click, as WebKit requires', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	// Record each clipboard call with the event being dispatched when it is made: after an await,
	// there is none, and WebKit refuses the write.
	await page.addInitScript(() => {
		const calls: string[] = [];
		Object.assign(window, { clipboardCalls: calls });
		const clipboard = navigator.clipboard;
		for (const name of ['write', 'writeText'] as const) {
			const original = clipboard[name].bind(clipboard) as (...args: unknown[]) => Promise<void>;
			Object.defineProperty(clipboard, name, {
				value: (...args: unknown[]) => {
					calls.push(`${name} during ${window.event?.type ?? 'no event'}`);
					return original(...args);
				},
			});
		}
	});
	await page.goto(CHAPTER);
	await page.getByRole('checkbox', { name: /^Middleware/ }).check();
	await page.goto('/progress/');
	await page.getByRole('button', { name: 'Copy transfer link' }).click();
	await expect(page.locator('.progress-result')).toContainText('The transfer link was copied.');
	expect(
		await page.evaluate(() => (window as unknown as { clipboardCalls: string[] }).clipboardCalls),
	).toEqual(['write during click']);
	const field = page.getByRole('textbox', { name: 'Transfer link' });
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await field.inputValue());
});
