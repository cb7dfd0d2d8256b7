import { blank } from './guards.ts';
import { type Entries, type Entry, type Roadmaps } from './entries.ts';
import { leavesStoredAlone, ProgressStore, type Settings } from './store.ts';

/**
 * The progress store with what only the progress page does: merge a file, a transfer link or an
 * undo (all or nothing), reset a roadmap or everything, list what a reset would also clear
 * elsewhere, and turn concept linking on or off. Chapter, landing and plan pages bind the lighter
 * `ProgressStore`, so these do not weigh on every page (bench: progress JS on a chapter page).
 */
export class ManagedProgressStore extends ProgressStore {
	/** During `merge`: each key written, with the value it had before (`null`: none). */
	#journal: Map<string, string | null> | undefined;

	/** Notes `key`'s value before its first write in a `merge`, for the rollback. */
	protected override keep(key: string): void {
		if (this.#journal && !this.#journal.has(key))
			this.#journal.set(key, this.storage!.getItem(key));
	}

	/** Turns concept linking on or off, stored; turning it on reconciles. Returns whether saved. */
	setLinking(on: boolean): boolean {
		this.settings = { ...this.settings, linkConcepts: on };
		const saved = this.write(this.settingsKey, JSON.stringify(this.settings));
		return (on ? this.reconcile() : true) && saved && !this.notSaving;
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
			saved = this.put(id, item, undefined) && saved;
		};
		for (const id of roadmap === undefined ? Object.keys(this.roadmaps) : [roadmap]) {
			for (const item of Object.keys(this.roadmaps[id] ?? {})) {
				const others = this.others(id, item);
				if (others.length > 0 && keepShared) continue;
				forget(id, item);
				// A shared item cleared here is cleared on every member, or it would come back.
				for (const [other, otherId] of others) forget(other, otherId);
			}
		}
		return { removed, saved: saved && !this.notSaving };
	}

	/**
	 * Ids of `roadmap`'s items that hold a status or note and are in a concept with items of other
	 * roadmaps (while linking is on): what a reset of `roadmap` would also clear there.
	 */
	shared(roadmap: string): string[] {
		return Object.entries(this.roadmaps[roadmap] ?? {})
			.filter(
				([id, entry]) =>
					(entry.status !== 'open' || entry.note) && this.others(roadmap, id).length > 0,
			)
			.map(([id]) => id);
	}

	/**
	 * Merges imported entries by `mergeEntries` (an import, a transfer link, the undo of a reset),
	 * writing only the items that change, with the learner's `settings` from a file first. All or
	 * nothing: when a write fails (storage full), every key written is put back and memory is as
	 * before, and data this site must not overwrite (`leavesStoredAlone`) is left alone. Only a
	 * store without storage (`unavailable`) merges in memory, for the page's life. Returns how many
	 * items were new, whether everything was saved, and whether the page shows the merge.
	 */
	merge(
		imported: Roadmaps,
		settings?: Settings,
	): { added: number; saved: boolean; shown: boolean } {
		if (leavesStoredAlone(this.notSaving)) return { added: 0, saved: false, shown: false };
		const roadmaps = blank<Entries>();
		for (const [roadmap, entries] of Object.entries(this.roadmaps))
			roadmaps[roadmap] = Object.assign(blank<Entry>(), entries);
		const before = this.settings;
		const marked = this.marked;
		this.#journal = this.storage && !this.notSaving ? new Map() : undefined;
		let result: { added: number; saved: boolean };
		try {
			let saved = true;
			if (settings && settings.linkConcepts !== this.settings.linkConcepts)
				saved = this.setLinking(settings.linkConcepts);
			result = this.mergeInto(imported);
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
						if (value === null) this.storage!.removeItem(key);
						else this.storage!.setItem(key, value);
					} catch {
						// Putting back what was there needs no more room than it had; should it fail
						// anyway, the next reload shows what storage holds.
					}
				}
				Object.assign(this, { roadmaps, settings: before });
				this.marked = marked;
			}
		}
		return { ...result, shown: result.saved || this.notSaving === 'unavailable' };
	}
}
