import type { Browser, Page } from '@playwright/test';

/** One measured figure with its budget (issue 5, "Budgets"). */
export interface Measurement {
	value: number;
	unit: string;
	budget: number;
	ok: boolean;
}

/** Queries a learner types; each has results in every build of the site (express-senior). */
const QUERIES = ['mongoose', 'routing', 'middleware', 'sequelize', 'indexing'];

const measure = (value: number, unit: string, budget: number): Measurement => ({
	value: Math.round(value * 10) / 10,
	unit,
	budget,
	ok: value <= budget,
});

/** Opens the search dialog once Starlight has built the Pagefind UI; returns its search box. */
async function openDialog(page: Page) {
	const input = page.locator('#starlight__search .pagefind-ui__search-input');
	await input.waitFor({ state: 'attached' });
	await page.keyboard.press('Control+k');
	await input.waitFor({ state: 'visible' });
	return input;
}

/** Resolves when the dialog shows loaded results for `query` (title links, not placeholders). */
const resultsFor = (page: Page, query: string) =>
	page.waitForFunction(
		(q) =>
			[...document.querySelectorAll('#starlight__search .pagefind-ui__message')].some((m) =>
				m.textContent?.includes(`for ${q}`),
			) && !!document.querySelector('#starlight__search .pagefind-ui__result-link'),
		query,
		{ polling: 'raf' },
	);

/**
 * Measures search in Chromium against a served build (`baseURL` = the site root, with its base
 * path), for `npm run bench`:
 * - `searchBytes`: bytes on the wire of Pagefind files (engine, WebAssembly, metadata, index and
 *   filter chunks, result fragments) fetched from opening the dialog to the first results of a
 *   typical query, in a fresh browser context. The dialog's UI code (Astro's `_astro/` bundle) is
 *   excluded. Bytes on the wire depend on the server compressing JavaScript (`astro preview` and
 *   the nginx set-up do): Pagefind's WebAssembly and index files come compressed already.
 * - `searchLatency`: median time from the last keystroke of a query to its first results on screen,
 *   once the index is loaded, over several queries. Includes the UI's debounce.
 */
export async function measureSearch({
	baseURL,
	browser,
}: {
	baseURL: string;
	browser: Browser;
}): Promise<Record<string, Measurement>> {
	const root = new URL('./', baseURL.endsWith('/') ? baseURL : `${baseURL}/`);
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(root.href);
		// Resource Timing counts every fetch after the dialog opens, whatever the browser's caches do.
		const opened = await page.evaluate(() => performance.now());
		const input = await openDialog(page);
		const [first, ...rest] = QUERIES;
		await input.pressSequentially(first!);
		await resultsFor(page, first!);
		await page.waitForLoadState('networkidle');
		const wire = await page.evaluate(
			(since) =>
				performance
					.getEntriesByType('resource')
					.filter(
						(entry): entry is PerformanceResourceTiming =>
							entry.startTime >= since && new URL(entry.name).pathname.includes('/pagefind/'),
					)
					.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
			opened,
		);

		const latencies: number[] = [];
		for (const query of rest) {
			await input.fill('');
			await input.pressSequentially(query.slice(0, -1));
			// Time from the last key's keydown, as the page sees it, to results on screen.
			await page.evaluate(() => {
				const w = window as unknown as { __lastKey?: number };
				document.addEventListener('keydown', () => (w.__lastKey = performance.now()), {
					capture: true,
					once: true,
				});
			});
			await input.press(query.slice(-1));
			await resultsFor(page, query);
			latencies.push(
				await page.evaluate(
					() => performance.now() - (window as unknown as { __lastKey: number }).__lastKey,
				),
			);
		}
		latencies.sort((a, b) => a - b);
		const median = latencies[Math.floor(latencies.length / 2)]!;

		return {
			searchBytes: measure(wire / 1024, 'KB', 100),
			searchLatency: measure(median, 'ms', 150),
		};
	} finally {
		await context.close();
	}
}
