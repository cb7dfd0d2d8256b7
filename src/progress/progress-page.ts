import { MESSAGES, progress } from './dom';
import { exportProgress, parseImport } from './file';
import { plural } from './plural';
import type { Roadmaps } from './store';
import { TRANSFER_PARAM, decodeTransfer, encodeTransfer, type ItemLists } from './transfer';

/**
 * The progress page's actions: what you are learning now and every note, each linked to its item;
 * reset one roadmap or everything behind a confirmation dialog, with Undo while the page is open;
 * export to a file and import one (merge; a refused file changes nothing); and the transfer link
 * with its QR code, which asks before it merges anything.
 */

const { store, render, chapters } = progress;
const $ = <T extends Element = HTMLElement>(selector: string) =>
	document.querySelector<T>(selector)!;

/** Why an action was not saved: the notice the learner was shown. */
const notSaved = () => MESSAGES[store.notSaving ?? 'unsaved'];
const result = $('[data-progress-result]');
const undo = $<HTMLButtonElement>('[data-undo]');
/** `roadmap/id` → [link to the item, its text, its roadmap and phase], for the Learning and Notes lists. */
const index: Record<string, [string, string, string]> = JSON.parse($('#item-index').textContent!);
/** Each roadmap's items in page order, as the transfer link lists them. */
const lists: ItemLists = Object.fromEntries(
	[...chapters].map(([roadmap, list]) => [roadmap, list.flatMap((chapter) => chapter.items)]),
);

/** Says what happened; `removed` offers Undo for a reset. */
function tell(text: string, removed?: Roadmaps) {
	result.textContent = text;
	undo.hidden = !removed;
	undo.onclick = () => {
		store.merge(removed!);
		render();
		tell('The reset was undone: everything is back.');
	};
}

/** Fills the "Learning now" and "Your notes" lists from the store. */
function renderLists(): void {
	const learning: HTMLElement[] = [];
	const notes: HTMLElement[] = [];
	for (const [roadmap, entries] of Object.entries(store.roadmaps)) {
		for (const [id, entry] of Object.entries(entries)) {
			const known = index[`${roadmap}/${id}`];
			if (!known) continue;
			const link = () => [
				Object.assign(document.createElement('a'), { href: known[0], textContent: known[1] }),
				Object.assign(document.createElement('span'), {
					className: 'progress-where',
					textContent: ` · ${known[2]}`,
				}),
			];
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
	}
	$('[data-learning]').replaceChildren(...learning);
	$('[data-learning-empty]').hidden = learning.length > 0;
	$('[data-notes]').replaceChildren(...notes);
	$('[data-notes-empty]').hidden = notes.length > 0;
}
addEventListener('progress-render', renderLists);
renderLists();

// Reset, behind a dialog.
const dialog = $<HTMLDialogElement>('[data-reset-dialog]');
/** The reset button that opened the dialog: `data-reset` is a roadmap id, or empty for all. */
let target: HTMLButtonElement | undefined;
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-reset]')) {
	button.addEventListener('click', () => {
		target = button;
		$('[data-reset-question]').textContent =
			`This forgets every status and note of ${button.dataset.name}. You can undo it while this page stays open; export your progress first to keep a copy.`;
		dialog.returnValue = '';
		dialog.showModal();
	});
}
dialog.addEventListener('close', () => {
	if (dialog.returnValue !== 'reset' || !target) return;
	const { removed, saved } = store.reset(target.dataset.reset || undefined);
	render();
	if (saved) tell(`Progress of ${target.dataset.name} was reset.`, removed);
	else
		tell(
			`Progress of ${target.dataset.name} was cleared on this page only, not saved. ${notSaved()}`,
		);
});

// Export and import.
$('[data-export]').addEventListener('click', () => {
	const now = new Date(store.now());
	const link = document.createElement('a');
	link.href = URL.createObjectURL(
		new Blob([exportProgress(store.roadmaps, now)], { type: 'application/json' }),
	);
	link.download = `backend-roadmaps-progress-${now.toISOString().slice(0, 10)}.json`;
	link.click();
	setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});

const input = $<HTMLInputElement>('[data-import]');
input.addEventListener('change', async () => {
	const file = input.files?.[0];
	if (!file) return;
	const parsed = parseImport(await file.text());
	input.value = '';
	if (!parsed.ok) return tell(`${file.name}: ${parsed.error}`);
	const { added, saved } = store.merge(parsed.roadmaps);
	render();
	tell(
		saved
			? `Imported ${file.name}: ${plural(added, 'new item')} added; what you already had was kept, and where both changed an item the later change won.`
			: `${file.name} was read (${plural(added, 'new item')}) but nothing was saved: it shows on this page only. ${notSaved()}`,
	);
});

// The transfer link: made here, opened on another device.
const transferOut = $('[data-transfer-out]');
$('[data-transfer]').addEventListener('click', async () => {
	const { fragment, withNotes } = await encodeTransfer(store.roadmaps, lists, store.now());
	const url = `${location.origin}${location.pathname}#${TRANSFER_PARAM}=${fragment}`;
	const field = $<HTMLInputElement>('[data-transfer-link]');
	field.value = url;
	transferOut.hidden = false;
	const { encodeQR } = await import('@paulmillr/qr');
	// Our own data, drawn locally as SVG: nothing is sent anywhere.
	$('[data-transfer-qr]').innerHTML = encodeQR(url, 'svg', { ecc: 'low', border: 2 });
	let copied = false;
	try {
		await navigator.clipboard.writeText(url);
		copied = true;
	} catch {
		field.select();
	}
	tell(
		`${copied ? 'The transfer link was copied.' : 'Copy the transfer link below.'} It holds ${plural(url.length, 'character')}${withNotes ? ', notes included' : '; your notes did not fit (export a file to carry them)'}.`,
	);
});

/** A link opened here: show what it holds, and merge only after the learner confirms. */
async function receive(): Promise<void> {
	const fragment = new URLSearchParams(location.hash.slice(1)).get(TRANSFER_PARAM);
	if (fragment === null) return;
	const clear = () => history.replaceState(null, '', location.pathname + location.search);
	const decoded = await decodeTransfer(fragment, lists);
	if (!decoded.ok) {
		clear();
		return tell(decoded.error);
	}
	const confirm = $<HTMLDialogElement>('[data-transfer-dialog]');
	const names = Object.fromEntries(
		[...document.querySelectorAll<HTMLElement>('[data-roadmap-id]')].map((el) => [
			el.dataset.roadmapId,
			el.dataset.roadmapName,
		]),
	);
	$('[data-transfer-counts]').replaceChildren(
		...Object.entries(decoded.counts).map(([roadmap, count]) =>
			Object.assign(document.createElement('li'), {
				textContent: `${names[roadmap] ?? roadmap}: ${plural(count, 'item')}`,
			}),
		),
	);
	$('[data-transfer-summary]').textContent =
		`This link holds progress from another device${decoded.notes ? `, with ${plural(decoded.notes, 'note')}` : ''}. Adding it keeps everything you have here; where both devices changed an item, the later change wins.${decoded.refused.length ? ` Left out, because this site lists other items for them: ${decoded.refused.map((id) => names[id] ?? id).join(', ')}.` : ''}`;
	confirm.returnValue = '';
	confirm.showModal();
	confirm.addEventListener(
		'close',
		() => {
			clear();
			if (confirm.returnValue !== 'merge')
				return tell('The transfer link was not used: nothing was changed.');
			const { added, saved } = store.merge(decoded.roadmaps);
			render();
			tell(
				saved
					? `Progress from the transfer link was added: ${plural(added, 'new item')}.`
					: `The transfer link was read but nothing was saved: it shows on this page only. ${notSaved()}`,
			);
		},
		{ once: true },
	);
}
void receive();
// A link pasted into the address bar of this very page changes only the fragment.
addEventListener('hashchange', () => void receive());
