/**
 * What the CSP integration (./csp.ts) and the page middleware (./page-middleware.ts) share during
 * one build. The integration runs in Astro's own process; the middleware is bundled into the
 * pages' prerender code and runs in that same process, so the build's state is kept on
 * `globalThis` under one symbol, reset when a build starts.
 */
export interface CspState {
	/** Exact code of every client script Astro bundled from a component (it may inline them). */
	bundled: Set<string>;
	/** Each distinct inline script's hash source: pages share most of their scripts. */
	hashes: Map<string, string>;
	/** Pages with a script inside chapter content: never hashed, and the build then fails. */
	refused: { page: string; scripts: string[] }[];
	/** How many pages got a policy. */
	pages: number;
}

const KEY = Symbol.for('backend-roadmaps:csp');
type Holder = { [KEY]?: CspState };

/** The current build's state (a fresh one after `resetCspState`). */
export function cspState(): CspState {
	return ((globalThis as Holder)[KEY] ??= {
		bundled: new Set(),
		hashes: new Map(),
		refused: [],
		pages: 0,
	});
}

/** Starts a build's state afresh. */
export function resetCspState(): CspState {
	delete (globalThis as Holder)[KEY];
	return cspState();
}
