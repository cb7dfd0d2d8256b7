import { addDays, dayOf, daysBetween, mondayOf, type Day } from './dates.ts';
import { plural } from '../text/plural.ts';
import type { Roadmaps } from './entries.ts';

/**
 * The learner's activity for the calendar on the progress page: items done per local day over
 * the last 26 weeks, and their streak. Pure, no DOM. Each item keeps only its latest status, so
 * an item counts on the day it was last set to done; entries of unknown time (`at` 0, migrated
 * from version 0) count nowhere, and a concept's copies on its other members (`via`) count once.
 */

/** Weeks the calendar shows, the current one last. */
export const WEEKS = 26;

/**
 * The fewest items done on a day for each shading level 1 to 4 (level 0: none). Fixed steps, not
 * a share of the busiest day: one day of ticking off what you already knew would otherwise pale
 * every other day.
 */
export const LEVEL_MIN = [1, 2, 4, 7] as const;

/** A day's shading level, 0 (none done) to 4. */
export const level = (count: number): number => LEVEL_MIN.filter((min) => count >= min).length;

/** Each level's counts in words, for the legend: "none", "1", "2–3", "4–6", "7 or more". */
export const levelWords = (): string[] => [
	'none',
	...LEVEL_MIN.map((min, i) => {
		const last = (LEVEL_MIN[i + 1] ?? 0) - 1;
		return last < 0 ? `${min} or more` : last === min ? `${min}` : `${min}–${last}`;
	}),
];

export interface Activity {
	/** The first day shown: a Monday, 25 weeks before the current week's. */
	start: Day;
	/** Items done on each day from `start` to today (index 0 is `start`; days after today are absent). */
	counts: number[];
	/** Items done in the period. */
	total: number;
	/** Days in the period with at least one item done. */
	days: number;
	/** Consecutive days with an item done, ending today, or yesterday while today has none yet. */
	streak: number;
	/** The longest run of such days, at any time. */
	longest: number;
}

/** The activity in `roadmaps` as seen on `today` (the learner's local date). */
export function activity(roadmaps: Roadmaps, today: Day): Activity {
	const start = addDays(mondayOf(today), -7 * (WEEKS - 1));
	const counts: number[] = Array(daysBetween(start, today) + 1).fill(0);
	// Items per day first: thousands of items fall on a few hundred days.
	const done = new Map<Day, number>();
	for (const entries of Object.values(roadmaps)) {
		for (const { status, at, via } of Object.values(entries)) {
			// A copy on another member of a concept (`via`) is the same learning: counted once.
			if (status !== 'done' || !at || via) continue;
			const day = dayOf(at);
			done.set(day, (done.get(day) ?? 0) + 1);
		}
	}
	for (const [day, count] of done) {
		const index = daysBetween(start, day);
		// A time ahead of this device's clock (another device's) is not shown until its day.
		if (index >= counts.length) done.delete(day);
		else if (index >= 0) counts[index] = count;
	}
	let streak = 0;
	let back = done.has(today) ? today : addDays(today, -1);
	while (done.has(back)) {
		streak++;
		back = addDays(back, -1);
	}
	let longest = 0;
	let run = 0;
	let last = '';
	for (const day of [...done.keys()].sort()) {
		run = last && daysBetween(last, day) === 1 ? run + 1 : 1;
		longest = Math.max(longest, run);
		last = day;
	}
	return {
		start,
		counts,
		total: counts.reduce((sum, count) => sum + count, 0),
		days: counts.filter(Boolean).length,
		streak,
		longest,
	};
}

/** "37 items done in the last 26 weeks, on 12 days. Current streak: 3 days (longest: 9)." */
export const activityText = ({ total, days, streak, longest }: Activity): string =>
	`${plural(total, 'item')} done in the last ${WEEKS} weeks, on ${plural(days, 'day')}. Current streak: ${plural(streak, 'day')} (longest: ${longest}).`;
