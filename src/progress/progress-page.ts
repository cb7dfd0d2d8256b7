import { bindProgress, openStorage } from './dom';
import { ManagedProgressStore } from './manage';
import { ProgressPart, defineProgressElements } from './elements';
import { defineContinueLink } from './continue-link';
import { ActivityCalendar } from './activity-page';
import { expandItemTexts, type ItemText, type ItemTexts } from './item-texts';
import { plural } from '../text/plural';
import type { Plans } from '../plan/plan';
import type { Roadmaps } from './entries';
import type { ItemLists } from './transfer';

/**
 * The progress page (src/pages/progress/index.astro), as custom elements:
 * - `<progress-lists>`: what you are learning now and every note, each linked to its item;
 * - `<progress-actions>`: reset one roadmap or everything behind a confirmation dialog, with Undo
 *   while the page is open; the concept linking setting; export to a file and import one (merge;
 *   a refused file changes nothing); and the transfer link with its QR code, which asks before it
 *   merges anything. Its controls are disabled in the markup until it is bound;
 * - `<activity-calendar>` (./activity-page.ts).
 * The file, transfer and plan code loads when an action needs it, so the page itself stays light.
 * Nothing runs at import: the page calls `defineProgressPage()`.
 */

const plansCode = () => import('../plan/plan');
/** Where each roadmap's item texts are (src/pages/progress/items/[roadmap].json.ts). */
const TEXTS = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}progress/items/`;
/** Each roadmap's item texts, fetched once, when an item of it is listed. */
const texts = new Map<string, Promise<Record<string, ItemText> | undefined>>();
function itemTexts(roadmap: string): Promise<Record<string, ItemText> | undefined> {
	let loading = texts.get(roadmap);
	if (!loading) {
		loading = fetch(`${TEXTS}${encodeURIComponent(roadmap)}.json`)
			.then((response) => (response.ok ? response.json() : undefined))
			.then((loaded?: ItemTexts) => loaded && expandItemTexts(loaded))
			.catch(() => undefined);
		// A failed load (offline before the file was cached) is tried again on the next render.
		loading.then((loaded) => loaded ?? texts.delete(roadmap));
		texts.set(roadmap, loading);
	}
	return loading;
}
/**
 * Copies text that is still being made. Called synchronously in a click handler, so the browser
 * ties the write to the click: a `ClipboardItem` whose content is a promise where the browser has
 * one, else `writeText` once the text is ready. Resolves to whether it was copied.
 */
function copyText(text: Promise<string>): Promise<boolean> {
	const clipboard = navigator.clipboard as Clipboard | undefined;
	const write =
		typeof ClipboardItem === 'function' && clipboard?.write
			? clipboard.write([
					new ClipboardItem({
						'text/plain': text.then((value) => new Blob([value], { type: 'text/plain' })),
					}),
				])
			: text.then((value) => clipboard!.writeText(value));
	return write.then(
		() => true,
		() => false,
	);
}

/** A part of `root` that its markup always has. */
const partOf =
	(root: ParentNode) =>
	<T extends Element = HTMLElement>(selector: string) =>
		root.querySelector<T>(selector)!;

/** Reads the lists' markup inside `root`; returns what draws them. */
function bindLists(root: HTMLElement): () => void {
	const { store } = bindProgress();
	const $ = partOf(root);
	/** Renders of the lists started; a render that finished loading after a newer one drops out. */
	let listRenders = 0;

	/** Fills the "Learning now" and "Your notes" lists from the store. */
	async function renderLists(): Promise<void> {
		const generation = ++listRenders;
		const listed = Object.entries(store.roadmaps)
			.map(([roadmap, entries]) => ({
				roadmap,
				// A concept's copies (\`via\`) are listed once, where the learner set them.
				entries: Object.entries(entries).filter(
					([, entry]) => !entry.via && (entry.status === 'learning' || entry.note),
				),
			}))
			.filter(({ entries }) => entries.length > 0);
		const loaded = await Promise.all(listed.map(({ roadmap }) => itemTexts(roadmap)));
		if (generation !== listRenders) return;
		const learning: HTMLElement[] = [];
		const notes: HTMLElement[] = [];
		listed.forEach(({ roadmap, entries }, i) => {
			for (const [id, entry] of entries) {
				const known = loaded[i]?.[id];
				// An item no chapter has any more; or, offline, a roadmap whose texts never loaded.
				if (!known && loaded[i]) continue;
				const link = () =>
					known
						? [
								Object.assign(document.createElement('a'), {
									href: known[0],
									textContent: known[1],
								}),
								Object.assign(document.createElement('span'), {
									className: 'progress-where',
									textContent: ` · ${known[2]}`,
								}),
							]
						: [document.createTextNode(`${roadmap} · ${id}`)];
				if (entry.status === 'learning') {
					const li = document.createElement('li');
					li.append(...link());
					learning.push(li);
				}
				if (entry.note) {
					const li = document.createElement('li');
					// A note is the learner's plain text: always text, never HTML.
					const text = Object.assign(document.createElement('p'), { textContent: entry.note });
					li.append(...link(), text);
					notes.push(li);
				}
			}
		});
		$('[data-learning]').replaceChildren(...learning);
		$('[data-learning-empty]').hidden = learning.length > 0;
		$('[data-notes]').replaceChildren(...notes);
		$('[data-notes-empty]').hidden = notes.length > 0;
	}
	return () => void renderLists();
}

/** Reads the actions' markup inside `root`, wires every control and enables it; returns what draws it. */
function bindActions(root: HTMLElement): () => void {
	const { store, render, chapters } = bindProgress(ManagedProgressStore);
	const storage = openStorage();
	const $ = partOf(root);
	/** Study plans from a file or link, kept by the later of two; a sentence saying what changed. */
	async function takePlans(plans: Plans): Promise<string> {
		// Data this site must not overwrite (a newer version's, or unreadable) keeps its plans too.
		if (store.notSaving) return '';
		const { changed, saved } = (await plansCode()).mergePlans(storage, store.key, plans);
		if (changed.length === 0) return '';
		return saved
			? ` ${plural(changed.length, 'study plan')} added or updated.`
			: ` Its study plans could not be saved.`;
	}
	/**
	 * `text` and why the action was not saved: the notice the learner was shown, whose words load
	 * only when there is one to tell (./messages.ts).
	 */
	const because = (text: string) =>
		import('./messages').then(
			({ MESSAGES }) => `${text} ${MESSAGES[store.notSaving ?? 'unsaved']}`,
		);
	/** Tells started; a message still loading its words is dropped when a newer one was told. */
	let tells = 0;
	const result = $('[data-progress-result]');
	const undo = $<HTMLButtonElement>('[data-undo]');
	/** Each roadmap's items in page order, as the transfer link lists them. */
	const lists: ItemLists = Object.fromEntries(
		[...chapters].map(([roadmap, list]) => [roadmap, list.flatMap((chapter) => chapter.items)]),
	);
	/** Says what happened; `removed` offers Undo for a reset. */
	function tell(text: string | Promise<string>, removed?: Roadmaps): void {
		const told = ++tells;
		if (typeof text !== 'string')
			return void text.then((words) => told === tells && tell(words, removed));
		result.textContent = text;
		undo.hidden = !removed;
		undo.onclick = () => {
			const { saved } = store.merge(removed!);
			render();
			tell(
				saved
					? 'The reset was undone: everything is back.'
					: because(`The reset could not be undone: nothing was changed.`),
				saved ? undefined : removed,
			);
		};
	}

	// Reset, behind a dialog.
	const dialog = $<HTMLDialogElement>('[data-reset-dialog]');
	/** The reset button that opened the dialog: `data-reset` is a roadmap id, or empty for all. */
	let target: HTMLButtonElement | undefined;
	const keep = $<HTMLInputElement>('[data-reset-keep]');
	for (const button of root.querySelectorAll<HTMLButtonElement>('[data-reset]')) {
		button.addEventListener('click', async () => {
			target = button;
			$('[data-reset-question]').textContent =
				`This forgets every status and note of ${button.dataset.name}. You can undo it while this page stays open; export your progress first to keep a copy.`;
			// A roadmap's items that other roadmaps teach too: clearing them here clears them there.
			const roadmap = button.dataset.reset;
			const shared = roadmap ? store.shared(roadmap) : [];
			const known = shared.length > 0 ? await itemTexts(roadmap!) : undefined;
			$('[data-reset-shared-list]').replaceChildren(
				...shared.map((id) =>
					Object.assign(document.createElement('li'), { textContent: known?.[id]?.[1] ?? id }),
				),
			);
			$('[data-reset-shared]').hidden = shared.length === 0;
			keep.checked = true;
			dialog.returnValue = '';
			dialog.showModal();
		});
	}
	dialog.addEventListener('close', () => {
		if (dialog.returnValue !== 'reset' || !target) return;
		const { removed, saved } = store.reset(target.dataset.reset || undefined, {
			keepShared: !$('[data-reset-shared]').hidden && keep.checked,
		});
		render();
		if (saved) tell(`Progress of ${target.dataset.name} was reset.`, removed);
		else
			tell(because(`Progress of ${target.dataset.name} was cleared on this page only, not saved.`));
	});

	// Learn it once: the concept linking setting, stored beside the progress.
	const linking = $<HTMLInputElement>('[data-linking]');
	linking.checked = store.settings.linkConcepts;
	linking.addEventListener('change', () => {
		const saved = store.setLinking(linking.checked);
		render();
		tell(
			!saved
				? because(`The setting applies on this page only, not saved.`)
				: linking.checked
					? 'Shared items are linked again: each shows the latest status and every note it has in any roadmap.'
					: 'Shared items are no longer linked: from now on each roadmap counts on its own.',
		);
	});

	// Export and import.
	$('[data-export]').addEventListener('click', async () => {
		const [{ exportProgress }, { readPlans }] = await Promise.all([import('./file'), plansCode()]);
		const now = new Date(store.now());
		const link = document.createElement('a');
		link.href = URL.createObjectURL(
			new Blob(
				[exportProgress(store.roadmaps, now, readPlans(storage, store.key), store.settings)],
				{
					type: 'application/json',
				},
			),
		);
		link.download = `backend-roadmaps-progress-${now.toISOString().slice(0, 10)}.json`;
		link.click();
		setTimeout(() => URL.revokeObjectURL(link.href), 1000);
	});

	const input = $<HTMLInputElement>('[data-import]');
	input.addEventListener('change', async () => {
		const file = input.files?.[0];
		if (!file) return;
		const { parseImport } = await import('./file');
		const parsed = parseImport(await file.text());
		input.value = '';
		if (!parsed.ok) return tell(`${file.name}: ${parsed.error}`);
		// All or nothing, the file's setting with its entries: linked as the learner had them, or not.
		const { added, saved, shown } = store.merge(parsed.roadmaps, parsed.settings);
		const plans = saved ? await takePlans(parsed.plans) : '';
		linking.checked = store.settings.linkConcepts;
		render();
		tell(
			saved
				? `Imported ${file.name}: ${plural(added, 'new item')} added; what you already had was kept, and where both changed an item the later change won.${plans}`
				: shown
					? because(
							`${file.name} was read (${plural(added, 'new item')}) but nothing was saved: it shows on this page only.`,
						)
					: because(
							`${file.name} was read, but nothing was changed: your saved progress is as it was.`,
						),
		);
	});

	// The transfer link: made here, opened on another device.
	const transferOut = $('[data-transfer-out]');
	$('[data-transfer]').addEventListener('click', () => {
		const made = makeTransferLink();
		// The copy starts now, inside the click: WebKit no longer counts a clipboard write as the
		// learner's after the awaits that make the link (code loading, compression).
		const copied = copyText(made.then(({ url }) => url));
		void showTransferLink(made, copied);
	});

	/** The transfer link of the stored progress, and whether its notes fit. */
	async function makeTransferLink(): Promise<{ url: string; notes: string }> {
		const [{ encodeTransfer, TRANSFER_PARAM }, { readPlans }] = await Promise.all([
			import('./transfer'),
			plansCode(),
		]);
		const { fragment, withNotes, hadNotes } = await encodeTransfer(
			store.roadmaps,
			lists,
			store.now(),
			readPlans(storage, store.key),
		);
		// What the message says of the notes: in the link, left out, or nothing when there are none.
		const notes = withNotes
			? ', notes included'
			: hadNotes
				? '; your notes did not fit (export a file to carry them)'
				: '';
		return { url: `${location.origin}${location.pathname}#${TRANSFER_PARAM}=${fragment}`, notes };
	}

	/** Shows the link, its QR code, and says whether it was copied (else selects it to copy). */
	async function showTransferLink(
		made: Promise<{ url: string; notes: string }>,
		copied: Promise<boolean>,
	): Promise<void> {
		const { url, notes } = await made;
		const field = $<HTMLInputElement>('[data-transfer-link]');
		field.value = url;
		transferOut.hidden = false;
		const { encodeQR } = await import('@paulmillr/qr');
		// Our own data, drawn locally as SVG: nothing is sent anywhere.
		$('[data-transfer-qr]').innerHTML = encodeQR(url, 'svg', { ecc: 'low', border: 2 });
		const ok = await copied;
		if (!ok) field.select();
		tell(
			`${ok ? 'The transfer link was copied.' : 'Copy the transfer link below.'} It holds ${plural(url.length, 'character')}${notes}.`,
		);
	}

	/** A link opened here: show what it holds, and merge only after the learner confirms. */
	async function receive(): Promise<void> {
		// `TRANSFER_PARAM` of ./transfer, read here so that the codec loads only for a link.
		const fragment = new URLSearchParams(location.hash.slice(1)).get('transfer');
		if (fragment === null) return;
		// The rest loads only when a link was opened (./transfer-receive.ts).
		const { receiveTransfer } = await import('./transfer-receive');
		await receiveTransfer(fragment, { root, store, render, lists, tell, because, takePlans });
	}
	void receive();
	// A link pasted into the address bar of this very page changes only the fragment.
	addEventListener('hashchange', () => void receive());
	// The controls are disabled in the markup until here, where each one works.
	for (const control of root.querySelectorAll<HTMLButtonElement | HTMLInputElement>(
		'[data-reset], [data-linking], [data-export], [data-import], [data-transfer]',
	))
		control.disabled = false;
	// Another tab, or an import, may change the setting.
	return () => {
		linking.checked = store.settings.linkConcepts;
	};
}

class ProgressLists extends ProgressPart {
	bind() {
		return bindLists(this);
	}
}

class ProgressActions extends ProgressPart {
	bind() {
		return bindActions(this);
	}
}

/**
 * Binds the page with the store that can merge and reset, then defines the progress elements and
 * the page's own. Called once by the page's script.
 */
export function defineProgressPage(): void {
	bindProgress(ManagedProgressStore);
	defineProgressElements();
	defineContinueLink();
	customElements.define('progress-lists', ProgressLists);
	customElements.define('progress-actions', ProgressActions);
	customElements.define('activity-calendar', ActivityCalendar);
}
