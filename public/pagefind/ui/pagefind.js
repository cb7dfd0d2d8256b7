// The search dialog's view of Pagefind (src/search/pagefind-ui.ts sets the UI's bundle path here).
// Pagefind counts filter values only over the filter chunks loaded so far, and the UI keeps the
// filters of the first search it shows: a query pasted while the UI was still loading the
// `roadmap` chunk showed no roadmap filter until the query changed. Here a search first waits for
// every filter chunk; everything else is Pagefind's own module.
import * as pagefind from '../pagefind.js';

export * from '../pagefind.js';

/** @type {Promise<unknown> | undefined} */
let filtersLoaded;

/**
 * Pagefind's `search`, run once every filter chunk is loaded (a chunk that fails to load is left
 * out, as Pagefind does).
 * @param {string} term
 * @param {Record<string, unknown>} [options]
 */
export async function search(term, options) {
	filtersLoaded ??= pagefind.filters().catch(() => undefined);
	await filtersLoaded;
	return pagefind.search(term, options);
}
