import { plural } from '../text/plural';
import type { Plans } from '../plan/plan';
import type { ManagedProgressStore } from './manage';
import type { ItemLists } from './transfer';

/** What the progress page lends a transfer link it received (src/progress/progress-page.ts). */
export interface Receiving {
	/** `<progress-actions>`, holding the roadmap cards and the transfer dialog. */
	root: HTMLElement;
	store: ManagedProgressStore;
	render: () => void;
	lists: ItemLists;
	tell: (text: string | Promise<string>) => void;
	because: (text: string) => Promise<string>;
	takePlans: (plans: Plans) => Promise<string>;
}

/**
 * A transfer link opened on the progress page (`#transfer=…`): shows what it holds in a dialog,
 * and merges it only after the learner confirms. Loaded only when a page opens with such a link.
 */
export async function receiveTransfer(
	fragment: string,
	{ root, store, render, lists, tell, because, takePlans }: Receiving,
): Promise<void> {
	const clear = () => history.replaceState(null, '', location.pathname + location.search);
	const decoded = await (await import('./transfer')).decodeTransfer(fragment, lists);
	if (!decoded.ok) {
		clear();
		return tell(decoded.error);
	}
	const confirm = root.querySelector<HTMLDialogElement>('[data-transfer-dialog]')!;
	const names = Object.fromEntries(
		[...root.querySelectorAll<HTMLElement>('[data-roadmap-id]')].map((el) => [
			el.dataset.roadmapId,
			el.dataset.roadmapName,
		]),
	);
	root.querySelector('[data-transfer-counts]')!.replaceChildren(
		...Object.entries(decoded.counts).map(([roadmap, count]) =>
			Object.assign(document.createElement('li'), {
				textContent: `${names[roadmap] ?? roadmap}: ${plural(count, 'item')}`,
			}),
		),
	);
	root.querySelector('[data-transfer-summary]')!.textContent =
		`This link holds progress from another device${decoded.notes ? `, with ${plural(decoded.notes, 'note')}` : ''}${Object.keys(decoded.plans).length ? ` and ${plural(Object.keys(decoded.plans).length, 'study plan')}` : ''}. Adding it keeps everything you have here; where both devices changed an item, the later change wins.${decoded.refused.length ? ` Left out, because this site lists other items for them: ${decoded.refused.map((id) => names[id] ?? id).join(', ')}.` : ''}`;
	confirm.returnValue = '';
	confirm.showModal();
	confirm.addEventListener(
		'close',
		async () => {
			clear();
			if (confirm.returnValue !== 'merge')
				return tell('The transfer link was not used: nothing was changed.');
			const { added, saved, shown } = store.merge(decoded.roadmaps);
			const plans = saved ? await takePlans(decoded.plans) : '';
			render();
			tell(
				saved
					? `Progress from the transfer link was added: ${plural(added, 'new item')}.${plans}`
					: shown
						? because(
								`The transfer link was read but nothing was saved: it shows on this page only.`,
							)
						: because(
								`The transfer link was read, but nothing was changed: your saved progress is as it was.`,
							),
			);
		},
		{ once: true },
	);
}
