import { blank, has, isRecord, isTime, quote } from './guards.ts';
import { readRoadmaps, type Entry, type Roadmaps } from './entries.ts';

/**
 * The storage layout: the keys (one per item under the store's key) and the reading of the
 * store's key in every layout version, migrating versions 0 and 1 (src/progress/store.ts says
 * what each holds).
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

/** Version 1 ticks (`id: time`) as entries: each tick is "done" at its time. */
export const readTick = (at: unknown): Entry | string =>
	isTime(at) ? { status: 'done', at } : 'has an invalid tick time';

/** Version 0 → entries: arrays of ticked ids become "done" items dated 0 (time unknown). */
function migrateV0(value: Record<string, unknown>): Roadmaps | string {
	const roadmaps = blank<unknown>();
	for (const [roadmap, ids] of Object.entries(value)) {
		if (!Array.isArray(ids)) return `version-0 roadmap ${quote(roadmap)} is not a list of ids`;
		roadmaps[roadmap] = Object.fromEntries(ids.map((id) => [id, 0]));
	}
	return readRoadmaps(roadmaps, readTick);
}

type Stored =
	| { kind: 'current' }
	| { kind: 'old'; roadmaps: Roadmaps }
	| { kind: 'future'; roadmaps: Roadmaps }
	| { kind: 'corrupted' };

/** Reads the value of the store's key, of any version. */
export function readStored(raw: string): Stored {
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return { kind: 'corrupted' };
	}
	if (!isRecord(value)) return { kind: 'corrupted' };
	if (!has(value, 'version')) {
		const roadmaps = migrateV0(value);
		return typeof roadmaps === 'string' ? { kind: 'corrupted' } : { kind: 'old', roadmaps };
	}
	if (value.version === STORE_VERSION) return { kind: 'current' };
	const roadmaps = readRoadmaps(value.roadmaps, readTick);
	if (Number.isInteger(value.version) && (value.version as number) > STORE_VERSION) {
		// Best effort: a newer layout may still hold `roadmaps` as version 1 did.
		return { kind: 'future', roadmaps: typeof roadmaps === 'string' ? blank() : roadmaps };
	}
	if (value.version !== 1 || typeof roadmaps === 'string') return { kind: 'corrupted' };
	return { kind: 'old', roadmaps };
}
