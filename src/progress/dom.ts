import { ProgressStore, countDone, storageKey, type Item, type Notice } from './store';
import { decodeItems, type PageData } from './page-data';

/**
 * Binds the progress store to the page: restores checkboxes, saves ticks, updates every meter and
 * "continue" link, follows other tabs (the `storage` event) and shows the one notice when progress
 * cannot be saved. Loaded as a bundled module script by `ProgressData.astro`, only on pages that
 * show progress.
 */

const MESSAGES: Record<Notice, string> = {
	unavailable:
		'This browser does not let the site save progress (storage is blocked). Your ticks work on this page but are lost when you leave it.',
	unsaved:
		'Your latest ticks could not be saved (browser storage is full or blocked). Export your progress from the Progress page to keep it.',
	future:
		'Your progress was saved by a newer version of this site. It is shown here, but changes made on this page are not saved.',
	corrupted:
		'Your saved progress could not be read, so a new record was started. The unreadable copy was kept in this browser’s storage.',
};

/** A meter's state in words, so it never relies on colour. */
const STATE_WORDS = { todo: 'Not started', doing: 'In progress', done: 'Done' } as const;

interface Chapter {
	href: string;
	items: Item[];
}

/** `localStorage`, unless it is blocked or the head guard replaced it with memory (not saving). */
function openStorage(): Storage | undefined {
	if (document.documentElement.dataset.storage === 'memory') return undefined;
	try {
		return localStorage;
	} catch {
		return undefined;
	}
}

const itemOf = (box: HTMLInputElement): Item => ({
	id: box.dataset.item!,
	aliases: box.dataset.aliases?.split(' ') ?? [],
});

function start() {
	const begin = performance.now();
	const data: PageData = JSON.parse(
		document.getElementById('progress-data')?.textContent || '{"roadmaps":{}}',
	);
	const chapters = new Map<string, Chapter[]>(
		Object.entries(data.roadmaps).map(([roadmap, list]) => [
			roadmap,
			list.map(([href, items]) => ({ href, items: decodeItems(items) })),
		]),
	);
	const notice = document.querySelector('[data-progress-notice]');
	const store = new ProgressStore(openStorage(), storageKey(import.meta.env.BASE_URL), (kind) => {
		if (notice) notice.textContent = MESSAGES[kind];
	});
	for (const [roadmap, list] of chapters)
		store.adoptAliases(
			roadmap,
			list.flatMap((chapter) => chapter.items),
		);
	const boxes = document.querySelectorAll<HTMLInputElement>('input.item-check');

	/** Puts the store's state into every checkbox, meter and continue link of the page. */
	function render(): void {
		if (data.page) for (const box of boxes) box.checked = store.isTicked(data.page, itemOf(box));
		for (const meter of document.querySelectorAll<HTMLProgressElement>('progress[data-roadmap]')) {
			const { roadmap = '', chapter } = meter.dataset;
			const items = (chapters.get(roadmap) ?? [])
				.filter(({ href }) => !chapter || href === chapter)
				.flatMap((entry) => entry.items);
			const done = countDone(store.roadmaps, roadmap, items);
			meter.value = done;
			const box = meter.parentElement!;
			const text = box.querySelector('[data-progress-text]');
			if (text)
				text.textContent = `${done} / ${items.length} done · ${Math.floor((done / items.length) * 100)}%`;
			// The state as a word and an attribute: CSS draws icons and finish notes from it.
			const state = done === 0 ? 'todo' : done < items.length ? 'doing' : 'done';
			box.dataset.state = state;
			const word = box.querySelector('[data-progress-state]');
			if (word) word.textContent = STATE_WORDS[state];
		}
		for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-continue]')) {
			const roadmap = link.dataset.continue!;
			const next = (chapters.get(roadmap) ?? [])
				.flatMap(({ href, items }) => items.map((item) => ({ href, item })))
				.find(({ item }) => !store.isTicked(roadmap, item));
			if (next) link.href = `${next.href}#${next.item.id}`;
			const started = roadmap in store.roadmaps && Object.keys(store.roadmaps[roadmap]!).length > 0;
			link.textContent = !next ? 'All done: review' : started ? 'Continue' : 'Start';
		}
	}

	document.addEventListener('change', (event) => {
		const box = event.target;
		if (!(box instanceof HTMLInputElement) || !box.matches('.item-check') || !data.page) return;
		store.set(data.page, itemOf(box), box.checked);
		render();
	});
	addEventListener('storage', (event) => {
		if (event.key !== store.key && event.key !== null) return;
		store.reload();
		render();
	});
	render();
	// Read by the benchmark (bench/progress-budget.ts): load-to-restored time, budget one frame.
	performance.measure('progress-restore', { start: begin });
	return { store, render };
}

/** The page's store and a function that redraws everything after changing it. */
export const progress = start();
