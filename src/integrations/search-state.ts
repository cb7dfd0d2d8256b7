/**
 * What the search integration (./search-index.ts) and the page middleware (./page-middleware.ts)
 * share during one build, on `globalThis` as ./csp-state.ts is: every page in the order it began
 * to render, and which of them have a search body, so that each is handed to Pagefind as soon as
 * it is written, while the next pages render.
 */
export interface SearchState {
	/**
	 * Every page in the order it began to render (`beginPage`): once rendered, the built file and
	 * its size when it has a search body, `null` when not; `undefined` while it renders.
	 */
	order: (SearchPage | null | undefined)[];
	/** How many of `order` have been handed on, in order (to the index, or passed over). */
	handed: number;
	/** The pages with a search body handed to the index, in order. */
	pages: string[];
	/**
	 * Set by the integration when the build starts: hands on what is ready (`handReady`). Without
	 * it, pages wait in `order` until the build ends.
	 */
	pump?: () => void;
}

/** A built page with a search body. */
export interface SearchPage {
	/** As dist/ names it: `express-senior/01-core-express/index.html`. */
	page: string;
	/** Its size as written. */
	bytes: number;
}

const KEY = Symbol.for('backend-roadmaps:search');
type Holder = { [KEY]?: SearchState };

/** The current build's state (a fresh one after `resetSearchState`). */
export function searchState(): SearchState {
	return ((globalThis as Holder)[KEY] ??= { order: [], handed: 0, pages: [] });
}

/** Starts a build's state afresh. */
export function resetSearchState(): SearchState {
	delete (globalThis as Holder)[KEY];
	return searchState();
}

/**
 * A page begins to render: its place in the order pages are indexed. Astro starts pages in the
 * same order in every build, whichever finishes first, so the index is the same in every build.
 */
export function beginPage(state = searchState()): number {
	return state.order.push(undefined) - 1;
}

/** The page in place `slot` is rendered: `page` when it has a search body, else `null`. */
export function pageRendered(slot: number, page: SearchPage | null, state = searchState()): void {
	state.order[slot] = page;
	state.pump?.();
}

/**
 * Hands on the pages at the head of the order that are ready: a page without a search body is
 * passed over, a page with one goes to `index` once `written` says its file is complete. Stops at
 * the first page still rendering or not yet written, so pages reach the index in their order.
 */
export function handReady(
	state: SearchState,
	written: (page: SearchPage) => boolean,
	index: (page: string) => void,
): void {
	while (state.handed < state.order.length) {
		const next = state.order[state.handed];
		if (next === undefined || (next !== null && !written(next))) return;
		if (next !== null) {
			state.pages.push(next.page);
			index(next.page);
			state.order[state.handed] = null;
		}
		state.handed++;
	}
}

/**
 * What `handReady` could not hand on, as the build names it: each page still rendering, or with a
 * search body whose file is not as rendered. Pages without a search body behind them are not named.
 */
export function notHanded(state: SearchState): string[] {
	return state.order
		.slice(state.handed)
		.flatMap((page) =>
			page === null ? [] : [page?.page ?? 'a page that never finished rendering'],
		);
}
