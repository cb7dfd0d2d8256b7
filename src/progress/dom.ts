import { ProgressStore, countDone, groupState, storageKey, type Item, type Notice } from './store';
import { decodeGroups, decodeItems, type PageData } from './page-data';

/**
 * Binds the progress store to the page: restores checkboxes (a group's box shows whether all,
 * some or none of its leaves are done), saves ticks, updates every meter and "continue" link,
 * follows other tabs (the `storage` event) and tells the learner whenever progress is not being
 * saved. Loaded as a bundled module script by `ProgressData.astro`, only on pages with progress.
 */

/** What the learner reads when progress is not being saved, by reason. */
export const MESSAGES: Record<Notice, string> = {
	unavailable:
		'This browser does not let the site save progress (storage is blocked). Your ticks work on this page but are lost when you leave it.',
	unsaved:
		'Your latest ticks could not be saved (browser storage is full or blocked). Export your progress from the Progress page to keep it.',
	future:
		'Your progress was saved by a newer version of this site. It is shown here, but changes made on this page are not saved.',
	corrupted:
		'Your saved progress could not be read, so a new record was started. The unreadable copy was kept in this browser’s storage.',
	unreadable:
		'Your saved progress could not be read, and browser storage has no room to keep a copy of it, so it was left untouched. Nothing you tick is being saved: your ticks are lost when you leave this page.',
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
	const chapters = new Map<string, Chapter[]>();
	const notice = document.querySelector('[data-progress-notice]');
	const store = new ProgressStore(openStorage(), storageKey(import.meta.env.BASE_URL), (kind) => {
		// Every reason is kept: a learner who cannot save must read that, whatever came first.
		if (notice) notice.textContent = `${notice.textContent} ${MESSAGES[kind]}`.trim();
	});
	for (const [roadmap, list] of Object.entries(data.roadmaps)) {
		const entries = list.map(([href, items, groups]) => ({
			href,
			items: decodeItems(items),
			groups: decodeGroups(groups),
		}));
		chapters.set(roadmap, entries);
		store.adopt(
			roadmap,
			entries.flatMap((chapter) => chapter.items),
			entries.flatMap((chapter) => chapter.groups),
		);
	}
	/** Each checkbox with the leaf boxes it stands for: itself, or a group's leaves. */
	const boxes = [...document.querySelectorAll<HTMLInputElement>('input.item-check')].map((box) => {
		const inner = [
			...(box.closest('li')?.querySelectorAll<HTMLInputElement>(':scope li input.item-check') ??
				[]),
		];
		const leaves = inner.filter(
			(leaf) => !leaf.closest('li')?.querySelector(':scope li input.item-check'),
		);
		return { box, leaves: leaves.length > 0 ? leaves : [box] };
	});

	/** Puts the store's state into every checkbox, meter and continue link of the page. */
	function render(): void {
		const page = data.page;
		if (page) {
			for (const { box, leaves } of boxes) {
				const state = groupState(store.roadmaps, page, leaves.map(itemOf));
				box.checked = state === 'done';
				box.indeterminate = state === 'mixed';
				if (box.indeterminate) box.setAttribute('aria-checked', 'mixed');
				else box.removeAttribute('aria-checked');
			}
		}
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
		const target = boxes.find(({ box }) => box === event.target);
		if (!target || !data.page) return;
		// A group's box sets every leaf under it; a leaf's box sets itself.
		store.set(data.page, target.leaves.map(itemOf), target.box.checked);
		render();
	});
	addEventListener('storage', (event) => {
		store.applyChange(event.key, event.newValue);
		render();
	});
	render();
	// Read by the benchmark (bench/progress-budget.ts): load-to-restored time, budget one frame.
	performance.measure('progress-restore', { start: begin });
	return { store, render };
}

/** The page's store and a function that redraws everything after changing it. */
export const progress = start();
