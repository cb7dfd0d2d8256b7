import { gunzipSync } from 'node:zlib';
import { escapeRegExp, expect, test } from './fixtures';
import { QUERY_CASES, ROADMAPS } from './search-cases';
import { PAGEFIND_BUNDLE, openSearch, search, sitePath } from './search-helpers';
import { PAGEFIND_RANKING } from '../src/search/ranking';

const wordsOf = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

for (const { roadmap, query, words, itemId } of QUERY_CASES) {
	test.describe(`search "${query}" (${roadmap})`, () => {
		test('the first result leads to a page holding the words', async ({ page }) => {
			await page.goto('/');
			const { results } = await search(page, query);
			await results.first().locator('.pagefind-ui__result-link').first().click();
			// Retried: right after the click, `main` may still be the page being left or half parsed.
			for (const word of words)
				await expect(page.locator('main'), `the result page should hold "${word}"`).toContainText(
					new RegExp(escapeRegExp(word), 'i'),
				);
		});

		test('the roadmap filter narrows results to that roadmap', async ({ page, baseURL }) => {
			await page.goto('/');
			const { dialog } = await search(page, query);
			const shortTitle = ROADMAPS.get(roadmap)!.shortTitle;
			await dialog
				.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(shortTitle)} \\(`) })
				.check();
			// Results re-render (placeholders first) after the filter changes: wait for loaded links.
			const titleLinks = dialog.locator(
				'.pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link',
			);
			const paths = async () =>
				(
					await titleLinks.evaluateAll((links) =>
						links.map((link) => (link as HTMLAnchorElement).href),
					)
				).map((href) => sitePath(href, baseURL!));
			await expect
				.poll(
					async () => {
						const shown = await paths();
						return shown.length > 0 && shown.every((path) => path.startsWith(`/${roadmap}/`));
					},
					{ message: `every result should be in /${roadmap}/` },
				)
				.toBe(true);
			const [first] = await paths();
			// The first filtered result is the roadmap's page that holds the words.
			await page.goto(first!);
			const text = wordsOf(await page.locator('main').innerText());
			for (const word of words) expect(text).toContain(word.toLowerCase());
		});

		if (itemId) {
			test(`a result deep-links to item #${itemId}, highlighted on arrival`, async ({ page }) => {
				await page.goto('/');
				const { dialog } = await search(page, query);
				const itemLink = dialog
					.locator(`.pagefind-ui__result-nested a[href$="#${itemId}"]`)
					.first();
				await expect(itemLink).toBeVisible();
				const title = (await itemLink.textContent())?.trim();
				// Keyboard only: focus the link and follow it with Enter.
				await itemLink.focus();
				await page.keyboard.press('Enter');
				await expect(page).toHaveURL(new RegExp(`#${itemId}$`));
				const item = page.locator(`li#${itemId}`);
				// The result was titled with the item's own text.
				await expect(item).toHaveAttribute('data-search-text', title!);
				await expect(item).toBeInViewport();
				// A new document applies its fragment (`:target`) after parsing: an item near the top
				// can be in view a moment before. Wait for the state itself, never for time.
				await expect.poll(() => item.evaluate((li) => li.matches(':target'))).toBe(true);
				await expect(item).toHaveCSS('outline-style', 'solid');
			});
		}
	});
}

test('a query pasted while the roadmap filter is still loading gets the roadmap filter', async ({
	page,
}) => {
	// Pagefind counts filter values over the filter chunks loaded so far, and the UI keeps the
	// filters of the first search it shows. Hold the chunk of the roadmap filter like a slow
	// network would: until results are being shown (fragments are fetched after a search is done),
	// or for at most three seconds. Without the wait in public/pagefind/ui/pagefind.js, the search
	// finishes before the chunk and the dialog never offers a roadmap filter for this query.
	const titles = [...ROADMAPS.values()].map((roadmap) => roadmap.shortTitle);
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/pagefind/fragment/**', (route) => (release(), route.fallback()));
	await page.route('**/pagefind/filter/*.pf_filter', async (route) => {
		const response = await route.fetch();
		const chunk = gunzipSync(await response.body()).toString('latin1');
		if (titles.every((title) => chunk.includes(title)))
			await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 3_000))]);
		await route.fulfill({ response });
	});
	await page.goto('/');
	const { dialog } = await search(page, 'FastAPI');
	const python = ROADMAPS.get('backend-js-python')!.shortTitle;
	await expect(
		dialog.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(python)} \\(`) }),
	).toBeVisible();
});

test('the search dialog ranks with the site’s weights', async ({ page }) => {
	// The dialog passes its options to Pagefind through public/pagefind/ui/pagefind.js: record them.
	await page.route('**/pagefind/ui/pagefind.js', async (route) => {
		const response = await route.fetch();
		const body = `${await response.text()}
export async function options(given) {
	globalThis.pagefindOptions = given;
	return pagefind.options(given);
}`;
		await route.fulfill({ response, body });
	});
	await page.goto('/');
	const { results } = await search(page, 'mongoose');
	await expect(results.first()).toBeVisible();
	const given = await page.evaluate(
		() => (globalThis as { pagefindOptions?: { ranking?: unknown } }).pagefindOptions?.ranking,
	);
	expect(given).toEqual(PAGEFIND_RANKING);
});

test('"/" opens search, but not while typing in a field', async ({ page }) => {
	await page.goto('/express-senior/01-core-express/');
	await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
	const dialog = page.getByRole('dialog', { name: 'Search' });
	// In a form field (Starlight's theme select), "/" is the field's.
	await page.locator('starlight-theme-select select').first().focus();
	await page.keyboard.press('/');
	await expect(dialog).toBeHidden();
	// From a progress checkbox, "/" opens search with the search box focused.
	await page.locator('.item-check').first().focus();
	await page.keyboard.press('/');
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('textbox')).toBeFocused();
	// In the search box, "/" is typed.
	await page.keyboard.type('a/b');
	await expect(dialog.getByRole('textbox')).toHaveValue('a/b');
});

test('search works by keyboard alone: Ctrl+K, type, Tab to a result, Enter', async ({
	page,
	baseURL,
}) => {
	await page.goto('/');
	const { input } = await openSearch(page);
	await input.pressSequentially('mongoose');
	const first = page.locator('.pagefind-ui__result-link').first();
	await expect(first).toBeVisible();
	// Tab moves through the filters, then to the results; stop at the first result link.
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		if (await first.evaluate((link) => link === document.activeElement)) break;
	}
	await expect(first).toBeFocused();
	const href = await first.getAttribute('href');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new URL(href!, baseURL).href);
});

test('the index holds chapter content, not chrome (pagination, dates, anchors, progress)', async ({
	page,
}) => {
	await page.goto('/');
	const chapters = await page.evaluate(
		async ({ bundle, roadmapTitles }) => {
			const pagefind = await import(bundle);
			const all = await pagefind.search(null, { filters: { roadmap: { any: roadmapTitles } } });
			return Promise.all(
				all.results.map(
					async (result: {
						data: () => Promise<{ url: string; content: string; meta: { title: string } }>;
					}) => {
						const { url, content, meta } = await result.data();
						return { url, content, title: meta.title };
					},
				),
			);
		},
		{
			bundle: PAGEFIND_BUNDLE,
			roadmapTitles: [...ROADMAPS.values()].map((roadmap) => roadmap.shortTitle),
		},
	);
	expect(chapters.length).toBeGreaterThan(1);
	// Chapters are /<roadmap>/<chapter>/; the next test checks the home and landing pages.
	const titles = chapters.map((chapter) => chapter.title);
	for (const { url, content, title } of chapters.filter(
		({ url }) => url.split('/').filter(Boolean).length === 2,
	)) {
		// Chrome phrases: footer date, heading-anchor labels and the progress meter's text, read
		// from the page itself so the check follows what the site renders ("0 / 9 done · 0%").
		const html = await (await page.request.get(url)).text();
		const meter = /data-progress-text[^>]*>([^<]+)</.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
		expect(meter, `${url} renders its progress meter`).toBeTruthy();
		for (const chrome of ['Last updated', 'Section titled', meter!]) {
			expect(content, `${url} indexes "${chrome}"`).not.toContain(chrome);
		}
		expect(content, `${url} indexes a progress count`).not.toMatch(/\b\d+ (of|\/) \d+\b/);
		// Neighbouring chapter titles come only from the pagination links.
		for (const other of titles)
			if (other !== title) expect(content, `${url} indexes "${other}"`).not.toContain(other);
	}
});

test('the index holds each text once: summary pages do not index copies of the pages they list', async ({
	page,
}) => {
	await page.goto('/');
	// Every indexed page (a search with no term and no filter), with its content and anchors.
	const pages = await page.evaluate(async (bundle) => {
		const pagefind = await import(bundle);
		const all = await pagefind.search(null);
		return Promise.all(
			all.results.map(
				async (result: {
					data: () => Promise<{
						url: string;
						content: string;
						meta: { title: string };
						anchors: { element: string; id: string }[];
					}>;
				}) => {
					const { url, content, meta, anchors } = await result.data();
					return { url, content, meta, anchors };
				},
			),
		);
	}, PAGEFIND_BUNDLE);
	const home = pages.find(({ url }) => url === '/');
	expect(home, 'the home page is indexed').toBeTruthy();
	// The home page's cards and comparison repeat each roadmap page's summary, audience and facts:
	// searches find those on the roadmap's own page, and the copies cost search bytes.
	for (const roadmap of ROADMAPS.values()) {
		const landing = pages.find(({ url }) => url === `/${roadmap.id}/`);
		expect(landing?.content, `/${roadmap.id}/ indexes its summary`).toContain(roadmap.summary);
		for (const own of [
			roadmap.summary,
			roadmap.audience,
			...(roadmap.focus ? [roadmap.focus] : []),
		])
			expect(home!.content, `the home page indexes "${own}"`).not.toContain(own);
		// The landing page's map repeats each chapter's title, goal and section headings.
		for (const chapter of pages.filter(({ url }) => url.startsWith(`/${roadmap.id}/`))) {
			if (chapter === landing) continue;
			expect(landing!.content, `/${roadmap.id}/ indexes "${chapter.meta.title}"`).not.toContain(
				chapter.meta.title,
			);
		}
	}
	// The progress page is the learner's state and its controls ("Export progress"): not content.
	expect(pages.map(({ url }) => url)).not.toContain('/progress/');
	// Ids that are no place to land (the progress data, the item tools' template) are no anchors:
	// each would be carried in every chapter's result fragment.
	for (const { url, anchors } of pages)
		for (const { element, id } of anchors)
			expect(['script', 'template'], `${url} anchors its <${element} id="${id}">`).not.toContain(
				element,
			);
});
