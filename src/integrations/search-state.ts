/**
 * What the search integration (./search-index.ts) and the page middleware (./page-middleware.ts)
 * share during one build, on `globalThis` as ./csp-state.ts is: the pages that have a search body.
 */
export interface SearchState {
	/** Built pages with `data-pagefind-body`, as dist/ names them (`express-senior/01-core-express/index.html`). */
	pages: string[];
}

const KEY = Symbol.for('backend-roadmaps:search');
type Holder = { [KEY]?: SearchState };

/** The current build's state (a fresh one after `resetSearchState`). */
export function searchState(): SearchState {
	return ((globalThis as Holder)[KEY] ??= { pages: [] });
}

/** Starts a build's state afresh. */
export function resetSearchState(): SearchState {
	delete (globalThis as Holder)[KEY];
	return searchState();
}
