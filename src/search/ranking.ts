/**
 * Pagefind ranking weights for this site, passed to Starlight's `pagefind.ranking` option (which
 * hands them to Pagefind in the browser) and to the ranking test, so both rank alike. Chosen by
 * measurement (README, "Search"; `e2e/search-ranking.spec.ts`).
 */
export const PAGEFIND_RANKING = {
	pageLength: 0.1,
	termFrequency: 0.1,
	termSaturation: 2,
	termSimilarity: 9,
} as const;
