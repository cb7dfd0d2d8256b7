import type { Tally } from './store.ts';

/** A meter's words: "12 / 40 done · 3 learning · 2 skipped · 30%" (skipped items leave the total). */
export function meterText({ done, learning, skipped, total }: Tally): string {
	const parts = [`${done} / ${total} done`];
	if (learning) parts.push(`${learning} learning`);
	if (skipped) parts.push(`${skipped} skipped`);
	parts.push(`${total ? Math.floor((done / total) * 100) : 100}%`);
	return parts.join(' · ');
}
