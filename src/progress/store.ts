import { blank, has, isRecord } from './guards.ts';
import {
	entryOf,
	mergeEntries,
	own,
	readEntry,
	same,
	type Entries,
	type Entry,
	type Group,
	type Item,
	type Roadmaps,
	type Status,
} from './entries.ts';
import { isFuture, itemKey, MARKER } from './layout.ts';
import type { Stored } from './records.ts';

/**
 * The progress store: each item's status (not started, learning, done, skipped) and note, per
 * roadmap, kept in `localStorage`. Pure TypeScript with no DOM, so every storage failure can be
 * unit-tested with a fake storage. Its parts: `guards.ts` (checks of untrusted values),
 * `entries.ts` (an entry, its checks and merge rule), `layout.ts` (keys and migration),
 * `tally.ts` (what meters count), and here the stateful store.
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
 * Older layouts are migrated on load (their reader, records.ts, loads only then), one item key
 * per tick, each becoming "done" at its time:
 * version 1 kept everything in the first key (`{"version":1,"roadmaps":{"<roadmap>":{"<id>":<at>}}}`),
 * version 0 kept ticked ids without times (`{"<roadmap>":["<id>",…]}`, dated 0).
 *
 * Never lose a tick: entries for ids the site no longer knows are kept (they come back with the
 * item or its alias); an entry on a group (an item that gained children) passes to its leaves;
 * corrupted data is copied to a backup key before a fresh record starts; data from a newer site
 * version is read but never overwritten; storage that throws falls back to memory, and the
 * learner is told, once per kind, whenever changes are not being saved.
 */

/** The part of the Web Storage API the store uses; tests pass a fake. */
export interface StorageLike {
	readonly length: number;
	key(index: number): string | null;
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/**
 * What the learner must be told, once each: `unavailable` (storage blocked, memory only),
 * `unsaved` (a write failed, e.g. quota), `future` (data from a newer site version, not
 * overwritten), `corrupted` (unreadable data, kept aside under `backupKey`), `damaged` (an
 * item's unreadable value, kept aside under a backup key), `unreadable` (unreadable data and no
 * room to keep a copy: left alone, nothing is saved), `unloaded` (data in another layout whose
 * reader, records.ts, could not be loaded: left alone, nothing is saved until a reload).
 */
export type Notice =
	'unavailable' | 'unsaved' | 'future' | 'corrupted' | 'damaged' | 'unreadable' | 'unloaded';

/**
 * The notices under which the stored data is left alone (`future`, `unreadable`, `unloaded`):
 * nothing is merged into it or saved over it until the next read of storage clears them.
 */
export const leavesStoredAlone = (notice: Notice | undefined): boolean =>
	notice === 'future' || notice === 'unreadable' || notice === 'unloaded';

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
	protected storage: StorageLike | undefined;
	/** Why changes are not being saved, when they are not. */
	#notSaving: Notice | undefined;
	#told = new Set<Notice>();
	/** Whether the first key holds the layout marker (written with the first item otherwise). */
	protected marked = false;
	/**
	 * Set while the first key holds another layout or unreadable data and what reads it
	 * (records.ts) loads; resolves once it has been taken in. The page's parts wait for it.
	 */
	pending: Promise<void> | undefined;
	/** What reads a first key of another layout, once loaded. */
	#records: typeof import('./records.ts') | undefined;
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
		this.storage = storage;
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
	 * layout.
	 */
	protected write(key: string, value: string | undefined): boolean {
		if (this.#notSaving) return false;
		const storage = this.storage!;
		try {
			if (!this.marked && value !== undefined && key.startsWith(`${this.key}#`)) {
				this.keep(this.key);
				storage.setItem(this.key, MARKER);
				this.marked = true;
			}
			this.keep(key);
			if (value === undefined) storage.removeItem(key);
			else storage.setItem(key, value);
			return true;
		} catch {
			this.#tell('unsaved');
			return false;
		}
	}

	/** Called before each key is written; the progress page's store notes values to roll back. */
	protected keep(_key: string): void {}

	/** Re-reads everything from storage. Memory-only stores keep what they have. */
	reload(): void {
		const storage = this.storage;
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
			this.storage = undefined;
			return this.#stop('unavailable');
		}
		this.roadmaps = roadmaps;
		this.marked = raw !== null;
		this.pending = undefined;
		if (leavesStoredAlone(this.#notSaving)) this.#notSaving = undefined;
		if (raw === null || raw === MARKER) return this.#keepAside(damaged);
		// Another layout, or unreadable data: rare, so what reads it loads only now (records.ts).
		// Meanwhile the marker is not written over it (`marked`), and data from a newer layout stops
		// every write at once: it may store items in ways this one cannot read.
		let version: unknown;
		try {
			version = (JSON.parse(raw) as { version?: unknown } | null)?.version;
		} catch {
			// Unreadable: records.ts says so.
		}
		if (isFuture(version)) this.#stop('future');
		else this.#keepAside(damaged);
		if (this.#records) return this.#recover(raw, this.#records.readStored(raw));
		this.pending = import('./records.ts').then(
			(records) => {
				this.#records = records;
				// Read again: the first key may have changed while the reader loaded.
				this.reload();
			},
			// Offline before the site was cached, or a failed request: what it could not read is left
			// alone, and nothing is saved over it until a reload reads it.
			() => this.#stop('unloaded'),
		);
	}

	/** Takes in a first key of another layout (`readStored`), or keeps unreadable data aside. */
	#recover(raw: string, stored: Stored): void {
		if (stored.kind === 'current') return;
		if (stored.kind !== 'corrupted') {
			// Future: shown, not saved (`#stop` above). Old: one key per tick first, then the marker,
			// so an interrupted migration reruns.
			if (this.mergeInto(stored.roadmaps).saved) this.write(this.key, MARKER);
			return;
		}
		const backupKey = `${this.key}:corrupted:${this.now()}`;
		try {
			this.storage!.setItem(backupKey, raw);
			this.storage!.setItem(this.key, MARKER);
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
		const storage = this.storage!;
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
			this.storage &&
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
	protected put(roadmap: string, id: string, entry: Entry | undefined): boolean {
		const entries = (this.roadmaps[roadmap] ??= blank());
		if (same(entries[id], entry) && !this.#notSaving) return true;
		if (entry) entries[id] = entry;
		else delete entries[id];
		const key = itemKey(this.key, roadmap, id);
		return this.write(key, entry && JSON.stringify(entry));
	}

	/** Merges entries into memory and storage, item by item. Returns how many items were new. */
	protected mergeInto(imported: Roadmaps): { added: number; saved: boolean } {
		let added = 0;
		let saved = true;
		for (const [roadmap, entries] of Object.entries(imported)) {
			for (const [id, entry] of Object.entries(entries)) {
				const mine = this.roadmaps[roadmap]?.[id];
				if (!mine) added++;
				saved = this.put(roadmap, id, mergeEntries(mine, entry)) && saved;
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
	protected others(roadmap: string, id: string): [string, string][] {
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
				saved = this.put(roadmap, id, entry) && saved;
			}
		}
		return saved && !this.#notSaving;
	}

	/**
	 * Writes `entry` on `roadmap`'s item `id` and, while linking is on, on the other members of its
	 * concept, as copies set in `roadmap` (\`via\`). A member whose stored value another tab changed
	 * since this page last read it gets the merge of both (\`mergeEntries\`), so two tabs writing
	 * members of one concept at once lose nothing.
	 */
	#putLinked(roadmap: string, id: string, entry: Entry | undefined): boolean {
		const others = this.others(roadmap, id);
		if (others.length === 0) return this.put(roadmap, id, entry);
		let saved = true;
		for (const [target, targetId] of [[roadmap, id], ...others] as const) {
			let value = entry && (target === roadmap ? own(entry) : { ...own(entry), via: roadmap });
			const fresh = this.#stored(target, targetId);
			if (fresh !== false && !same(fresh, this.roadmaps[target]?.[targetId]))
				value =
					fresh && value
						? { ...mergeEntries(own(fresh), own(value)), ...(value.via ? { via: value.via } : {}) }
						: (value ?? fresh);
			saved = this.put(target, targetId, value) && saved;
		}
		return saved;
	}

	/** An item's entry as storage holds it now; `false` when storage cannot be read. */
	#stored(roadmap: string, id: string): Entry | undefined | false {
		if (!this.storage || this.#notSaving) return false;
		try {
			return readEntry(this.storage.getItem(itemKey(this.key, roadmap, id)));
		} catch {
			return false;
		}
	}

	/** `item`'s entry, found under its id or any of its aliases. */
	entry(roadmap: string, item: Item): Entry | undefined {
		return entryOf(this.roadmaps, roadmap, item);
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
			for (const { id } of to) this.put(roadmap, id, mergeEntries(entries[id], entry));
			this.put(roadmap, from, undefined);
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
			for (const alias of item.aliases) saved = this.put(roadmap, alias, undefined) && saved;
			const at = old?.status === status ? old.at : this.now();
			const { note, noteAt } = old ?? {};
			const linked = this.others(roadmap, item.id).length > 0;
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
		for (const alias of item.aliases) saved = this.put(roadmap, alias, undefined) && saved;
		return this.#putLinked(roadmap, item.id, entry) && saved && !this.#notSaving;
	}
}
