/**
 * What the search integration (./search-index.ts) and the page middleware (./page-middleware.ts)
 * share during one build, on `globalThis` as ./csp-state.ts is: the Pagefind index, which takes
 * each page as it is rendered.
 */
export interface SearchState {
	/** Hands a built page (`express-senior/01-core-express/index.html`) and its HTML to Pagefind. */
	add?: (page: string, html: string) => void;
}

const KEY = Symbol.for('backend-roadmaps:search');
type Holder = { [KEY]?: SearchState };

/** The current build's state (a fresh one after `resetSearchState`). */
export function searchState(): SearchState {
	return ((globalThis as Holder)[KEY] ??= {});
}

/** Starts a build's state afresh. */
export function resetSearchState(): SearchState {
	delete (globalThis as Holder)[KEY];
	return searchState();
}
