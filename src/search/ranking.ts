/**
 * Pagefind ranking weights for this site, passed to Pagefind in the browser by the search dialog
 * (./pagefind-ui.ts) and to the ranking test, so both rank alike. Starlight's
 * defaults except `termSimilarity`: at Starlight's 9 an exact word on a page that only mentions it
 * ("PostgreSQL" on the home page) beat the same word inside a compound in the chapter that teaches
 * it ("PostgreSQL/MySQL"); Pagefind's own default, 1, ranks every case of the ranking test right.
 * Measured over a grid of all four weights: docs/search.md.
 */
export const PAGEFIND_RANKING = {
	pageLength: 0.1,
	termFrequency: 0.1,
	termSaturation: 2,
	termSimilarity: 1,
} as const;
