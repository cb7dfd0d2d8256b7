/**
 * What the offline integration (./offline.ts) and the page middleware (./page-middleware.ts)
 * share during one build, on `globalThis` as ./csp-state.ts is: each page's hash and size as the
 * middleware passed it on to be written, so the service worker's version need not read the pages
 * of `dist/` back.
 */
export interface OfflineState {
	/** Built pages, as dist/ names them (`express-senior/01-core-express/index.html`). */
	pages: Map<string, { hash: string; bytes: number }>;
}

const KEY = Symbol.for('backend-roadmaps:offline');
type Holder = { [KEY]?: OfflineState };

/** The current build's state (a fresh one after `resetOfflineState`). */
export function offlineState(): OfflineState {
	return ((globalThis as Holder)[KEY] ??= { pages: new Map() });
}

/** Starts a build's state afresh. */
export function resetOfflineState(): OfflineState {
	delete (globalThis as Holder)[KEY];
	return offlineState();
}
