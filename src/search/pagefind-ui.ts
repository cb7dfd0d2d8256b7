// @ts-expect-error: @pagefind/default-ui ships no types. Imported by path: the bare name is aliased to this file.
import { PagefindUI as DefaultPagefindUI } from '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';
import { linkSubResultsToItems, type PagefindResultData } from './item-links';
import { PAGEFIND_RANKING } from './ranking';

type ProcessResult = (result: PagefindResultData) => PagefindResultData | void;

/**
 * Starlight's search dialog creates the Pagefind UI with fixed options and offers no hook for
 * more. `astro.config.mjs` aliases `@pagefind/default-ui` to this module, so the dialog gets this
 * subclass: this site's ranking (./ranking.ts), sub-results link to roadmap items (`#item-id`),
 * the roadmap filter starts open, filter values that match nothing are hidden, results follow the
 * last keystroke quickly, no search worker is downloaded (bench/search-budget.ts) and Pagefind is
 * loaded through `public/pagefind/ui/pagefind.js`, whose searches wait for every filter chunk:
 * Pagefind counts filter values over the chunks loaded so far and the UI keeps the filters of the
 * first search it shows, so a query pasted while the `roadmap` chunk was loading showed no roadmap
 * filter.
 */
export class PagefindUI extends DefaultPagefindUI {
	constructor(
		options: { processResult?: ProcessResult; bundlePath: string } & Record<string, unknown>,
	) {
		const starlightProcess = options.processResult;
		super({
			...options,
			bundlePath: `${options.bundlePath}ui/`,
			// Starlight passes no ranking: its Pagefind run is off (src/integrations/search-index.ts).
			ranking: PAGEFIND_RANKING,
			openFilters: ['roadmap'],
			showEmptyFilters: false,
			// Pagefind's default 300 ms debounce alone would break the 150 ms results budget.
			debounceTimeoutMs: 50,
			// Search in the page, not in a worker: the worker script is another 43 KB (14 KB gzipped)
			// per visit, and an index of a few roadmaps searches in milliseconds on the main thread.
			noWorker: true,
			processResult: (result: PagefindResultData) =>
				linkSubResultsToItems(starlightProcess?.(result) ?? result),
		});
	}
}
