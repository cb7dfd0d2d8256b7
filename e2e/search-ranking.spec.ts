import { expect, test } from './fixtures';
import { PAGEFIND_RANKING } from '../src/search/ranking';
import { RANKING_CASES, ROADMAPS } from './search-cases';
import { PAGEFIND_BUNDLE, sitePath } from './search-helpers';

/**
 * Ranking, measured on the built index: for each topic name the chapter that teaches it is the
 * first result among its roadmap's pages. Queries go through Pagefind's browser API with the site's ranking weights (the
 * dialog passes the same `PAGEFIND_RANKING`), so the dialog's order is what is tested, without
 * its debounce and rendering.
 */
test('an exact topic name ranks the teaching chapter first', async ({ page, baseURL }) => {
	await page.goto('/');
	const firsts = await page.evaluate(
		async ({ bundle, ranking, queries }) => {
			const pagefind = await import(bundle);
			await pagefind.options({ ranking });
			return Promise.all(
				queries.map(async ({ query, roadmap }) => {
					const { results } = await pagefind.search(query, { filters: { roadmap } });
					const top = await Promise.all(
						results.slice(0, 3).map((r: { data: () => Promise<{ url: string }> }) => r.data()),
					);
					return top.map((data) => data.url);
				}),
			);
		},
		{
			bundle: PAGEFIND_BUNDLE,
			ranking: PAGEFIND_RANKING,
			// The filter value is the roadmap's short title (src/components/MarkdownContent.astro).
			queries: RANKING_CASES.map(({ query, roadmap }) => ({
				query,
				roadmap: ROADMAPS.get(roadmap)!.shortTitle,
			})),
		},
	);
	for (const [index, { query, teaches }] of RANKING_CASES.entries()) {
		const top = firsts[index]!.map((url) => sitePath(url, baseURL!));
		expect
			.soft(top[0], `"${query}" should rank ${teaches} first; top 3: ${top.join(', ')}`)
			.toBe(teaches);
	}
});
