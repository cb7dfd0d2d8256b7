import { bindProgress } from './dom';
import { ProgressPart } from './elements';
import { continueLink } from './meter-text';

/**
 * `<continue-link>` around an `<a data-continue="<roadmap>">`: Start, Continue or "All done:
 * review", and where (`continueLink`, src/progress/meter-text.ts). Defined only by the pages that
 * show one (home, landing and progress pages), so chapters do not load it.
 */
class ContinueLink extends ProgressPart {
	bind() {
		const { store, chapters } = bindProgress();
		const link = this.querySelector('a')!;
		const roadmap = link.dataset.continue!;
		return () => {
			const { text, href } = continueLink(
				store.roadmaps,
				roadmap,
				chapters.get(roadmap) ?? [],
				(item) => store.entry(roadmap, item)?.status,
			);
			if (href) link.href = href;
			// The visible word only: the roadmap's name after it stays for screen readers.
			(link.querySelector('[data-continue-text]') ?? link).textContent = text;
		};
	}
}

/** Defines `<continue-link>`, once, after the page's progress binding (`bindProgress`). */
export function defineContinueLink(): void {
	if (!customElements.get('continue-link')) customElements.define('continue-link', ContinueLink);
}
