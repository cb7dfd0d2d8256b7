import type { Duration } from '../schema.ts';
import type { Entry, Item } from '../progress/entries.ts';
import { addDays, daysBetween, isWeekend, mondayOf, type Day } from '../progress/dates.ts';
import type { Plan } from './plan.ts';

/**
 * The schedule of a plan: every item of a roadmap gets its days, counted in study days (every day,
 * or Monday to Friday with `weekdaysOnly`). Pure, with no DOM and no clock, so the page, the
 * calendar file and the unit tests compute the same dates.
 *
 * Each item gets a length in study days, by what its source says:
 * - the item's own time (`itemDuration`, a day plan: one study day per item);
 * - else the phase's time (`duration`, e.g. "2–3 weeks"), spread evenly over its items;
 * - else the learner's pace: `perWeek` items per week.
 * Items are laid end to end from the plan's start, in roadmap order. An item is due on the last
 * study day its length reaches; fractional lengths (ten items in two weeks) share days.
 */

/** A phase as the planner reads it: its leaf items, in order, and the times its source gives. */
export interface PlanPhase {
	items: readonly Item[];
	duration?: Duration;
	itemDuration?: Duration;
}

/** One scheduled item: its phase (index) and its first and last (due) study day (indices). */
export interface Slot {
	item: Item;
	phase: number;
	from: number;
	due: number;
}

export interface Schedule {
	/** The plan it was made from. */
	plan: Plan;
	/** Every scheduled item, in order. Items handled before a re-plan are not in it. */
	slots: Slot[];
	/** Per phase: its first and last study day, or `undefined` when nothing of it is scheduled. */
	phases: ({ from: number; due: number } | undefined)[];
}

/** Study days in a week. */
export const weekLength = (plan: Plan) => (plan.weekdaysOnly ? 5 : 7);

/** A source's duration in study days, at the end of its range the plan chose. */
export function studyDays(duration: Duration, plan: Plan): number {
	const amount = plan.estimate === 'max' ? (duration.max ?? duration.min) : duration.min;
	const week = weekLength(plan);
	return duration.unit === 'days'
		? amount
		: amount * week * (duration.unit === 'weeks' ? 1 : 52 / 12);
}

/** Whether an entry counts as handled: done and skipped both move the learner on. */
export const isHandled = (entry: Entry | undefined) =>
	entry?.status === 'done' || entry?.status === 'skipped';

/**
 * Lays out the plan. `entry` gives an item's progress: with a re-plan (`plan.since`), items
 * handled before it are left out and the rest start on `plan.start`.
 */
export function schedule(
	phases: readonly PlanPhase[],
	plan: Plan,
	entry: (item: Item) => Entry | undefined,
): Schedule {
	const slots: Slot[] = [];
	const spans: Schedule['phases'] = [];
	let end = 0;
	phases.forEach(({ items, duration, itemDuration }, phase) => {
		const length = itemDuration
			? studyDays(itemDuration, plan)
			: duration
				? studyDays(duration, plan) / Math.max(items.length, 1)
				: weekLength(plan) / plan.perWeek;
		const first = slots.length;
		for (const item of items) {
			const current = entry(item);
			if (plan.since !== undefined && isHandled(current) && current!.at <= plan.since) continue;
			const from = Math.floor(end + 1e-9);
			end += length;
			slots.push({ item, phase, from, due: Math.max(from, Math.ceil(end - 1e-9) - 1) });
		}
		const mine = slots.slice(first);
		spans.push(mine.length > 0 ? { from: mine[0]!.from, due: mine.at(-1)!.due } : undefined);
	});
	return { plan, slots, phases: spans };
}

/** The first study day on or after `day`. */
const studyDayFrom = (plan: Plan, day: Day) => {
	while (plan.weekdaysOnly && isWeekend(day)) day = addDays(day, 1);
	return day;
};

/** The date of study day `index` (0 is the plan's first day). */
export function dateOf(plan: Plan, index: number): Day {
	const first = studyDayFrom(plan, plan.start);
	if (!plan.weekdaysOnly) return addDays(first, index);
	// Five study days a week: whole weeks first, then the days left (the first day is a weekday).
	let day = addDays(first, Math.floor(index / 5) * 7);
	for (let left = index % 5; left > 0; left--) day = studyDayFrom(plan, addDays(day, 1));
	return day;
}

/**
 * The study day `day` falls on, or for a day off (a weekend in a weekdays-only plan) the next
 * one. Negative before the plan starts.
 */
export function indexOf(plan: Plan, day: Day): number {
	const first = studyDayFrom(plan, plan.start);
	const days = daysBetween(first, day);
	if (!plan.weekdaysOnly || days <= 0) return days;
	const weeks = Math.floor(days / 7);
	let index = weeks * 5;
	for (let d = addDays(first, weeks * 7); d < day; d = addDays(d, 1)) if (!isWeekend(d)) index++;
	return index;
}

/** What is due around `today`: today's work, the rest of this week (to Sunday), and overdue work. */
export function dueNow(
	{ plan, slots }: Schedule,
	today: Day,
	entry: (item: Item) => Entry | undefined,
) {
	const now = indexOf(plan, today);
	const weekEnd = indexOf(plan, addDays(mondayOf(today), 7)) - 1;
	const open = slots.filter((slot) => !isHandled(entry(slot.item)));
	return {
		/** Work whose days include today (a day off has none). */
		today: open.filter(
			(slot) => slot.from <= now && slot.due >= now && dateOf(plan, now) === today,
		),
		/** Work due after today and by Sunday. */
		week: open.filter((slot) => slot.due > now && slot.due <= weekEnd && slot.from > now),
		/** Work whose last day has passed. */
		overdue: open.filter((slot) => slot.due < now),
	};
}

export interface Pace {
	/**
	 * `before` the plan starts, `finished` when every item is handled, else `ahead`, `on-track` or
	 * `behind`.
	 */
	state: 'before' | 'finished' | 'ahead' | 'on-track' | 'behind';
	/** How many items ahead or behind. */
	items: number;
	/** How many study days ahead or behind. */
	days: number;
	/** Scheduled items handled (done or skipped), and scheduled items in all. */
	handled: number;
	total: number;
}

/**
 * Where the learner stands: behind when fewer items are handled than were due before today, ahead
 * when more are handled than are due by the end of today, else on track. Days count from the study
 * day of the item the learner would be on, to today.
 */
export function pace(
	{ plan, slots }: Schedule,
	today: Day,
	entry: (item: Item) => Entry | undefined,
): Pace {
	const now = indexOf(plan, today);
	const handled = slots.filter((slot) => isHandled(entry(slot.item))).length;
	const total = slots.length;
	const result = { items: 0, days: 0, handled, total };
	if (handled === total) return { ...result, state: 'finished' };
	if (now < 0) return { ...result, state: 'before' };
	const dueBefore = slots.filter((slot) => slot.due < now).length;
	const dueToday = slots.filter((slot) => slot.due <= now).length;
	if (handled < dueBefore) {
		return {
			...result,
			state: 'behind',
			items: dueBefore - handled,
			days: now - slots[handled]!.due,
		};
	}
	if (handled > dueToday) {
		return {
			...result,
			state: 'ahead',
			items: handled - dueToday,
			days: slots[handled - 1]!.due - now,
		};
	}
	return { ...result, state: 'on-track' };
}

/** The plan re-made from `today`: what is handled now stays out, the rest starts today. */
export const replan = (plan: Plan, today: Day, now: number): Plan => ({
	...plan,
	start: today,
	since: now,
	at: now,
});
