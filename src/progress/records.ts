import { ITEM_ID_PATTERN } from '../content/item-id.ts';
import { entryFault, type Entry, type EntryFault, type Roadmaps } from './entries.ts';
import { blank, has, isRecord, isTime } from './guards.ts';
import { isFuture, STORE_VERSION } from './layout.ts';
import { quote } from '../text/quote.ts';
// The store loads this file on demand and is loaded before it. Importing it here keeps the
// modules both use (guards, entries, layout) in the store's chunk: otherwise Rolldown moves them
// to a chunk of their own, one more file every page loads (bench: progress JS on a chapter page).
import './store.ts';

/**
 * Whole records of entries, read from what a learner or an older site wrote, with the words that
 * say what is wrong in one: an imported file or link (the Progress page), and the store's first
 * key in a layout other than the current one (versions 0 and 1, a newer one, or unreadable data).
 * Chapter pages load this only when their first key holds such a value (src/progress/store.ts),
 * so a page whose progress is in the current layout does not carry it.
 */

/** The words for each rule of an entry (`entryFault`). */
const FAULTS: Record<EntryFault[0], (value: unknown) => string> = {
	object: () => 'is not an object',
	status: (value) => `has an unknown status ${quote(value)}`,
	time: () => 'has an invalid time',
	field: (value) => `has an unexpected field ${quote(value)}`,
	via: (value) => `has an invalid roadmap ${quote(value)} in "via"`,
	note: () => 'has an invalid note',
	'note-time': () => 'has a note without a valid time',
	'note-alone': () => 'has a note time without a note',
};

/** Checks one entry as stored or imported; returns the problem, in words, when it is not one. */
export function checkEntry(value: unknown): Entry | string {
	const fault = entryFault(value);
	return fault ? FAULTS[fault[0]](fault[1]) : (value as Entry);
}

/**
 * Validates freshly parsed `{ roadmap: { id: value } }` in place (no copy: 5,000 entries must load
 * within a frame) and drops the prototypes; `read` checks and converts each value. Returns the
 * first problem found instead when invalid.
 */
export function readRoadmaps(
	value: unknown,
	read: (value: unknown) => Entry | string,
): Roadmaps | string {
	if (!isRecord(value)) return '"roadmaps" must be an object of roadmap ids';
	for (const roadmap in value) {
		const entries = value[roadmap];
		if (!ITEM_ID_PATTERN.test(roadmap)) return `${quote(roadmap)} is not a roadmap id`;
		if (!isRecord(entries)) return `roadmap ${quote(roadmap)} must map item ids to entries`;
		for (const id in entries) {
			if (!ITEM_ID_PATTERN.test(id))
				return `${quote(id)} in roadmap ${quote(roadmap)} is not an item id`;
			const entry = read(entries[id]);
			if (typeof entry === 'string')
				return `item ${quote(id)} in roadmap ${quote(roadmap)} ${entry}`;
			entries[id] = entry;
		}
		Object.setPrototypeOf(entries, null);
	}
	return Object.setPrototypeOf(value, null) as Roadmaps;
}

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

/** What the store's first key holds, read by `readStored`. */
export type Stored =
	| { kind: 'current' }
	| { kind: 'old'; roadmaps: Roadmaps }
	| { kind: 'future'; roadmaps: Roadmaps }
	| { kind: 'corrupted' };

/** Reads the value of the store's key, of any version (src/progress/store.ts says what each holds). */
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
	if (isFuture(value.version)) {
		// Best effort: a newer layout may still hold `roadmaps` as version 1 did.
		return { kind: 'future', roadmaps: typeof roadmaps === 'string' ? blank() : roadmaps };
	}
	if (value.version !== 1 || typeof roadmaps === 'string') return { kind: 'corrupted' };
	return { kind: 'old', roadmaps };
}
