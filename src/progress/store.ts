import { ITEM_ID_PATTERN } from '../content/item-id.ts';

/**
 * The progress store: which items a learner ticked, per roadmap, kept in `localStorage`. Pure
 * TypeScript with no DOM, so every storage failure can be unit-tested with a fake storage.
 *
 * Layout (version 2): one key per ticked item, so that two tabs changing different items can never
 * overwrite each other, whatever order their writes reach the browser's storage in:
 *
 *     backend-roadmaps:progress:/                      {"version":2}
 *     backend-roadmaps:progress:/#express-senior/routing   {"status":"done","at":1732406400000}
 *
 * The first key (`storageKey(base)`) marks the layout's version; each item key adds
 * `#<roadmap>/<id>` (a base path never holds `#`, so two copies of the site on one origin never
 * mix). `at` is when the item was ticked (epoch ms; 0 when unknown).
 *
 * Older layouts are migrated on load, one item key per tick: version 1 kept everything in the
 * first key (`{"version":1,"roadmaps":{"<roadmap>":{"<id>":<at>}}}`), version 0 kept ticked ids
 * without times (`{"<roadmap>":["<id>",…]}`, dated 0).
 *
 * Never lose a tick: ticks for ids the site no longer knows are kept (they come back with the
 * item or its alias); a tick on a group (an item that gained children) becomes its leaves' ticks;
 * corrupted data is copied to a backup key before a fresh record starts; data from a newer site
 * version is read but never overwritten; storage that throws falls back to memory, and the
 * learner is told, once per kind, whenever ticks are not being saved.
 */

/** Version of the storage layout. */
export const STORE_VERSION = 2;

/** One roadmap's ticks: item id → when it was ticked (epoch ms; 0 when unknown). */
export type Ticks = Record<string, number>;
/** Roadmap id → its ticks. Objects have no prototype, so an id like `constructor` is safe. */
export type Roadmaps = Record<string, Ticks>;

/** The part of the Web Storage API the store uses; tests pass a fake. */
export interface StorageLike {
	readonly length: number;
	key(index: number): string | null;
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** A learnable item: its id and former ids (aliases), as the Markdown declares them. */
export interface Item {
	id: string;
	aliases: readonly string[];
}

/** An item with children: a tick stored on it (before it had children) belongs to its leaves. */
export interface Group {
	item: Item;
	leaves: readonly Item[];
}

/**
 * What the learner must be told, once each: `unavailable` (storage blocked, memory only),
 * `unsaved` (a write failed, e.g. quota), `future` (data from a newer site version, not
 * overwritten), `corrupted` (unreadable data, kept aside under `backupKey`), `unreadable`
 * (unreadable data and no room to keep a copy: left alone, nothing is saved).
 */
export type Notice = 'unavailable' | 'unsaved' | 'future' | 'corrupted' | 'unreadable';

const blank = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
export const has = (object: object, key: string) => Object.hasOwn(object, key);
export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number =>
	Number.isSafeInteger(value) && (value as number) >= 0;

/** A value quoted for a message, cut to a short excerpt: files and storage can hold anything. */
export function quote(value: unknown): string {
	const text = typeof value === 'string' ? value : String(JSON.stringify(value));
	return text.length <= 40
		? JSON.stringify(text)
		: `${JSON.stringify(text.slice(0, 32))}… (${text.length} characters)`;
}

/** The localStorage key for a site served under `base`, so two copies on one origin never mix. */
export function storageKey(base: string): string {
	return `backend-roadmaps:progress:${`/${base}/`.replace(/\/+/g, '/')}`;
}

/** The key of one item's tick, under the store's key. */
export const itemKey = (key: string, roadmap: string, id: string) => `${key}#${roadmap}/${id}`;

/** The stored value of a tick. */
const tickValue = (at: number) => JSON.stringify({ status: 'done', at });

/** The tick time in an item key's value, or `undefined` when it is not a tick this site knows. */
function readTick(raw: string | null): number | undefined {
	try {
		const value: unknown = JSON.parse(raw ?? '');
		if (isRecord(value) && value.status === 'done' && isTime(value.at)) return value.at;
	} catch {
		// Not JSON: not a tick.
	}
	return undefined;
}

/**
 * Validates freshly parsed `{ roadmap: { id: time } }` in place (no copy: 5,000 ticks must load
 * within a frame) and drops the prototypes; returns the first problem found instead when invalid.
 */
export function readRoadmaps(value: unknown): Roadmaps | string {
	if (!isRecord(value)) return '"roadmaps" must be an object of roadmap ids';
	for (const roadmap in value) {
		const ticks = value[roadmap];
		if (!ITEM_ID_PATTERN.test(roadmap)) return `${quote(roadmap)} is not a roadmap id`;
		if (!isRecord(ticks)) return `roadmap ${quote(roadmap)} must map item ids to tick times`;
		for (const id in ticks) {
			if (!ITEM_ID_PATTERN.test(id))
				return `${quote(id)} in roadmap ${quote(roadmap)} is not an item id`;
			if (!isTime(ticks[id]))
				return `item ${quote(id)} in roadmap ${quote(roadmap)} has an invalid tick time`;
		}
		Object.setPrototypeOf(ticks, null);
	}
	return Object.setPrototypeOf(value, null) as Roadmaps;
}

/** Version 0 → ticks: arrays of ticked ids become ids dated 0 (time unknown). */
function migrateV0(value: Record<string, unknown>): Roadmaps | string {
	const roadmaps = blank<unknown>();
	for (const [roadmap, ids] of Object.entries(value)) {
		if (!Array.isArray(ids)) return `version-0 roadmap ${quote(roadmap)} is not a list of ids`;
		roadmaps[roadmap] = Object.fromEntries(ids.map((id) => [id, 0]));
	}
	return readRoadmaps(roadmaps);
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
	const roadmaps = readRoadmaps(value.roadmaps);
	if (Number.isInteger(value.version) && (value.version as number) > STORE_VERSION) {
		// Best effort: a newer layout may still hold `roadmaps` as version 1 did.
		return { kind: 'future', roadmaps: typeof roadmaps === 'string' ? blank() : roadmaps };
	}
	if (value.version !== 1 || typeof roadmaps === 'string') return { kind: 'corrupted' };
	return { kind: 'old', roadmaps };
}

/** The id `item` is ticked under in `ticks` (its own or an alias), if any. */
const tickOf = (ticks: Ticks | undefined, item: Item) =>
	ticks ? [item.id, ...item.aliases].find((id) => has(ticks, id)) : undefined;

/** Number of `items` ticked in `roadmap`: a chapter, a phase or a whole roadmap. */
export function countDone(roadmaps: Roadmaps, roadmap: string, items: readonly Item[]): number {
	const ticks = roadmaps[roadmap];
	return items.reduce((done, item) => done + (tickOf(ticks, item) === undefined ? 0 : 1), 0);
}

/**
 * A group's state from its leaves: `done` when all are ticked, `mixed` when some are (the box
 * shows as indeterminate, announced "mixed"), `open` when none are. A leaf is its own group of one.
 */
export function groupState(
	roadmaps: Roadmaps,
	roadmap: string,
	leaves: readonly Item[],
): 'open' | 'mixed' | 'done' {
	const done = countDone(roadmaps, roadmap, leaves);
	return done === 0 ? 'open' : done === leaves.length ? 'done' : 'mixed';
}

/** The learner's ticks, loaded from and saved to a storage, with every failure contained. */
export class ProgressStore {
	/** Current ticks; read freely, change only through the methods. */
	roadmaps: Roadmaps = blank();
	/** Where a corrupted value was kept aside, if it was. */
	backupKey: string | undefined;
	#storage: StorageLike | undefined;
	/** Why changes are not being saved, when they are not. */
	#notSaving: Notice | undefined;
	#told = new Set<Notice>();

	readonly key: string;
	readonly notify: (notice: Notice) => void;
	readonly now: () => number;

	/**
	 * @param storage `localStorage`, or `undefined` when it cannot be reached (memory only).
	 * @param key from `storageKey(base)`.
	 * @param notify called at most once per kind of notice.
	 */
	constructor(
		storage: StorageLike | undefined,
		key: string,
		notify: (notice: Notice) => void = () => {},
		now: () => number = Date.now,
	) {
		this.key = key;
		this.notify = notify;
		this.now = now;
		this.#storage = storage;
		if (storage) this.reload();
		else this.#stop('unavailable');
	}

	/** Why changes made now would not be kept after the page closes, or `undefined` when they are. */
	get notSaving(): Notice | undefined {
		return this.#notSaving;
	}

	#tell(notice: Notice): void {
		if (this.#told.has(notice)) return;
		this.#told.add(notice);
		this.notify(notice);
	}

	/** From now on, changes stay in memory (for the page's life) and are not written. */
	#stop(notice: Notice): void {
		this.#notSaving = notice;
		this.#tell(notice);
	}

	/** Writes or removes one key; false (and the learner told) when storage refuses. */
	#write(key: string, value: string | undefined): boolean {
		if (this.#notSaving) return false;
		try {
			if (value === undefined) this.#storage!.removeItem(key);
			else this.#storage!.setItem(key, value);
			return true;
		} catch {
			this.#tell('unsaved');
			return false;
		}
	}

	/** Re-reads everything from storage. Memory-only stores keep what they have. */
	reload(): void {
		const storage = this.#storage;
		if (!storage) return;
		let raw: string | null;
		const roadmaps = blank<Ticks>();
		try {
			raw = storage.getItem(this.key);
			const prefix = `${this.key}#`;
			for (let i = 0; i < storage.length; i++) {
				const key = storage.key(i);
				if (key?.startsWith(prefix)) this.#readItem(roadmaps, key, storage.getItem(key));
			}
		} catch {
			this.#storage = undefined;
			return this.#stop('unavailable');
		}
		this.roadmaps = roadmaps;
		if (this.#notSaving === 'future' || this.#notSaving === 'unreadable')
			this.#notSaving = undefined;
		if (raw === null) return;
		const stored = readStored(raw);
		if (stored.kind === 'current') return;
		if (stored.kind === 'future') {
			this.#mergeInto(stored.roadmaps);
			return this.#stop('future');
		}
		if (stored.kind === 'old') {
			// Migrate: one key per tick first, then the marker, so an interrupted migration reruns.
			this.#mergeInto(stored.roadmaps);
			const written = Object.entries(stored.roadmaps).every(([roadmap, ticks]) =>
				Object.keys(ticks).every((id) => this.#saveTick(roadmap, id)),
			);
			if (written) this.#write(this.key, JSON.stringify({ version: STORE_VERSION }));
			return;
		}
		const backupKey = `${this.key}:corrupted:${this.now()}`;
		try {
			storage.setItem(backupKey, raw);
			storage.setItem(this.key, JSON.stringify({ version: STORE_VERSION }));
			this.backupKey = backupKey;
			this.#tell('corrupted');
		} catch {
			// No room to keep a copy: leave the original alone and save nothing over it.
			this.#stop('unreadable');
		}
	}

	/** Takes one item key's value into `roadmaps`; values this site does not know are skipped. */
	#readItem(roadmaps: Roadmaps, key: string, raw: string | null): void {
		const [roadmap, id] = key.slice(this.key.length + 1).split('/');
		if (!roadmap || !id) return;
		const at = readTick(raw);
		if (at === undefined) {
			if (roadmaps[roadmap]) delete roadmaps[roadmap][id];
		} else (roadmaps[roadmap] ??= blank())[id] = at;
	}

	/**
	 * Follows another tab's change (the `storage` event's key and new value): one item, or
	 * everything when the store's own key changed or storage was cleared.
	 */
	applyChange(key: string | null, value: string | null): void {
		if (key === null || key === this.key) this.reload();
		else if (key.startsWith(`${this.key}#`) && this.#storage)
			this.#readItem(this.roadmaps, key, value);
	}

	/** Adds ticks to memory: union, the earliest time wins. Returns how many were new. */
	#mergeInto(imported: Roadmaps): number {
		let added = 0;
		for (const [roadmap, ticks] of Object.entries(imported)) {
			const mine = (this.roadmaps[roadmap] ??= blank());
			for (const [id, at] of Object.entries(ticks)) {
				if (!has(mine, id)) added++;
				mine[id] = Math.min(at, mine[id] ?? Infinity);
			}
		}
		return added;
	}

	/** Writes the tick of `id` as memory holds it (removes its key when it is not ticked). */
	#saveTick(roadmap: string, id: string): boolean {
		const at = this.roadmaps[roadmap]?.[id];
		return this.#write(
			itemKey(this.key, roadmap, id),
			at === undefined ? undefined : tickValue(at),
		);
	}

	/** Whether `item` is ticked, found under its id or any of its aliases. */
	isTicked(roadmap: string, item: Item): boolean {
		return tickOf(this.roadmaps[roadmap], item) !== undefined;
	}

	/**
	 * Brings ticks under the page's current ids: a tick under an alias moves to the item's id (the
	 * earliest time wins); a tick on a group (stored when it had no children) ticks each of its
	 * leaves and is then removed, so unticking a leaf later sticks.
	 */
	adopt(roadmap: string, items: readonly Item[], groups: readonly Group[] = []): void {
		const ticks = this.roadmaps[roadmap];
		if (!ticks) return;
		const move = (from: string, to: readonly Item[]) => {
			const at = ticks[from]!;
			for (const { id } of to) {
				ticks[id] = Math.min(at, ticks[id] ?? Infinity);
				this.#saveTick(roadmap, id);
			}
			delete ticks[from];
			this.#saveTick(roadmap, from);
		};
		for (const { item, leaves } of groups) {
			for (const id of [item.id, ...item.aliases]) if (has(ticks, id)) move(id, leaves);
		}
		for (const item of items) {
			for (const alias of item.aliases) if (has(ticks, alias)) move(alias, [item]);
		}
	}

	/**
	 * Ticks or unticks items, writing only their own keys; unticking also clears their aliases so
	 * the tick cannot return. Returns whether the change was saved.
	 */
	set(roadmap: string, items: readonly Item[], ticked: boolean): boolean {
		const ticks = (this.roadmaps[roadmap] ??= blank());
		let saved = true;
		for (const item of items) {
			const at = ticks[item.id];
			for (const id of [item.id, ...item.aliases]) {
				if (!has(ticks, id)) continue;
				delete ticks[id];
				if (id !== item.id) saved = this.#saveTick(roadmap, id) && saved;
			}
			if (ticked) ticks[item.id] = at ?? this.now();
			saved = this.#saveTick(roadmap, item.id) && saved;
		}
		return saved && !this.#notSaving;
	}

	/**
	 * Forgets the ticks of one roadmap, or of all roadmaps when none is given, key by key: a tick
	 * another tab makes meanwhile on another item survives. Returns whether it was saved.
	 */
	reset(roadmap?: string): boolean {
		const roadmaps = roadmap === undefined ? Object.keys(this.roadmaps) : [roadmap];
		let saved = true;
		for (const id of roadmaps) {
			const ids = Object.keys(this.roadmaps[id] ?? {});
			delete this.roadmaps[id];
			for (const item of ids) saved = this.#saveTick(id, item) && saved;
		}
		return saved && !this.#notSaving;
	}

	/**
	 * Merges imported ticks (union, earliest time wins), writing only the items that change.
	 * Returns how many ticks were added and whether they were saved.
	 */
	merge(imported: Roadmaps): { added: number; saved: boolean } {
		const before = (roadmap: string, id: string) => this.roadmaps[roadmap]?.[id];
		const changed: [string, string][] = [];
		for (const [roadmap, ticks] of Object.entries(imported)) {
			for (const [id, at] of Object.entries(ticks)) {
				const mine = before(roadmap, id);
				if (mine === undefined || at < mine) changed.push([roadmap, id]);
			}
		}
		const added = this.#mergeInto(imported);
		let saved = true;
		for (const [roadmap, id] of changed) saved = this.#saveTick(roadmap, id) && saved;
		return { added, saved: saved && !this.#notSaving };
	}
}
