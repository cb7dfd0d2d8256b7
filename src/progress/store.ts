import { ITEM_ID_PATTERN } from '../content/item-id.ts';

/**
 * The progress store: each item's status (not started, learning, done, skipped) and note, per
 * roadmap, kept in `localStorage`. Pure TypeScript with no DOM, so every storage failure can be
 * unit-tested with a fake storage.
 *
 * Layout (version 2): one key per item the learner set, so that two tabs changing different items
 * can never overwrite each other, whatever order their writes reach the browser's storage in:
 *
 *     backend-roadmaps:progress:/                         {"version":2}
 *     backend-roadmaps:progress:/#express-senior/routing  {"status":"done","at":1732406400000}
 *     backend-roadmaps:progress:/#express-senior/cors     {"status":"open","at":…,"note":"…","noteAt":…}
 *
 * The first key (`storageKey(base)`) marks the layout's version; each item key adds
 * `#<roadmap>/<id>` (a base path never holds `#`, so two copies of the site on one origin never
 * mix). `at` is when the status was set (epoch ms; 0 when unknown), `noteAt` when the note was
 * last written. An item that is not started and has no note has no key.
 *
 * Older layouts are migrated on load, one item key per tick, each becoming "done" at its time:
 * version 1 kept everything in the first key (`{"version":1,"roadmaps":{"<roadmap>":{"<id>":<at>}}}`),
 * version 0 kept ticked ids without times (`{"<roadmap>":["<id>",…]}`, dated 0).
 *
 * Never lose a tick: entries for ids the site no longer knows are kept (they come back with the
 * item or its alias); an entry on a group (an item that gained children) passes to its leaves;
 * corrupted data is copied to a backup key before a fresh record starts; data from a newer site
 * version is read but never overwritten; storage that throws falls back to memory, and the
 * learner is told, once per kind, whenever changes are not being saved.
 */

/** Version of the storage layout. */
export const STORE_VERSION = 2;

/**
 * An item's status. `open` is "Not started"; it is stored when the item has a note, or when a
 * learner cleared an item that is in a concept (then its time says when, so it wins over older
 * ticks of the concept's other members).
 */
export const STATUSES = ['open', 'learning', 'done', 'skipped'] as const;
export type Status = (typeof STATUSES)[number];

/** The longest note, in characters. */
export const NOTE_LIMIT = 10_000;

/** What the learner set on one item. */
export interface Entry {
	status: Status;
	/** When the status was set (epoch ms; 0 when unknown). */
	at: number;
	note?: string;
	/** When the note was last changed. */
	noteAt?: number;
	/**
	 * On an item in a concept (content/concepts.yaml): the roadmap where the learner set it, when
	 * that was another roadmap's member. The entry is a copy; activity counts the original only.
	 */
	via?: string;
}

/** One roadmap's entries: item id → entry. */
export type Entries = Record<string, Entry>;
/** Roadmap id → its entries. Objects have no prototype, so an id like `constructor` is safe. */
export type Roadmaps = Record<string, Entries>;

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

/** An item with children: an entry stored on it (before it had children) belongs to its leaves. */
export interface Group {
	item: Item;
	leaves: readonly Item[];
}

/**
 * What the learner must be told, once each: `unavailable` (storage blocked, memory only),
 * `unsaved` (a write failed, e.g. quota), `future` (data from a newer site version, not
 * overwritten), `corrupted` (unreadable data, kept aside under `backupKey`), `damaged` (an
 * item's unreadable value, kept aside under a backup key), `unreadable` (unreadable data and no
 * room to keep a copy: left alone, nothing is saved).
 */
export type Notice = 'unavailable' | 'unsaved' | 'future' | 'corrupted' | 'damaged' | 'unreadable';

export const blank = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
/** The first key's value: the layout's version. */
const MARKER = JSON.stringify({ version: STORE_VERSION });
export const has = (object: object, key: string) => Object.hasOwn(object, key);
export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
export const isTime = (value: unknown): value is number =>
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

/** The key of one item's entry, under the store's key. */
export const itemKey = (key: string, roadmap: string, id: string) => `${key}#${roadmap}/${id}`;

/**
 * Checks one entry as stored or imported; returns the problem instead when it is not one. Notes
 * may exceed `NOTE_LIMIT` after a merge kept two of them: they are never cut, only refused when
 * typed (tenfold is the hard ceiling).
 */
export function checkEntry(value: unknown): Entry | string {
	if (!isRecord(value)) return 'is not an object';
	if (!STATUSES.includes(value.status as Status))
		return `has an unknown status ${quote(value.status)}`;
	if (!isTime(value.at)) return 'has an invalid time';
	for (const key in value) {
		if (!['status', 'at', 'note', 'noteAt', 'via'].includes(key))
			return `has an unexpected field ${quote(key)}`;
	}
	if (
		value.via !== undefined &&
		!(typeof value.via === 'string' && ITEM_ID_PATTERN.test(value.via))
	)
		return `has an invalid roadmap ${quote(value.via)} in "via"`;
	if (value.note !== undefined) {
		if (typeof value.note !== 'string' || value.note.length > NOTE_LIMIT * 10)
			return 'has an invalid note';
		if (!isTime(value.noteAt)) return 'has a note without a valid time';
	} else if (value.noteAt !== undefined) return 'has a note time without a note';
	return value as unknown as Entry;
}

/** The entry in an item key's value, or `undefined` when it is not one this site reads. */
function readEntry(raw: string | null): Entry | undefined {
	try {
		const entry = checkEntry(JSON.parse(raw ?? ''));
		return typeof entry === 'string' ? undefined : entry;
	} catch {
		return undefined;
	}
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

/** The id `item`'s entry is stored under in `entries` (its own or an alias), if any. */
const idOf = (entries: Entries | undefined, item: Item) =>
	entries ? [item.id, ...item.aliases].find((id) => has(entries, id)) : undefined;

/** `item`'s entry in `roadmap`, found under its id or an alias. */
export function entryOf(roadmaps: Roadmaps, roadmap: string, item: Item): Entry | undefined {
	const entries = roadmaps[roadmap];
	const id = idOf(entries, item);
	return id === undefined ? undefined : entries![id];
}

/** `item`'s status in `roadmap`. */
export const statusOf = (roadmaps: Roadmaps, roadmap: string, item: Item): Status =>
	entryOf(roadmaps, roadmap, item)?.status ?? 'open';

/** What a meter shows: done, learning and skipped items, and the total without skipped ones. */
export interface Tally {
	done: number;
	learning: number;
	skipped: number;
	/** Items that count: all but the skipped ones. */
	total: number;
}

/** The tally of `items` in `roadmap`: a chapter, a phase or a whole roadmap. */
export function tally(roadmaps: Roadmaps, roadmap: string, items: readonly Item[]): Tally {
	const count = { done: 0, learning: 0, skipped: 0, total: items.length };
	for (const item of items) {
		const status = statusOf(roadmaps, roadmap, item);
		if (status !== 'open') count[status]++;
	}
	count.total -= count.skipped;
	return count;
}

/** Number of `items` done in `roadmap`. */
export const countDone = (roadmaps: Roadmaps, roadmap: string, items: readonly Item[]) =>
	tally(roadmaps, roadmap, items).done;

/**
 * A group's state from its leaves: `done` when every leaf that counts is done (skipped ones
 * aside), `mixed` when some are done or being learned (the box shows as indeterminate,
 * announced "mixed"), `open` when none are. A leaf is its own group of one.
 */
export function groupState(
	roadmaps: Roadmaps,
	roadmap: string,
	leaves: readonly Item[],
): 'open' | 'mixed' | 'done' {
	const { done, learning, total } = tally(roadmaps, roadmap, leaves);
	return total > 0 && done === total ? 'done' : done + learning === 0 ? 'open' : 'mixed';
}

/**
 * How two entries for one item merge (import, transfer link, alias and group migration): the
 * later status wins (the same status keeps its first time); a note present on one side is kept;
 * two different notes are both kept, the later one after the earlier, never silently dropped.
 */
export function mergeEntries(mine: Entry | undefined, theirs: Entry): Entry {
	if (!mine) return theirs;
	const status =
		mine.status === theirs.status
			? { status: mine.status, at: Math.min(mine.at, theirs.at) }
			: theirs.at > mine.at
				? { status: theirs.status, at: theirs.at }
				: { status: mine.status, at: mine.at };
	const notes = [mine, theirs].filter((entry) => entry.note).sort((a, b) => a.noteAt! - b.noteAt!);
	const [first, second] = notes;
	if (!first) return status;
	const note =
		!second || first.note!.includes(second.note!)
			? first.note!
			: second.note!.includes(first.note!)
				? second.note!
				: `${first.note}\n\n${second.note}`;
	return { ...status, note, noteAt: (second ?? first).noteAt! };
}

/** Whether two entries hold the same thing. */
const same = (a: Entry | undefined, b: Entry | undefined) =>
	a?.status === b?.status &&
	a?.at === b?.at &&
	a?.note === b?.note &&
	a?.noteAt === b?.noteAt &&
	a?.via === b?.via;

/** An entry without its `via`: what members of a concept compare and merge. */
function own({ via: _via, ...entry }: Entry): Entry {
	return entry;
}

/** `roadmap/item-id` → `[roadmap, item-id]`. */
const splitKey = (key: string) => key.split('/') as [string, string];

/** The learner's settings, stored beside the progress (`<key>:settings`). */
export interface Settings {
	/** Whether a status or note set on an item in a concept applies to every member (default). */
	linkConcepts: boolean;
}

/** Reads stored settings; anything unreadable is the default. */
export function readSettings(raw: string | null | undefined): Settings {
	try {
		const value: unknown = JSON.parse(raw ?? '{}');
		return { linkConcepts: !(isRecord(value) && value.linkConcepts === false) };
	} catch {
		return { linkConcepts: true };
	}
}

/** The learner's ticks, loaded from and saved to a storage, with every failure contained. */
export class ProgressStore {
	/** Current entries; read freely, change only through the methods. */
	roadmaps: Roadmaps = blank();
	/** Where a corrupted value was kept aside, if it was. */
	backupKey: string | undefined;
	#storage: StorageLike | undefined;
	/** Why changes are not being saved, when they are not. */
	#notSaving: Notice | undefined;
	#told = new Set<Notice>();
	/** Whether the first key holds the layout marker (written with the first item otherwise). */
	#marked = false;
	/** During `merge`: each key written, with the value it had before (`null`: none). */
	#journal: Map<string, string | null> | undefined;
	/** The item keys (`roadmap/id`) this store reads, or `undefined` for every stored key. */
	#scope: ReadonlySet<string> | undefined;

	readonly key: string;
	readonly notify: (notice: Notice) => void;
	readonly now: () => number;
	/** Concepts: member key (`roadmap/item-id`) → every member key of its concept, itself included. */
	#links = new Map<string, readonly string[]>();
	/** The learner's settings (`linkConcepts`), read with the progress. */
	settings: Settings = { linkConcepts: true };

	/** Where the settings are stored. */
	get settingsKey(): string {
		return `${this.key}:settings`;
	}

	/**
	 * @param storage `localStorage`, or `undefined` when it cannot be reached (memory only).
	 * @param key from `storageKey(base)`.
	 * @param notify called at most once per kind of notice.
	 * @param scope the items a page shows and counts (`roadmap/id`, aliases and groups included):
	 *   only their keys are read, however much else is stored. Without it, every key is read.
	 */
	constructor(
		storage: StorageLike | undefined,
		key: string,
		notify: (notice: Notice) => void = () => {},
		now: () => number = Date.now,
		scope?: Iterable<string>,
	) {
		this.key = key;
		this.notify = notify;
		this.now = now;
		this.#scope = scope && new Set(scope);
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

	/**
	 * Writes or removes one key; false (and the learner told) when storage refuses. The first item
	 * written also writes the layout marker, so an older build reading this storage knows its
	 * layout. During a `merge`, each key's previous value is noted for the rollback.
	 */
	#write(key: string, value: string | undefined): boolean {
		if (this.#notSaving) return false;
		const storage = this.#storage!;
		try {
			if (!this.#marked && value !== undefined && key.startsWith(`${this.key}#`)) {
				this.#note(this.key);
				storage.setItem(this.key, MARKER);
				this.#marked = true;
			}
			this.#note(key);
			if (value === undefined) storage.removeItem(key);
			else storage.setItem(key, value);
			return true;
		} catch {
			this.#tell('unsaved');
			return false;
		}
	}

	/** Notes `key`'s value before its first write in a `merge`. */
	#note(key: string): void {
		if (this.#journal && !this.#journal.has(key))
			this.#journal.set(key, this.#storage!.getItem(key));
	}

	/** Re-reads everything from storage. Memory-only stores keep what they have. */
	reload(): void {
		const storage = this.#storage;
		if (!storage) return;
		let raw: string | null;
		const roadmaps = blank<Entries>();
		const damaged: [key: string, value: string][] = [];
		try {
			raw = storage.getItem(this.key);
			this.settings = readSettings(storage.getItem(this.settingsKey));
			const prefix = `${this.key}#`;
			const read = (key: string) => {
				const value = storage.getItem(key);
				if (!this.#readItem(roadmaps, key, value) && value !== null) damaged.push([key, value]);
			};
			// A page reads its own items' keys only: thousands stored for other roadmaps cost nothing.
			if (this.#scope) for (const member of this.#scope) read(`${prefix}${member}`);
			else {
				for (let i = 0; i < storage.length; i++) {
					const key = storage.key(i);
					if (key?.startsWith(prefix)) read(key);
				}
			}
		} catch {
			this.#storage = undefined;
			return this.#stop('unavailable');
		}
		this.roadmaps = roadmaps;
		this.#marked = raw !== null;
		if (this.#notSaving === 'future' || this.#notSaving === 'unreadable')
			this.#notSaving = undefined;
		const stored = raw === null ? undefined : readStored(raw);
		if (stored?.kind === 'future') {
			// A newer layout may store items in ways this one cannot read: all left as they are.
			this.#stop('future');
			this.#mergeInto(stored.roadmaps);
			return;
		}
		this.#keepAside(damaged);
		if (raw === null || stored?.kind === 'current') return;
		if (stored?.kind === 'old') {
			// Migrate: one key per tick first, then the marker, so an interrupted migration reruns.
			this.#marked = true; // written last, below
			if (this.#mergeInto(stored.roadmaps).saved) this.#write(this.key, MARKER);
			return;
		}
		const backupKey = `${this.key}:corrupted:${this.now()}`;
		try {
			storage.setItem(backupKey, raw);
			storage.setItem(this.key, MARKER);
			this.backupKey = backupKey;
			this.#tell('corrupted');
		} catch {
			// No room to keep a copy: leave the original alone and save nothing over it.
			this.#stop('unreadable');
		}
	}

	/**
	 * Moves item values this site cannot read (not JSON, an unknown status or field) to backup
	 * keys, out of the item keys, and tells the learner: a note in one is never lost, and the item
	 * starts fresh. With no room for a copy, the values stay and nothing is saved over them.
	 */
	#keepAside(damaged: readonly (readonly [key: string, value: string])[]): void {
		if (damaged.length === 0 || this.#notSaving) return;
		const storage = this.#storage!;
		try {
			for (const [key, value] of damaged) {
				storage.setItem(
					`${this.key}:damaged:${this.now()}:${key.slice(this.key.length + 1)}`,
					value,
				);
				storage.removeItem(key);
			}
			this.#tell('damaged');
		} catch {
			this.#stop('unreadable');
		}
	}

	/**
	 * Takes one item key's value into `roadmaps`. A value this site does not read is left out;
	 * returns false for it.
	 */
	#readItem(roadmaps: Roadmaps, key: string, raw: string | null): boolean {
		const [roadmap, id] = key.slice(this.key.length + 1).split('/');
		if (!roadmap || !id) return true;
		const entry = readEntry(raw);
		if (entry) (roadmaps[roadmap] ??= blank())[id] = entry;
		else if (roadmaps[roadmap]) delete roadmaps[roadmap][id];
		return entry !== undefined || raw === null;
	}

	/**
	 * Follows another tab's change (the `storage` event's key and new value): one item, or
	 * everything when the store's own key changed or storage was cleared.
	 */
	applyChange(key: string | null, value: string | null): void {
		if (key === null || key === this.key) this.reload();
		else if (key === this.settingsKey) this.settings = readSettings(value);
		else if (
			key.startsWith(`${this.key}#`) &&
			this.#storage &&
			(!this.#scope || this.#scope.has(key.slice(this.key.length + 1)))
		) {
			if (!this.#readItem(this.roadmaps, key, value) && value !== null && !this.#notSaving)
				this.#keepAside([[key, value]]);
		}
	}

	/**
	 * Puts `entry` (or nothing) on `id` in memory and in its own key, unless it is already so.
	 * Returns false when it could not be saved.
	 */
	#put(roadmap: string, id: string, entry: Entry | undefined): boolean {
		const entries = (this.roadmaps[roadmap] ??= blank());
		if (same(entries[id], entry) && !this.#notSaving) return true;
		if (entry) entries[id] = entry;
		else delete entries[id];
		const key = itemKey(this.key, roadmap, id);
		return this.#write(key, entry && JSON.stringify(entry));
	}

	/** Merges entries into memory and storage, item by item. Returns how many items were new. */
	#mergeInto(imported: Roadmaps): { added: number; saved: boolean } {
		let added = 0;
		let saved = true;
		for (const [roadmap, entries] of Object.entries(imported)) {
			for (const [id, entry] of Object.entries(entries)) {
				const mine = this.roadmaps[roadmap]?.[id];
				if (!mine) added++;
				saved = this.#put(roadmap, id, mergeEntries(mine, entry)) && saved;
			}
		}
		saved = this.reconcile() && saved;
		return { added, saved: saved && !this.#notSaving };
	}

	/**
	 * Learns the concepts (each a list of member keys, from the page's data) and brings their
	 * members into agreement (`reconcile`), so progress stored before concepts, or while linking was
	 * off, shows on every member at once.
	 */
	link(concepts: readonly (readonly string[])[]): void {
		this.#links = new Map(concepts.flatMap((members) => members.map((key) => [key, members])));
		this.reconcile();
	}

	/** The other members of the concept of `roadmap`'s item `id`, while linking is on. */
	#others(roadmap: string, id: string): [string, string][] {
		if (!this.settings.linkConcepts) return [];
		const self = `${roadmap}/${id}`;
		return (this.#links.get(self) ?? []).filter((key) => key !== self).map(splitKey);
	}

	/**
	 * Gives every member of each concept the same entry: the merge (\`mergeEntries\`: the latest
	 * status wins, every note is kept) of what its members hold. The member it came from keeps it as
	 * its own; the others hold a copy with \`via\` naming that member's roadmap. Writes only what
	 * changes, so it is cheap when all agree. Nothing happens while linking is off.
	 */
	reconcile(): boolean {
		if (!this.settings.linkConcepts) return true;
		let saved = true;
		for (const members of new Set(this.#links.values())) {
			const held = members
				.map(splitKey)
				.map(([roadmap, id]) => ({ roadmap, id, entry: this.roadmaps[roadmap]?.[id] }))
				.filter(
					(member): member is { roadmap: string; id: string; entry: Entry } => !!member.entry,
				);
			if (held.length === 0) continue;
			const merged = held.reduce<Entry | undefined>(
				(acc, { entry }) => mergeEntries(acc, own(entry)),
				undefined,
			)!;
			const source =
				held.find(
					({ entry }) => !entry.via && entry.status === merged.status && entry.at === merged.at,
				) ??
				held.find(({ entry }) => entry.status === merged.status && entry.at === merged.at) ??
				held[0]!;
			const origin = source.entry.via ?? source.roadmap;
			for (const [roadmap, id] of members.map(splitKey)) {
				const entry = roadmap === origin ? merged : { ...merged, via: origin };
				saved = this.#put(roadmap, id, entry) && saved;
			}
		}
		return saved && !this.#notSaving;
	}

	/** Turns concept linking on or off, stored; turning it on reconciles. Returns whether saved. */
	setLinking(on: boolean): boolean {
		this.settings = { ...this.settings, linkConcepts: on };
		const saved = this.#write(this.settingsKey, JSON.stringify(this.settings));
		return (on ? this.reconcile() : true) && saved && !this.#notSaving;
	}

	/**
	 * Writes `entry` on `roadmap`'s item `id` and, while linking is on, on the other members of its
	 * concept, as copies set in `roadmap` (\`via\`). A member whose stored value another tab changed
	 * since this page last read it gets the merge of both (\`mergeEntries\`), so two tabs writing
	 * members of one concept at once lose nothing.
	 */
	#putLinked(roadmap: string, id: string, entry: Entry | undefined): boolean {
		const others = this.#others(roadmap, id);
		if (others.length === 0) return this.#put(roadmap, id, entry);
		let saved = true;
		for (const [target, targetId] of [[roadmap, id], ...others] as const) {
			let value = entry && (target === roadmap ? own(entry) : { ...own(entry), via: roadmap });
			const fresh = this.#stored(target, targetId);
			if (fresh !== false && !same(fresh, this.roadmaps[target]?.[targetId]))
				value =
					fresh && value
						? { ...mergeEntries(own(fresh), own(value)), ...(value.via ? { via: value.via } : {}) }
						: (value ?? fresh);
			saved = this.#put(target, targetId, value) && saved;
		}
		return saved;
	}

	/** An item's entry as storage holds it now; `false` when storage cannot be read. */
	#stored(roadmap: string, id: string): Entry | undefined | false {
		if (!this.#storage || this.#notSaving) return false;
		try {
			return readEntry(this.#storage.getItem(itemKey(this.key, roadmap, id)));
		} catch {
			return false;
		}
	}

	/** `item`'s entry, found under its id or any of its aliases. */
	entry(roadmap: string, item: Item): Entry | undefined {
		return entryOf(this.roadmaps, roadmap, item);
	}

	/** Whether `item` is done. */
	isTicked(roadmap: string, item: Item): boolean {
		return this.entry(roadmap, item)?.status === 'done';
	}

	/**
	 * Brings entries under the page's current ids: an entry under an alias moves to the item's id;
	 * an entry on a group (stored when it had no children) passes to each of its leaves and is then
	 * removed, so changing a leaf later sticks. Entries merge by `mergeEntries`.
	 */
	adopt(roadmap: string, items: readonly Item[], groups: readonly Group[] = []): void {
		const entries = this.roadmaps[roadmap];
		if (!entries) return;
		const move = (from: string, to: readonly Item[]) => {
			const entry = entries[from]!;
			for (const { id } of to) this.#put(roadmap, id, mergeEntries(entries[id], entry));
			this.#put(roadmap, from, undefined);
		};
		for (const { item, leaves } of groups) {
			for (const id of [item.id, ...item.aliases]) if (has(entries, id)) move(id, leaves);
		}
		for (const item of items) {
			for (const alias of item.aliases) if (has(entries, alias)) move(alias, [item]);
		}
	}

	/**
	 * Sets the status of items, writing only their own keys; their aliases are cleared so an old
	 * entry cannot return. A note stays with its item. Returns whether the change was saved.
	 */
	setStatus(roadmap: string, items: readonly Item[], status: Status): boolean {
		let saved = true;
		for (const item of items) {
			const old = this.entry(roadmap, item);
			for (const alias of item.aliases) saved = this.#put(roadmap, alias, undefined) && saved;
			const at = old?.status === status ? old.at : this.now();
			const { note, noteAt } = old ?? {};
			const linked = this.#others(roadmap, item.id).length > 0;
			const entry: Entry | undefined =
				note !== undefined
					? { status, at, note, noteAt }
					: status === 'open' && !(linked && old)
						? undefined
						: { status, at };
			saved = this.#putLinked(roadmap, item.id, entry) && saved;
		}
		return saved && !this.#notSaving;
	}

	/** Ticks (done) or unticks (not started) items. Returns whether the change was saved. */
	set(roadmap: string, items: readonly Item[], ticked: boolean): boolean {
		return this.setStatus(roadmap, items, ticked ? 'done' : 'open');
	}

	/** Writes an item's note; an empty note removes it. Returns whether it was saved. */
	setNote(roadmap: string, item: Item, note: string): boolean {
		const old = this.entry(roadmap, item);
		const status = old?.status ?? 'open';
		const at = old?.at ?? this.now();
		const entry: Entry | undefined = note
			? { status, at, note, noteAt: this.now() }
			: status === 'open'
				? undefined
				: { status, at };
		let saved = true;
		for (const alias of item.aliases) saved = this.#put(roadmap, alias, undefined) && saved;
		return this.#putLinked(roadmap, item.id, entry) && saved && !this.#notSaving;
	}

	/**
	 * Forgets the entries of one roadmap, or of all roadmaps when none is given, key by key: a
	 * change another tab makes meanwhile on another item survives. An item in a concept is cleared
	 * on every member, or, with `keepShared`, kept on all of them. Returns what was removed, in
	 * every roadmap (for `merge` to undo it), and whether the removal was saved.
	 */
	reset(roadmap?: string, { keepShared = false } = {}): { removed: Roadmaps; saved: boolean } {
		const removed = blank<Entries>();
		let saved = true;
		const forget = (id: string, item: string) => {
			const entry = this.roadmaps[id]?.[item];
			if (!entry) return;
			(removed[id] ??= blank())[item] = entry;
			saved = this.#put(id, item, undefined) && saved;
		};
		for (const id of roadmap === undefined ? Object.keys(this.roadmaps) : [roadmap]) {
			for (const item of Object.keys(this.roadmaps[id] ?? {})) {
				const others = this.#others(id, item);
				if (others.length > 0 && keepShared) continue;
				forget(id, item);
				// A shared item cleared here is cleared on every member, or it would come back.
				for (const [other, otherId] of others) forget(other, otherId);
			}
		}
		return { removed, saved: saved && !this.#notSaving };
	}

	/**
	 * Ids of `roadmap`'s items that hold a status or note and are in a concept with items of other
	 * roadmaps (while linking is on): what a reset of `roadmap` would also clear there.
	 */
	shared(roadmap: string): string[] {
		return Object.entries(this.roadmaps[roadmap] ?? {})
			.filter(
				([id, entry]) =>
					(entry.status !== 'open' || entry.note) && this.#others(roadmap, id).length > 0,
			)
			.map(([id]) => id);
	}

	/**
	 * Merges imported entries by `mergeEntries` (an import, a transfer link, the undo of a reset),
	 * writing only the items that change, with the learner's `settings` from a file first. All or
	 * nothing: when a write fails (storage full), every key written is put back and memory is as
	 * before, and data this site must not overwrite (`future`, `unreadable`) is left alone. Only a
	 * store without storage (`unavailable`) merges in memory, for the page's life. Returns how many
	 * items were new, whether everything was saved, and whether the page shows the merge.
	 */
	merge(
		imported: Roadmaps,
		settings?: Settings,
	): { added: number; saved: boolean; shown: boolean } {
		if (this.#notSaving === 'future' || this.#notSaving === 'unreadable')
			return { added: 0, saved: false, shown: false };
		const roadmaps = blank<Entries>();
		for (const [roadmap, entries] of Object.entries(this.roadmaps))
			roadmaps[roadmap] = Object.assign(blank<Entry>(), entries);
		const before = this.settings;
		const marked = this.#marked;
		this.#journal = this.#storage && !this.#notSaving ? new Map() : undefined;
		let result: { added: number; saved: boolean };
		try {
			let saved = true;
			if (settings && settings.linkConcepts !== this.settings.linkConcepts)
				saved = this.setLinking(settings.linkConcepts);
			result = this.#mergeInto(imported);
			result.saved &&= saved;
		} finally {
			const journal = this.#journal;
			this.#journal = undefined;
			if (journal && !(result! && result.saved)) {
				// Removals first: they free the room the restored values need.
				const entries = [...journal].sort(
					([, a], [, b]) => Number(a !== null) - Number(b !== null),
				);
				for (const [key, value] of entries) {
					try {
						if (value === null) this.#storage!.removeItem(key);
						else this.#storage!.setItem(key, value);
					} catch {
						// Putting back what was there needs no more room than it had; should it fail
						// anyway, the next reload shows what storage holds.
					}
				}
				Object.assign(this, { roadmaps, settings: before });
				this.#marked = marked;
			}
		}
		return { ...result, shown: result.saved || this.#notSaving === 'unavailable' };
	}
}
