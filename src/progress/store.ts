import { ITEM_ID_PATTERN } from '../content/item-id.ts';

/**
 * The progress store: which items a learner ticked, per roadmap, kept in `localStorage`. Pure
 * TypeScript with no DOM, so every storage failure can be unit-tested with a fake storage.
 *
 * Stored value (version 1), under `storageKey(base)`:
 *
 *     { "version": 1, "roadmaps": { "<roadmap>": { "<item id>": <ticked at, epoch ms> } } }
 *
 * Version 0 (before the store had a version field) kept ticked ids without times:
 * `{ "<roadmap>": ["<item id>", …] }`. It is migrated on load, each tick dated 0 ("unknown").
 *
 * Never lose a tick: ticks for ids the site no longer knows are kept (they come back with the
 * item or its alias); corrupted data is copied to a backup key before a fresh record starts; data
 * from a newer site version is read but never overwritten; storage that throws falls back to
 * memory, so ticks work for the page's life and the learner is told once.
 */

/** `format` marker of an export file. */
export const EXPORT_FORMAT = 'backend-roadmaps-progress';
/** Current version of the stored data and of export files. */
export const STORE_VERSION = 1;

/** One roadmap's ticks: item id → when it was ticked (epoch ms; 0 when unknown). */
export type Ticks = Record<string, number>;
/** Roadmap id → its ticks. Objects have no prototype, so an id like `constructor` is safe. */
export type Roadmaps = Record<string, Ticks>;

/** The part of the Web Storage API the store uses; tests pass a fake. */
export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** A learnable item: its id and former ids (aliases), as the Markdown declares them. */
export interface Item {
	id: string;
	aliases: readonly string[];
}

/**
 * What the learner must be told, once: `unavailable` (storage blocked, memory only),
 * `unsaved` (a write failed, e.g. quota), `future` (data from a newer site version, not
 * overwritten), `corrupted` (unreadable data, kept aside under `backupKey`).
 */
export type Notice = 'unavailable' | 'unsaved' | 'future' | 'corrupted';

/** Result of `parseImport`: the ticks, or a message a person can act on. */
export type ImportResult =
	{ ok: true; roadmaps: Roadmaps; exportedAt: string } | { ok: false; error: string };

const blank = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
const has = (object: object, key: string) => Object.hasOwn(object, key);
const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The localStorage key for a site served under `base`, so two copies on one origin never mix. */
export function storageKey(base: string): string {
	return `backend-roadmaps:progress:${`/${base}/`.replace(/\/+/g, '/')}`;
}

/**
 * Validates freshly parsed `{ roadmap: { id: time } }` in place (no copy: 5,000 ticks must load
 * within a frame) and drops the prototypes; returns the first problem found instead when invalid.
 */
function readRoadmaps(value: unknown): Roadmaps | string {
	if (!isRecord(value)) return '"roadmaps" must be an object of roadmap ids';
	for (const roadmap in value) {
		const ticks = value[roadmap];
		if (!ITEM_ID_PATTERN.test(roadmap)) return `"${roadmap}" is not a roadmap id`;
		if (!isRecord(ticks)) return `roadmap "${roadmap}" must map item ids to tick times`;
		for (const id in ticks) {
			const at = ticks[id];
			if (!ITEM_ID_PATTERN.test(id)) return `"${id}" in roadmap "${roadmap}" is not an item id`;
			if (!Number.isSafeInteger(at) || (at as number) < 0) {
				return `item "${id}" in roadmap "${roadmap}" has an invalid tick time`;
			}
		}
		Object.setPrototypeOf(ticks, null);
	}
	return Object.setPrototypeOf(value, null) as Roadmaps;
}

/** Version 0 → 1: arrays of ticked ids become ids dated 0 (time unknown). */
function migrateV0(value: Record<string, unknown>): Roadmaps | string {
	const roadmaps = blank<unknown>();
	for (const [roadmap, ids] of Object.entries(value)) {
		if (!Array.isArray(ids)) return `version-0 roadmap "${roadmap}" is not a list of ids`;
		roadmaps[roadmap] = Object.fromEntries(ids.map((id) => [id, 0]));
	}
	return readRoadmaps(roadmaps);
}

type Stored =
	| { kind: 'ok'; roadmaps: Roadmaps; migrated: boolean }
	| { kind: 'future'; roadmaps: Roadmaps }
	| { kind: 'corrupted' };

/** Reads a stored value of any version. */
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
		return typeof roadmaps === 'string'
			? { kind: 'corrupted' }
			: { kind: 'ok', roadmaps, migrated: true };
	}
	const roadmaps = readRoadmaps(value.roadmaps);
	if (Number.isInteger(value.version) && (value.version as number) > STORE_VERSION) {
		// Best effort: a newer shape may still hold `roadmaps` as we know it.
		return { kind: 'future', roadmaps: typeof roadmaps === 'string' ? blank() : roadmaps };
	}
	if (value.version !== STORE_VERSION || typeof roadmaps === 'string') return { kind: 'corrupted' };
	return { kind: 'ok', roadmaps, migrated: false };
}

/** An export file's text: format marker, version, export date and every tick. */
export function exportProgress(roadmaps: Roadmaps, exportedAt: Date): string {
	const file = {
		format: EXPORT_FORMAT,
		version: STORE_VERSION,
		exportedAt: exportedAt.toISOString(),
		roadmaps,
	};
	return `${JSON.stringify(file, null, '\t')}\n`;
}

/** Strictly validates an export file's text. Never throws; anything else gets a clear reason. */
export function parseImport(text: string): ImportResult {
	const refuse = (reason: string): ImportResult => ({
		ok: false,
		error: `This file is not a progress export from this site: ${reason}. Nothing was changed.`,
	});
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return refuse('it is not valid JSON');
	}
	if (!isRecord(value) || value.format !== EXPORT_FORMAT) {
		return refuse(`it has no "format": "${EXPORT_FORMAT}" marker`);
	}
	if (Number.isInteger(value.version) && (value.version as number) > STORE_VERSION) {
		return refuse(
			`it was made by a newer version of the site (version ${value.version}); update the site first`,
		);
	}
	if (value.version !== STORE_VERSION)
		return refuse(`unknown version ${JSON.stringify(value.version)}`);
	const { exportedAt } = value;
	if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) {
		return refuse('"exportedAt" is not a date');
	}
	const extra = Object.keys(value).find(
		(key) => !['format', 'version', 'exportedAt', 'roadmaps'].includes(key),
	);
	if (extra !== undefined) return refuse(`unexpected field "${extra}"`);
	const roadmaps = readRoadmaps(value.roadmaps);
	return typeof roadmaps === 'string' ? refuse(roadmaps) : { ok: true, roadmaps, exportedAt };
}

/** Whether `item` is ticked in `ticks`, under its id or any alias. */
const tickOf = (ticks: Ticks | undefined, item: Item) =>
	ticks ? [item.id, ...item.aliases].find((id) => has(ticks, id)) : undefined;

/** Number of `items` ticked in `roadmap`: a chapter, a phase or a whole roadmap. */
export function countDone(roadmaps: Roadmaps, roadmap: string, items: readonly Item[]): number {
	const ticks = roadmaps[roadmap];
	return items.reduce((done, item) => done + (tickOf(ticks, item) === undefined ? 0 : 1), 0);
}

/** The learner's ticks, loaded from and saved to a storage, with every failure contained. */
export class ProgressStore {
	/** Current ticks; read freely, change only through the methods. */
	roadmaps: Roadmaps = blank();
	/** Where a corrupted value was kept aside, if it was. */
	backupKey: string | undefined;
	#storage: StorageLike | undefined;
	#readOnly = false;
	#told = new Set<Notice>();

	/**
	 * @param storage `localStorage`, or `undefined` when it cannot be reached (memory only).
	 * @param key from `storageKey(base)`.
	 * @param notify called at most once per kind of notice.
	 */
	constructor(
		storage: StorageLike | undefined,
		readonly key: string,
		readonly notify: (notice: Notice) => void = () => {},
		readonly now: () => number = Date.now,
	) {
		this.#storage = storage;
		if (storage) this.reload();
		else this.#tell('unavailable');
	}

	#tell(notice: Notice): void {
		if (this.#told.has(notice)) return;
		this.#told.add(notice);
		this.notify(notice);
	}

	/** Re-reads storage (another tab wrote it). Memory-only and read-only stores keep theirs. */
	reload(): void {
		const storage = this.#storage;
		if (!storage) return;
		let raw: string | null;
		try {
			raw = storage.getItem(this.key);
		} catch {
			this.#storage = undefined;
			return this.#tell('unavailable');
		}
		this.#readOnly = false;
		this.roadmaps = blank();
		if (raw === null) return;
		const stored = readStored(raw);
		if (stored.kind === 'ok') {
			this.roadmaps = stored.roadmaps;
			if (stored.migrated) this.#save();
		} else if (stored.kind === 'future') {
			this.roadmaps = stored.roadmaps;
			this.#readOnly = true;
			this.#tell('future');
		} else {
			const backupKey = `${this.key}:corrupted:${this.now()}`;
			try {
				storage.setItem(backupKey, raw);
				storage.removeItem(this.key);
				this.backupKey = backupKey;
			} catch {
				this.#readOnly = true; // could not keep a copy: leave the original alone
			}
			this.#tell('corrupted');
		}
	}

	#save(): void {
		if (!this.#storage || this.#readOnly) return;
		try {
			this.#storage.setItem(
				this.key,
				JSON.stringify({ version: STORE_VERSION, roadmaps: this.roadmaps }),
			);
		} catch {
			this.#tell('unsaved');
		}
	}

	/** Whether `item` is ticked, found under its id or any of its aliases. */
	isTicked(roadmap: string, item: Item): boolean {
		return tickOf(this.roadmaps[roadmap], item) !== undefined;
	}

	/** Moves ticks found under an alias to the item's current id (the earliest time wins). */
	adoptAliases(roadmap: string, items: readonly Item[]): void {
		const ticks = this.roadmaps[roadmap];
		if (!ticks) return;
		let moved = false;
		for (const { id, aliases } of items) {
			for (const alias of aliases) {
				if (!has(ticks, alias)) continue;
				ticks[id] = Math.min(ticks[alias]!, ticks[id] ?? Infinity);
				delete ticks[alias];
				moved = true;
			}
		}
		if (moved) this.#save();
	}

	/** Ticks or unticks an item; unticking also clears its aliases so the tick cannot return. */
	set(roadmap: string, item: Item, ticked: boolean): void {
		const ticks = (this.roadmaps[roadmap] ??= blank());
		const at = ticks[item.id];
		for (const id of [item.id, ...item.aliases]) delete ticks[id];
		if (ticked) ticks[item.id] = at ?? this.now();
		this.#save();
	}

	/** Forgets the ticks of one roadmap, or of all roadmaps when none is given. */
	reset(roadmap?: string): void {
		if (roadmap === undefined) this.roadmaps = blank();
		else delete this.roadmaps[roadmap];
		this.#save();
	}

	/** Merges imported ticks (union, earliest time wins) and returns how many ticks were added. */
	merge(imported: Roadmaps): number {
		let added = 0;
		for (const [roadmap, ticks] of Object.entries(imported)) {
			const mine = (this.roadmaps[roadmap] ??= blank());
			for (const [id, at] of Object.entries(ticks)) {
				if (!has(mine, id)) added++;
				mine[id] = Math.min(at, mine[id] ?? Infinity);
			}
		}
		this.#save();
		return added;
	}
}
