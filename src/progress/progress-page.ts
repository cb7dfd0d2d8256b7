import { MESSAGES, progress } from './dom';
import { exportProgress, parseImport } from './file';

/**
 * The progress page's actions: reset one roadmap or everything behind a confirmation dialog,
 * export every tick as a JSON file, import a file (merge; a refused file changes nothing).
 */

const { store, render } = progress;

/** Why an action was not saved: the notice the learner was shown. */
const notSaved = () => MESSAGES[store.notSaving ?? 'unsaved'];
const dialog = document.querySelector<HTMLDialogElement>('[data-reset-dialog]')!;
const question = dialog.querySelector('[data-reset-question]')!;
const result = document.querySelector('[data-progress-result]')!;
/** The reset button that opened the dialog: `data-reset` is a roadmap id, or empty for all. */
let target: HTMLButtonElement | undefined;

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-reset]')) {
	button.addEventListener('click', () => {
		target = button;
		question.textContent = `This forgets every tick of ${button.dataset.name}. It cannot be undone; export your progress first to keep a copy.`;
		dialog.returnValue = '';
		dialog.showModal();
	});
}
dialog.addEventListener('close', () => {
	if (dialog.returnValue !== 'reset' || !target) return;
	const saved = store.reset(target.dataset.reset || undefined);
	render();
	result.textContent = saved
		? `Progress of ${target.dataset.name} was reset.`
		: `Progress of ${target.dataset.name} was cleared on this page only, not saved. ${notSaved()}`;
});

document.querySelector('[data-export]')!.addEventListener('click', () => {
	const now = new Date(store.now());
	const link = document.createElement('a');
	link.href = URL.createObjectURL(
		new Blob([exportProgress(store.roadmaps, now)], { type: 'application/json' }),
	);
	link.download = `backend-roadmaps-progress-${now.toISOString().slice(0, 10)}.json`;
	link.click();
	setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});

const input = document.querySelector<HTMLInputElement>('[data-import]')!;
input.addEventListener('change', async () => {
	const file = input.files?.[0];
	if (!file) return;
	const parsed = parseImport(await file.text());
	input.value = '';
	if (!parsed.ok) {
		result.textContent = `${file.name}: ${parsed.error}`;
		return;
	}
	const { added, saved } = store.merge(parsed.roadmaps);
	render();
	const ticks = `${added} new tick${added === 1 ? '' : 's'}`;
	result.textContent = saved
		? `Imported ${file.name}: ${ticks} added; ticks you already had were kept.`
		: `${file.name} was read (${ticks}) but nothing was saved: the ticks show on this page only. ${notSaved()}`;
});
