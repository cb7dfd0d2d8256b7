/**
 * Where offline things live, relative to the site's base path: one definition for the build that
 * writes them (src/integrations/offline.ts, src/offline/precache.ts), the service worker that is
 * told them (`PRECACHE.paths`, src/offline/service-worker.js) and the page that saves a roadmap
 * (src/offline/save.ts). Browser-safe: no Node imports.
 */
export const OFFLINE_PATHS = {
	/** The folder of the roadmaps' offline packs: `offline/<roadmap>.json`. */
	packs: 'offline/',
	/** The search index every pack shares (no roadmap id has an underscore). */
	shared: 'offline/_search.json',
	/** The cache keys marking a roadmap saved for offline: `offline/saved/<roadmap>`. */
	saved: 'offline/saved/',
	/** The offline page (src/pages/offline.astro), shown for a page never saved. */
	page: 'offline/',
} as const;

/** A roadmap's offline pack, relative to the base path. */
export const packPath = (roadmap: string) => `${OFFLINE_PATHS.packs}${roadmap}.json`;

/** The cache key marking `roadmap` as saved, relative to the base path. */
export const savedPath = (roadmap: string) => `${OFFLINE_PATHS.saved}${roadmap}`;
