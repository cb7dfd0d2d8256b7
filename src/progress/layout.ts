/**
 * The storage layout: the keys (one per item under the store's key) and the layout's version
 * (src/progress/store.ts says what each version holds; `records.ts` reads the older ones).
 */

/** Version of the storage layout. */
export const STORE_VERSION = 2;

/** The first key's value: the layout's version. */
export const MARKER = JSON.stringify({ version: STORE_VERSION });

/** The localStorage key for a site served under `base`, so two copies on one origin never mix. */
export function storageKey(base: string): string {
	return `backend-roadmaps:progress:${`/${base}/`.replace(/\/+/g, '/')}`;
}

/** The key of one item's entry, under the store's key. */
export const itemKey = (key: string, roadmap: string, id: string) => `${key}#${roadmap}/${id}`;

/** Whether a layout version is newer than this site's: such data is read but never overwritten. */
export const isFuture = (version: unknown): boolean =>
	Number.isInteger(version) && (version as number) > STORE_VERSION;
