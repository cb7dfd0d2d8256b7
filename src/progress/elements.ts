import { NOTE_LIMIT, type Item, type Status } from './entries';
import { groupState, tally } from './tally';
import { meterState, meterText, METER_WORDS } from './meter-text';
import { bindProgress } from './dom';

/**
 * The custom elements that show progress, each scoped to its own markup, reading its own data
 * attributes, following the store through `subscribe` and drawing itself, as Starlight writes
 * `starlight-toc`:
 * - `<progress-items data-roadmap>` around a page's item boxes (chapter, plan and print pages):
 *   restores each box, status and note (a group's box shows whether all, some or none of its
 *   leaves are done) and saves changes. With a `<template data-item-tools>` inside, each leaf
 *   gets a status control and a note button, and D / L / S / R set the focused item's status.
 * - `<progress-meter>` around a `<progress data-roadmap data-chapter>`: done of total, in words.
 * `<continue-link>` (continue-link.ts) is defined by the pages that show one.
 * Nothing runs at import: `defineProgressElements()` defines them once the page is bound.
 */

/** D / L / S / R on a focused item, as on roadmap.sh. */
const KEYS: Record<string, Status> = { d: 'done', l: 'learning', s: 'skipped', r: 'open' };

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

const itemOf = (box: HTMLInputElement): Item => ({
	id: box.dataset.item!,
	aliases: box.dataset.aliases?.split(' ') ?? [],
});

/**
 * An element that binds once, on its first connection, and draws on every change. When stored
 * progress is in an older layout, or unreadable, it binds once that has been taken in (the
 * store's `pending`), so nothing is drawn or saved before it.
 */
export abstract class ProgressPart extends HTMLElement {
	#bound = false;
	connectedCallback(): void {
		if (this.#bound) return;
		this.#bound = true;
		const { store, subscribe } = bindProgress();
		const start = () => {
			const draw = this.bind();
			subscribe(draw);
			draw();
		};
		if (store.pending) void store.pending.then(start);
		else start();
	}
	/** Reads the element's markup and returns what draws it. */
	abstract bind(): () => void;
}

class ProgressItems extends ProgressPart {
	bind() {
		const { store, chapters, render } = bindProgress();
		const roadmap = this.dataset.roadmap ?? '';
		const tools = this.querySelector<HTMLTemplateElement>('template[data-item-tools]');
		// A box is a group's when the build says so (page-data.ts), and stands for the group's leaves.
		const groups = new Map(
			(chapters.get(roadmap) ?? [])
				.flatMap((chapter) => chapter.groups)
				.map((g) => [g.item.id, g.leaves]),
		);
		const items = [...this.querySelectorAll<HTMLInputElement>('input.item-check')].map((box) => {
			const li = box.closest('li')!;
			const leaves = groups.get(box.dataset.item!);
			const item: PageItem = { box, li, leaves: leaves ?? [itemOf(box)] };
			if (leaves || !tools) return item;
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

		const setStatus = (leaves: readonly Item[], status: Status) => {
			store.setStatus(roadmap, leaves, status);
			render();
		};
		this.addEventListener('change', ({ target }) => {
			const item = find(target);
			if (!item) return;
			if (target === item.box) setStatus(item.leaves, item.box.checked ? 'done' : 'open');
			else if (target === item.select) setStatus(item.leaves, item.select.value as Status);
		});
		this.addEventListener('keydown', (event) => {
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
		this.addEventListener('click', ({ target }) => {
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
			// The words are the template's (ProgressData.astro): a page without a long note loads none.
			const message = field.nextElementSibling as HTMLElement;
			message.textContent = over ? message.dataset.over! : '';
			if (over) return;
			store.setNote(roadmap, item.leaves[0]!, field.value);
			render();
		};
		this.addEventListener('input', ({ target }) => {
			if (!(target instanceof HTMLTextAreaElement) || !find(target)) return;
			clearTimeout(timer);
			timer = setTimeout(() => saveNote(target), 400);
		});
		this.addEventListener('focusout', ({ target }) => {
			if (target instanceof HTMLTextAreaElement && find(target)) saveNote(target);
		});

		return () => {
			for (const { box, li, leaves, select, button, field, name } of items) {
				const state = groupState(store.roadmaps, roadmap, leaves);
				box.checked = state === 'done';
				// Only a group shows "mixed"; a leaf's box is simply done or not (its state has words).
				box.indeterminate = state === 'mixed' && leaves[0]!.id !== box.dataset.item;
				if (box.indeterminate) box.setAttribute('aria-checked', 'mixed');
				else box.removeAttribute('aria-checked');
				if (!select) continue;
				const entry = store.entry(roadmap, leaves[0]!);
				select.value = li.dataset.status = entry?.status ?? 'open';
				const note = entry?.note ?? '';
				li.toggleAttribute('data-note', note !== '');
				button!.setAttribute('aria-label', `${note ? 'Edit' : 'Add'} note for ${name}`);
				if (document.activeElement !== field) field!.value = note;
			}
		};
	}
}

class ProgressMeter extends ProgressPart {
	bind() {
		const { store, chapters } = bindProgress();
		const meter = this.querySelector('progress')!;
		const { roadmap = '', chapter } = meter.dataset;
		const list = (chapters.get(roadmap) ?? [])
			.filter(({ href }) => !chapter || href === chapter)
			.flatMap((entry) => entry.items);
		const text = this.querySelector('[data-progress-text]');
		const word = this.querySelector('[data-progress-state]');
		return () => {
			const count = tally(store.roadmaps, roadmap, list);
			meter.max = Math.max(count.total, 1);
			meter.value = count.done;
			// The state as an attribute (CSS draws markers and finish notes from it) and in words.
			const state = meterState(count);
			this.dataset.state = state;
			if (text) text.textContent = meterText(count);
			if (word) word.textContent = METER_WORDS[state];
		};
	}
}

/**
 * Defines the progress elements, which draw every one on the page at once, and records how long
 * the page took from binding to drawn (`progress-restore`, read by bench/progress-budget.ts:
 * budget one frame). Call once the page is bound.
 */
export function defineProgressElements(): void {
	customElements.define('progress-items', ProgressItems);
	customElements.define('progress-meter', ProgressMeter);
	performance.measure('progress-restore', { start: bindProgress().begin });
}
