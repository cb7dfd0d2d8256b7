// Pagefind's module for the search dialog, whose searches wait for every filter chunk (docs/search.md).
import * as pagefind from '../pagefind.js';
export * from '../pagefind.js';
/** @type {Promise<unknown> | undefined} */
let filtersLoaded;
/** @param {string} term @param {Record<string, unknown>} [options] */
export async function search(term, options) {
	filtersLoaded ??= pagefind.filters().catch(() => undefined);
	await filtersLoaded;
	return pagefind.search(term, options);
}
