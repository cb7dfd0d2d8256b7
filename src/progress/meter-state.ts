import { progress } from './dom';
import { tally } from './store';

/**
 * After every render of the progress binding (`progress-render`), each meter's state as an
 * attribute and in words, "Not started", "In progress" or "Done", so it never relies on colour;
 * CSS draws the map's markers and the finish notes from the attribute. Start / Continue links read
 * Start until the learner has set any item of their roadmap.
 */
const WORDS = { todo: 'Not started', doing: 'In progress', done: 'Done' } as const;

function apply(): void {
	const { store, chapters } = progress;
	for (const meter of document.querySelectorAll<HTMLProgressElement>('progress[data-roadmap]')) {
		const { roadmap = '', chapter } = meter.dataset;
		const items = (chapters.get(roadmap) ?? [])
			.filter(({ href }) => !chapter || href === chapter)
			.flatMap((entry) => entry.items);
		const { done, learning, total } = tally(store.roadmaps, roadmap, items);
		const state = done >= total ? 'done' : done + learning > 0 ? 'doing' : 'todo';
		const box = meter.parentElement!;
		box.dataset.state = state;
		const word = box.querySelector('[data-progress-state]');
		if (word) word.textContent = WORDS[state];
	}
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-continue]')) {
		const ticks = store.roadmaps[link.dataset.continue!];
		if (link.textContent === 'Continue' && !(ticks && Object.keys(ticks).length > 0))
			link.textContent = 'Start';
	}
}

apply();
addEventListener('progress-render', apply);
