import { readFileSync } from 'node:fs';
import { KEY, expect, importProgress, test, type Page } from './fixtures';
import { leaves, parseItemTree } from '../src/content/items.ts';
import { listChapterFiles } from '../src/content/roadmaps.ts';

/**
 * Progress you can trust: nested items, leaf-only meters on every page type, racing tabs, and the
 * storage faults found by trying to break the site.
 */

const NESTED = '/node-express-mongodb/03-express/';

/** Leaf items of a roadmap's chapters, read by the one item model, keyed by chapter file. */
const leafCounts = (roadmap: string) =>
	listChapterFiles('content', roadmap).map(
		({ path }) => leaves(parseItemTree(readFileSync(path, 'utf8')).items).length,
	);

const box = (page: Page, name: string | RegExp) => page.getByRole('checkbox', { name });
/** A roadmap's leaf ids, in page order. */
const leafIds = (roadmap: string) =>
	listChapterFiles('content', roadmap).flatMap(({ path }) =>
		leaves(parseItemTree(readFileSync(path, 'utf8')).items).flatMap((node) => node.id ?? []),
	);

test('a group is empty, mixed or done with its children, and ticks or clears them all', async ({
	page,
}) => {
	await page.goto(NESTED);
	const group = box(page, /^Learn Express fundamentals/);
	const children = ['Middleware', 'Routing', 'Request & Response Lifecycle', 'Error Handling'];
	const meter = page.getByRole('progressbar', { name: /Progress in Phase 3/ });
	// 9 leaves on this page: the two groups count only through their children.
	await expect(meter).toHaveAttribute('max', '9');
	await expect(group).not.toBeChecked();
	await expect(group).not.toHaveAttribute('aria-checked', 'mixed');

	await box(page, /^Middleware/).check();
	await expect(group).toHaveAttribute('aria-checked', 'mixed');
	await expect(group).toHaveJSProperty('indeterminate', true);
	await expect(meter).toHaveJSProperty('value', 1);
	// The mixed state is announced, and valid ARIA on a native checkbox: a11y.spec.ts runs axe on
	// this chapter with a mixed group.

	for (const name of children.slice(1)) await box(page, new RegExp(`^${name}`)).check();
	await expect(group).toBeChecked();
	await expect(group).not.toHaveAttribute('aria-checked', 'mixed');
	await expect(meter).toHaveJSProperty('value', 4);

	await group.uncheck();
	for (const name of children) await expect(box(page, new RegExp(`^${name}`))).not.toBeChecked();
	await expect(meter).toHaveJSProperty('value', 0);

	await box(page, /^Implement Authentication/).check();
	for (const name of ['JWT', 'OAuth', 'Session-based']) {
		await expect(box(page, new RegExp(`^${name}`))).toBeChecked();
	}
	await expect(meter).toHaveJSProperty('value', 3);
	await page.reload();
	await expect(box(page, /^Implement Authentication/)).toBeChecked();
	await expect(meter).toHaveJSProperty('value', 3);
	// The group's own id is never stored: only its leaves are.
	const keys = await page.evaluate(() => Object.keys(localStorage));
	expect(keys).not.toContain(`${KEY}#node-express-mongodb/express-auth`);
	expect(keys).toContain(`${KEY}#node-express-mongodb/jwt`);
});

test('meters count leaves only on the chapter, landing, home and progress pages', async ({
	page,
}) => {
	const counts = leafCounts('node-express-mongodb');
	const total = String(counts.reduce((sum, count) => sum + count, 0));
	await page.goto(NESTED);
	await expect(page.getByRole('progressbar', { name: /Progress in Phase 3/ })).toHaveAttribute(
		'max',
		String(counts[2]),
	);
	await page.goto('/node-express-mongodb/');
	await expect(page.getByRole('progressbar', { name: /Progress in Phase 3/ })).toHaveAttribute(
		'max',
		String(counts[2]),
	);
	for (const path of ['/', '/progress/']) {
		await page.goto(path);
		await expect(
			page.locator('progress[data-roadmap="node-express-mongodb"]:not([data-chapter])').first(),
		).toHaveAttribute('max', total);
	}
});

test('a tick stored on an item that is now a group becomes its children’s ticks', async ({
	page,
}) => {
	await page.addInitScript((key) => {
		if (sessionStorage.getItem('seeded')) return;
		sessionStorage.setItem('seeded', '1');
		const roadmaps = { 'node-express-mongodb': { 'express-fundamentals': 1_700_000_000_000 } };
		localStorage.setItem(key, JSON.stringify({ version: 1, roadmaps }));
	}, KEY);
	await page.goto(NESTED);
	await expect(box(page, /^Learn Express fundamentals/)).toBeChecked();
	await expect(box(page, /^Routing/)).toBeChecked();
	await box(page, /^Routing/).uncheck();
	await page.reload();
	await expect(box(page, /^Routing/)).not.toBeChecked();
	await expect(box(page, /^Middleware/)).toBeChecked();
});

/** Clicks the given checkboxes of a page in one synchronous burst: no gap at all. */
const burst = (page: Page, ids: string[]) =>
	page.evaluate((ids) => {
		for (const id of ids) document.querySelector<HTMLInputElement>(`[data-item="${id}"]`)!.click();
	}, ids);

const itemIds = (page: Page) =>
	page
		.locator('input.item-check')
		.evaluateAll((boxes) =>
			boxes
				.filter((b) => !b.closest('li')!.querySelector(':scope li input.item-check'))
				.map((b) => (b as HTMLInputElement).dataset.item!),
		);

test('two tabs ticking different items at the same moment keep every tick', async ({ context }) => {
	// Items apart: with concepts linked, a tick in one roadmap would tick the other's members
	// (tests/concept-progress.test.ts races those).
	await context.addInitScript(
		(key) => localStorage.setItem(`${key}:settings`, '{"linkConcepts":false}'),
		KEY,
	);
	const one = await context.newPage();
	const two = await context.newPage();
	// Same chapter: 20 days, ten ticked by each tab.
	await one.goto('/nodejs-140-days/01-days-1-20/');
	await two.goto('/nodejs-140-days/01-days-1-20/');
	const ids = await itemIds(one);
	expect(ids.length).toBe(20);
	await Promise.all([
		burst(
			one,
			ids.filter((_, i) => i % 2 === 0),
		),
		burst(
			two,
			ids.filter((_, i) => i % 2 === 1),
		),
	]);
	// Across roadmaps: up to ten in each, all at once.
	await one.goto('/express-senior/01-core-express/');
	await two.goto('/backend-js-python/02-nodejs-javascript-backend/');
	const [a, b] = [(await itemIds(one)).slice(0, 10), (await itemIds(two)).slice(0, 10)];
	expect(a.length + b.length).toBeGreaterThanOrEqual(18);
	await Promise.all([burst(one, a), burst(two, b)]);

	const check = await context.newPage();
	for (const [path, expected] of [
		['/nodejs-140-days/01-days-1-20/', 20],
		['/express-senior/01-core-express/', a.length],
		['/backend-js-python/02-nodejs-javascript-backend/', b.length],
	] as const) {
		await check.goto(path);
		await expect(check.locator('.progress-meter progress').first()).toHaveJSProperty(
			'value',
			expected,
		);
	}
});

test('a stored theme Starlight cannot read raises no page error', async ({ page, pageErrors }) => {
	await page.addInitScript(() => localStorage.setItem('starlight-theme', 'x"]<b>'));
	for (const path of ['/', NESTED, '/progress/']) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('data-theme', /^(dark|light)$/);
	}
	expect(pageErrors).toEqual([]);
});

test('storage whose writes throw raises no page error, and says ticks are not saved', async ({
	page,
	pageErrors,
}) => {
	await page.addInitScript(() => {
		Storage.prototype.setItem = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
	for (const path of ['/', '/node-express-mongodb/', NESTED]) await page.goto(path);
	await box(page, /^Routing/).check();
	await expect(box(page, /^Routing/)).toBeChecked();
	await expect(page.getByRole('status').filter({ hasText: 'could not be saved' })).toBeVisible();
	await page.locator('starlight-theme-select select').first().selectOption('light');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	expect(pageErrors).toEqual([]);
});

test('corrupted progress with no room to keep a copy says nothing is being saved', async ({
	page,
	pageErrors,
}) => {
	await page.addInitScript((key) => {
		localStorage.setItem(key, '{"version":1,"roadmaps":{oops');
		Storage.prototype.setItem = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	}, KEY);
	await page.goto(NESTED);
	await expect(
		page.getByRole('status').filter({ hasText: 'Nothing you tick is being saved' }),
	).toBeVisible();
	expect(pageErrors).toEqual([]);
});

/** A version-4 export with `count` done items of express-senior (ids from its chapters) and a plan. */
const exportFile = (ids: readonly string[], name = 'progress.json') => ({
	name,
	mimeType: 'application/json',
	buffer: Buffer.from(
		JSON.stringify({
			format: 'backend-roadmaps-progress',
			version: 4,
			exportedAt: '2026-11-01T00:00:00.000Z',
			roadmaps: {
				'express-senior': Object.fromEntries(ids.map((id) => [id, { status: 'done', at: 5 }])),
			},
			plans: {
				'express-senior': {
					start: '2026-11-02',
					weekdaysOnly: false,
					perWeek: 5,
					estimate: 'min',
					at: 5,
				},
			},
			settings: { linkConcepts: true },
		}),
	),
});
const PLAN_KEY = KEY.replace(':progress:', ':plan:') + '#express-senior';

test('over progress from a newer version, import changes nothing, plans included, and reset says so', async ({
	page,
}) => {
	await page.addInitScript((key) => {
		localStorage.setItem(key, JSON.stringify({ version: 99 }));
	}, KEY);
	await page.goto('/progress/');
	const result = page.locator('[data-progress-result]');
	await importProgress(page, exportFile(['routing']));
	await expect(result).toContainText('but nothing was changed');
	await expect(result).toContainText('saved by a newer version of this site');
	expect(await page.evaluate((key) => localStorage.getItem(key), PLAN_KEY)).toBeNull();
	await page.getByRole('button', { name: 'Reset all progress…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
	await expect(result).toContainText('not saved');
	// The planner's own save keeps off it too.
	await page.goto('/express-senior/plan/');
	await page.getByRole('button', { name: 'Start today' }).click();
	await expect(page.locator('[data-plan-message]')).toContainText('not saved');
	expect(await page.evaluate((key) => localStorage.getItem(key), PLAN_KEY)).toBeNull();
});

test('an import that fills storage halfway changes nothing and says so', async ({ page }) => {
	const ids = leafIds('express-senior').slice(0, 20);
	// Storage with room for twelve more writes, as a nearly full origin has: the thirteenth throws
	// the browser's own quota error.
	await page.addInitScript(() => {
		const write = Storage.prototype.setItem;
		Object.assign(window, { writesLeft: Infinity });
		Storage.prototype.setItem = function (key: string, value: string) {
			const state = window as unknown as { writesLeft: number };
			if (key.startsWith('backend-roadmaps:') && state.writesLeft-- <= 0)
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			write.call(this, key, value);
		};
	});
	await page.goto('/progress/');
	await page.evaluate(() => Object.assign(window, { writesLeft: 12 }));
	await importProgress(page, exportFile(ids));
	const result = page.locator('[data-progress-result]');
	await expect(result).toContainText('but nothing was changed');
	// No item, no marker, no plan: the storage holds what it held before (nothing of this site).
	const stored = await page.evaluate(() =>
		Object.keys(localStorage).filter((key) => key.startsWith('backend-roadmaps:')),
	);
	expect(stored).toEqual([]);
	// After a reload, with room again: nothing of the file was kept.
	await page.goto('/express-senior/');
	await expect(page.locator('.progress-meter').first()).toContainText('0 /');
});

test('a new learner’s first tick writes the layout marker', async ({ page }) => {
	await page.goto(NESTED);
	expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
	await box(page, /^Routing/).check();
	await expect
		.poll(() => page.evaluate((key) => localStorage.getItem(key), KEY))
		.toBe('{"version":2}');
});

test('an unreadable item value is kept aside, announced, and the item starts fresh', async ({
	page,
}) => {
	const bad = '{"status":"mastered","at":5,"note":"my note"}';
	await page.addInitScript(
		([key, value]) => {
			if (sessionStorage.getItem('seeded')) return;
			sessionStorage.setItem('seeded', '1');
			localStorage.setItem(key!, '{"version":2}');
			localStorage.setItem(`${key}#node-express-mongodb/routing`, value!);
		},
		[KEY, bad],
	);
	await page.goto(NESTED);
	await expect(
		page.getByRole('status').filter({ hasText: 'could not be read. It was kept aside' }),
	).toBeVisible();
	const kept = await page.evaluate(
		(key) =>
			Object.entries(localStorage)
				.filter(([k]) => k.startsWith(`${key}:damaged:`))
				.map(([, v]) => v),
		KEY,
	);
	expect(kept).toEqual([bad]);
	await box(page, /^Routing/).check();
	await page.reload();
	await expect(box(page, /^Routing/)).toBeChecked();
	await expect(page.getByRole('status').filter({ hasText: 'kept aside' })).toHaveCount(0);
});

test('an import with a huge bad id is refused with a short message', async ({ page }) => {
	await page.goto('/progress/');
	const id = `${'a'.repeat(5_000_000)}!`;
	await importProgress(page, {
		name: 'huge.json',
		mimeType: 'application/json',
		buffer: Buffer.from(
			`{"format":"backend-roadmaps-progress","version":1,"exportedAt":"2026-11-01T00:00:00.000Z","roadmaps":{"express-senior":{"${id}":1}}}`,
		),
	});
	const result = page.locator('[data-progress-result]');
	await expect(result).toContainText('(5000001 characters)');
	expect((await result.textContent())!.length).toBeLessThan(300);
});

test('progress in an older format whose reader cannot load is left alone, and the page says so', async ({
	page,
}) => {
	const old = JSON.stringify({ version: 1, roadmaps: { 'node-express-mongodb': { routing: 5 } } });
	await page.addInitScript(
		([key, value]) => {
			if (!localStorage.getItem(key!)) localStorage.setItem(key!, value!);
		},
		[KEY, old],
	);
	// The code that reads older formats is loaded only for them: here its request fails.
	await page.route('**/_astro/records.*.js', (route) => route.abort());
	await page.goto(NESTED);
	await expect(
		page.getByRole('status').filter({ hasText: 'the code that reads it could not be loaded' }),
	).toBeVisible();
	// The page still works for what it could read; nothing is written over the old record.
	await expect(box(page, /^Middleware/)).toBeEnabled();
	await box(page, /^Middleware/).check();
	await expect(box(page, /^Middleware/)).toBeChecked();
	expect(
		await page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(key)), KEY),
	).toEqual([KEY]);
	expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(old);
	// Once the reader loads, the record is migrated.
	await page.unroute('**/_astro/records.*.js');
	await page.reload();
	await expect(box(page, /^Routing/)).toBeChecked();
	await expect
		.poll(() => page.evaluate((key) => localStorage.getItem(key), KEY))
		.toBe('{"version":2}');
});
