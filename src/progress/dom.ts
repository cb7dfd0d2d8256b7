import type { Group, Item } from './entries';
import { ProgressStore } from './store';
import { storageKey } from './layout.ts';
import { decodeGroups, decodeItems, readPageData, scopeOf } from './page-data';

/**
 * The page's progress binding: reads the page's data (`#progress-data`, ProgressData.astro), opens
 * the store on the keys the page shows, follows other tabs (the `storage` event) and tells the
 * learner whenever progress is not being saved. It draws nothing itself: each part of the page
 * that shows progress is a custom element (src/progress/elements.ts, the plan, the progress
 * page's lists) that subscribes to it and draws itself. Started on the first `bindProgress()`,
 * never at import.
 */

/** A chapter of a roadmap the page counts: its href, leaf items and groups. */
export interface Chapter {
	href: string;
	items: Item[];
	/** Items with children, each with its leaves. */
	groups: Group[];
}

/** `localStorage`, unless it is blocked or the head guard replaced it with memory (not saving). */
export function openStorage(): Storage | undefined {
	if (document.documentElement.dataset.storage === 'memory') return undefined;
	try {
		return localStorage;
	} catch {
		return undefined;
	}
}

/** A store class the binding can open: `ProgressStore`, or the progress page's subclass. */
type StoreClass<S extends ProgressStore> = new (
	...args: ConstructorParameters<typeof ProgressStore>
) => S;

function start<S extends ProgressStore>(Store: StoreClass<S>) {
	const begin = performance.now();
	const data = readPageData(document.getElementById('progress-data')?.textContent);
	const chapters = new Map<string, Chapter[]>(
		Object.entries(data.roadmaps).map(([roadmap, list]) => [
			roadmap,
			list.map(([href, items, groups]) => ({
				href,
				items: decodeItems(items),
				groups: decodeGroups(groups),
			})),
		]),
	);
	const notice = document.querySelector('[data-progress-notice]');
	let told = Promise.resolve();
	const store = new Store(
		openStorage(),
		storageKey(import.meta.env.BASE_URL),
		(kind) => {
			// Every reason is kept, in order: a learner who cannot save must read that, whatever came
			// first. The sentences load only when there is one to tell.
			told = told.then(async () => {
				const { MESSAGES } = await import('./messages');
				if (notice) notice.textContent = `${notice.textContent} ${MESSAGES[kind]}`.trim();
			});
		},
		Date.now,
		// Only the keys of what the page shows and counts (every key on the progress page).
		scopeOf(data, chapters),
	);
	// Concepts: a status set on one member shows on all (content/concepts.yaml).
	store.link(data.concepts);
	const adopt = () => {
		for (const [roadmap, entries] of chapters) {
			store.adopt(
				roadmap,
				entries.flatMap((chapter) => chapter.items),
				entries.flatMap((chapter) => chapter.groups),
			);
		}
	};
	adopt();
	// Entries read from an older layout (records.ts, loading) are adopted too, before parts draw.
	void store.pending?.then(adopt);

	const listeners = new Set<() => void>();
	/** Redraws every subscribed part of the page, in the order they subscribed. */
	const render = () => {
		for (const listener of listeners) listener();
	};
	addEventListener('storage', (event) => {
		store.applyChange(event.key, event.newValue);
		render();
		// Another layout written by another tab is taken in once its reader has loaded.
		void store.pending?.then(render);
	});
	/** Calls `listener` after every change from now on; returns what stops it. */
	const subscribe = (listener: () => void) => {
		listeners.add(listener);
		return () => void listeners.delete(listener);
	};
	return {
		store,
		/** The roadmap whose boxes are on the page (chapter, plan and print pages), or ''. */
		page: data.page ?? '',
		chapters,
		render,
		subscribe,
		/** When the binding started (for the `progress-restore` measure). */
		begin,
	};
}

/** The page's store, its chapters' items, `render` and `subscribe`. */
export type Binding<S extends ProgressStore = ProgressStore> = ReturnType<typeof start<S>>;
let bound: Binding | undefined;

/**
 * Binds progress to the page on first call and returns the binding: the page's store, its
 * chapters' items, a function that redraws every part after a change, and `subscribe`, through
 * which each part follows the store. `ProgressData.astro` binds with `ProgressStore`; the progress
 * page binds first, with `ManagedProgressStore`: the first call's class is the store's class, and
 * later calls return that binding.
 */
export function bindProgress(): Binding;
export function bindProgress<S extends ProgressStore>(Store: StoreClass<S>): Binding<S>;
export function bindProgress(Store: StoreClass<ProgressStore> = ProgressStore): Binding {
	return (bound ??= start(Store));
}
