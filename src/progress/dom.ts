import { NOTE_LIMIT, type Group, type Item, type Status } from './entries';
import { ProgressStore } from './store';
import { groupState, tally } from './tally';
import { storageKey } from './layout';
import { decodeGroups, decodeItems, readPageData, scopeOf } from './page-data';
import { continueLink, meterState, meterText, METER_WORDS } from './meter-text';

/**
 * Binds the progress store to the page: restores each item's checkbox, status and note (a group's
 * box shows whether all, some or none of its leaves are done), saves changes, updates every meter
 * and "continue" link, follows other tabs (the `storage` event) and tells the learner whenever
 * progress is not being saved. On a chapter, each leaf item gets a status control and a note
 * button (cloned from the page's `<template id="item-tools">`), and D / L / S / R set the focused
 * item's status. Loaded as a bundled module script by `ProgressData.astro`, only on pages with
 * progress.
 */

/** D / L / S / R on a focused item, as on roadmap.sh. */
const KEYS: Record<string, Status> = { d: 'done', l: 'learning', s: 'skipped', r: 'open' };

interface Chapter {
	href: string;
	items: Item[];
	/** Items with children, each with its leaves. */
	groups: Group[];
}

/** An item on the page: its box, its `<li>`, the leaves it stands for and, on a leaf, its tools. */
interface PageItem {
	box: HTMLInputElement;
	li: HTMLLIElement;
	leaves: readonly Item[];
	select?: HTMLSelectElement;
	button?: HTMLButtonElement;
	field?: HTMLTextAreaElement;
	name?: string;
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

const itemOf = (box: HTMLInputElement): Item => ({
	id: box.dataset.item!,
	aliases: box.dataset.aliases?.split(' ') ?? [],
});

/** A store class the binding can open: `ProgressStore`, or the progress page's subclass. */
type StoreClass<S extends ProgressStore> = new (
	...args: ConstructorParameters<typeof ProgressStore>
) => S;

function start<S extends ProgressStore>(Store: StoreClass<S>) {
	const begin = performance.now();
	const data = readPageData(document.getElementById('progress-data')?.textContent);
	const page = data.page ?? '';
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
			// first.
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
	for (const [roadmap, entries] of chapters) {
		store.adopt(
			roadmap,
			entries.flatMap((chapter) => chapter.items),
			entries.flatMap((chapter) => chapter.groups),
		);
	}

	const tools = document.querySelector<HTMLTemplateElement>('#item-tools');
	// A box is a group's when the build says so (page-data.ts), and stands for the group's leaves.
	const groups = new Map(
		(chapters.get(page) ?? [])
			.flatMap((chapter) => chapter.groups)
			.map((g) => [g.item.id, g.leaves]),
	);
	const items = [...document.querySelectorAll<HTMLInputElement>('input.item-check')].map((box) => {
		const li = box.closest('li')!;
		const leaves = groups.get(box.dataset.item!);
		const item: PageItem = { box, li, leaves: leaves ?? [itemOf(box)] };
		if (leaves || !tools || !page) return item;
		const name = box.nextElementSibling?.textContent?.trim() ?? '';
		const part = tools.content.firstElementChild!.cloneNode(true) as HTMLElement;
		const select = part.querySelector('select')!;
		const button = part.querySelector('button')!;
		const field = part.querySelector('textarea')!;
		select.setAttribute('aria-label', `Status of ${name}`);
		field.setAttribute('aria-label', `Note for ${name}`);
		box.closest('label')!.after(part);
		return { ...item, select, button, field, name };
	});
	const find = (target: EventTarget | null) =>
		items.find(({ li }) => target instanceof Node && target.parentElement?.closest('li') === li);

	/** The page's other parts (plan, progress page, activity…), redrawn after every render. */
	const listeners = new Set<() => void>();
	/** Puts the store's state into every item, meter and continue link of the page. */
	function render(): void {
		for (const { box, li, leaves, select, button, field, name } of items) {
			const state = groupState(store.roadmaps, page, leaves);
			box.checked = state === 'done';
			// Only a group shows "mixed"; a leaf's box is simply done or not (its state has words).
			box.indeterminate = state === 'mixed' && leaves[0]!.id !== box.dataset.item;
			if (box.indeterminate) box.setAttribute('aria-checked', 'mixed');
			else box.removeAttribute('aria-checked');
			if (!select) continue;
			const entry = store.entry(page, leaves[0]!);
			select.value = li.dataset.status = entry?.status ?? 'open';
			const note = entry?.note ?? '';
			li.toggleAttribute('data-note', note !== '');
			button!.setAttribute('aria-label', `${note ? 'Edit' : 'Add'} note for ${name}`);
			if (document.activeElement !== field) field!.value = note;
		}
		for (const meter of document.querySelectorAll<HTMLProgressElement>('progress[data-roadmap]')) {
			const { roadmap = '', chapter } = meter.dataset;
			const list = (chapters.get(roadmap) ?? [])
				.filter(({ href }) => !chapter || href === chapter)
				.flatMap((entry) => entry.items);
			const count = tally(store.roadmaps, roadmap, list);
			meter.max = Math.max(count.total, 1);
			meter.value = count.done;
			// The state as an attribute (CSS draws markers and finish notes from it) and in words.
			const box = meter.parentElement!;
			const state = meterState(count);
			box.dataset.state = state;
			const text = box.querySelector('[data-progress-text]');
			if (text) text.textContent = meterText(count);
			const word = box.querySelector('[data-progress-state]');
			if (word) word.textContent = METER_WORDS[state];
		}
		for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-continue]')) {
			const roadmap = link.dataset.continue!;
			const { text, href } = continueLink(
				store.roadmaps,
				roadmap,
				chapters.get(roadmap) ?? [],
				(item) => store.entry(roadmap, item)?.status,
			);
			if (href) link.href = href;
			// The visible word only: the roadmap's name after it stays for screen readers.
			(link.querySelector('[data-continue-text]') ?? link).textContent = text;
		}
		for (const listener of listeners) listener();
	}

	const setStatus = (leaves: readonly Item[], status: Status) => {
		store.setStatus(page, leaves, status);
		render();
	};
	document.addEventListener('change', ({ target }) => {
		const item = find(target);
		if (!item) return;
		if (target === item.box) setStatus(item.leaves, item.box.checked ? 'done' : 'open');
		else if (target === item.select) setStatus(item.leaves, item.select.value as Status);
	});
	document.addEventListener('keydown', (event) => {
		const item = find(event.target);
		const status = KEYS[event.key.toLowerCase()];
		// Not from the note field, nor from a link inside the item ("Also in"): they are not the item.
		if (
			!item ||
			!status ||
			event.target === item.field ||
			event.target instanceof HTMLAnchorElement
		)
			return;
		if (event.ctrlKey || event.metaKey || event.altKey) return;
		event.preventDefault();
		setStatus(item.leaves, status);
	});
	document.addEventListener('click', ({ target }) => {
		const button = target instanceof Element && target.closest('button');
		const item = button && items.find((entry) => entry.button === button);
		if (!item) return;
		const open = item.field!.parentElement!.hidden;
		item.field!.parentElement!.hidden = !open;
		item.button!.setAttribute('aria-expanded', String(open));
		if (open) item.field!.focus();
	});
	let timer: ReturnType<typeof setTimeout> | undefined;
	const saveNote = (field: HTMLTextAreaElement) => {
		clearTimeout(timer);
		const item = items.find((entry) => entry.field === field);
		if (!item) return;
		const over = field.value.length > NOTE_LIMIT;
		field.nextElementSibling!.textContent = over
			? `This note is ${field.value.length.toLocaleString('en')} characters long; a note holds up to ${NOTE_LIMIT.toLocaleString('en')}. Shorten it to save it.`
			: '';
		if (over) return;
		store.setNote(page, item.leaves[0]!, field.value);
		render();
	};
	document.addEventListener('input', ({ target }) => {
		if (!(target instanceof HTMLTextAreaElement) || !find(target)) return;
		clearTimeout(timer);
		timer = setTimeout(() => saveNote(target), 400);
	});
	document.addEventListener('focusout', ({ target }) => {
		if (target instanceof HTMLTextAreaElement && find(target)) saveNote(target);
	});
	addEventListener('storage', (event) => {
		store.applyChange(event.key, event.newValue);
		render();
	});
	render();
	// Read by the benchmark (bench/progress-budget.ts): load-to-restored time, budget one frame.
	performance.measure('progress-restore', { start: begin });
	/** Calls `listener` after every render from now on, so a part of the page follows the store. */
	const subscribe = (listener: () => void) => void listeners.add(listener);
	return { store, render, chapters, subscribe };
}

/** The page's store, its chapters' items, `render` and `subscribe`. */
export type Binding<S extends ProgressStore = ProgressStore> = ReturnType<typeof start<S>>;
let bound: Binding | undefined;

/**
 * Binds progress to the page on first call and returns the binding: the page's store, its
 * chapters' items, a function that redraws everything after a change, and `subscribe`, through
 * which the page's other parts redraw after it (no window-wide event). `ProgressData.astro` binds
 * with `ProgressStore`; the progress page binds first, with `ManagedProgressStore`.
 */
export function bindProgress(): Binding;
export function bindProgress<S extends ProgressStore>(Store: StoreClass<S>): Binding<S>;
export function bindProgress(Store: StoreClass<ProgressStore> = ProgressStore): Binding {
	bound ??= start(Store);
	if (!(bound.store instanceof Store))
		throw new Error('Progress was bound with another store class: bind it once, first.');
	return bound;
}
