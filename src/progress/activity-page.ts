import { WEEKS, activity, activityText, level } from './activity.ts';
import { addDays, dayOf, formatDay } from './dates.ts';
import { bindProgress } from './dom';
import { ProgressPart } from './elements';

/**
 * `<activity-calendar>` on the progress page: fills the days into the table inside it (weeks as
 * columns, Monday first; only the browser knows the learner's date), labels the months and words
 * the totals and streak. Redrawn after every change, including other tabs'.
 */

const make = (tag: string, className = '', textContent = '') =>
	Object.assign(document.createElement(tag), { className, textContent });

/** Reads the calendar's markup inside `root`; returns what draws it. */
function bindActivity(root: HTMLElement): () => void {
	const { store } = bindProgress();
	const table = root.querySelector<HTMLTableElement>('[data-activity]')!;
	const summary = root.querySelector('[data-activity-summary]')!;
	return () => drawActivity(store.roadmaps, store.now(), table, summary);
}

function drawActivity(
	roadmaps: Parameters<typeof activity>[0],
	now: number,
	table: HTMLTableElement,
	summary: Element,
): void {
	const result = activity(roadmaps, dayOf(now));
	const { start, counts } = result;
	summary.textContent = activityText(result);
	// Each month names the weeks that end in it; a one-week month is named for screen readers only.
	const months = document.createElement('tr');
	months.append(make('td'));
	let month: HTMLTableCellElement | undefined;
	for (let week = 0; week < WEEKS; week++) {
		const name = formatDay(addDays(start, 7 * week + 6), false).split(' ')[2]!;
		if (month?.textContent === name) month.colSpan++;
		else {
			months.append((month = make('th', '', name) as HTMLTableCellElement));
			month.scope = 'col';
		}
	}
	for (const th of months.querySelectorAll('th'))
		if (th.colSpan < 2) th.replaceChildren(make('span', 'sr-only', th.textContent!));
	table.tHead!.replaceChildren(months);
	for (const [row, tr] of [...table.tBodies[0]!.rows].entries()) {
		for (let week = 0; week < WEEKS; week++) {
			const index = 7 * week + row;
			const cell = tr.cells[week + 1]!;
			// Days after today stay empty.
			if (index >= counts.length) {
				cell.replaceChildren();
				continue;
			}
			const text = `${counts[index]} done, ${formatDay(addDays(start, index), false)}`;
			const day = make('span', 'activity-day');
			day.dataset.level = String(level(counts[index]!));
			day.title = text;
			day.setAttribute('aria-hidden', 'true');
			cell.replaceChildren(day, make('span', 'sr-only', text));
		}
	}
}
export class ActivityCalendar extends ProgressPart {
	bind() {
		return bindActivity(this);
	}
}
