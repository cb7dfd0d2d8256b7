import type { Item, Roadmaps } from './entries.ts';
import type { Tally } from './tally.ts';

/**
 * What meters and Start / Continue links say, decided once here for every page: a meter's words
 * and state, never colour alone, and where a roadmap's link leads and what it reads.
 */

/** A meter's words: "12 / 40 done · 3 learning · 2 skipped · 30%" (skipped items leave the total). */
export function meterText({ done, learning, skipped, total }: Tally): string {
	const parts = [`${done} / ${total} done`];
	if (learning) parts.push(`${learning} learning`);
	if (skipped) parts.push(`${skipped} skipped`);
	parts.push(`${total ? Math.floor((done / total) * 100) : 100}%`);
	return parts.join(' · ');
}

/** A meter's state: none of its items done or being learned, some, or all that count done. */
export type MeterState = 'todo' | 'doing' | 'done';
export const METER_WORDS: Record<MeterState, string> = {
	todo: 'Not started',
	doing: 'In progress',
	done: 'Done',
};
export const meterState = ({ done, learning, total }: Tally): MeterState =>
	done >= total ? 'done' : done + learning > 0 ? 'doing' : 'todo';

/**
 * A roadmap's Start / Continue link: to the first item neither done nor skipped, reading "Start"
 * until the learner has set anything in the roadmap, "Continue" after, and "All done: review"
 * (its link unchanged) when no item is left.
 */
export function continueLink(
	roadmaps: Roadmaps,
	roadmap: string,
	chapters: readonly { href: string; items: readonly Item[] }[],
	statusOf: (item: Item) => string | undefined,
): { text: 'Start' | 'Continue' | 'All done: review'; href?: string } {
	for (const { href, items } of chapters) {
		const next = items.find((item) => !['done', 'skipped'].includes(statusOf(item) ?? ''));
		if (next) {
			const started = Object.keys(roadmaps[roadmap] ?? {}).length > 0;
			return { text: started ? 'Continue' : 'Start', href: `${href}#${next.id}` };
		}
	}
	return { text: 'All done: review' };
}
