/**
 * Calendar days as the learner lives them: local dates written `YYYY-MM-DD` (the value of an
 * `<input type="date">`). The planner and the activity calendar count in these, never in
 * milliseconds, so a daylight-saving change or a learner's time zone cannot shift a day. Day
 * arithmetic runs on UTC midnights, where every day is 24 hours long.
 */

/** A local calendar date, `YYYY-MM-DD`. */
export type Day = string;

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const utc = (day: Day) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
const fromUtc = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);

/** Whether `value` is a real date written `YYYY-MM-DD` (not 2026-02-30). */
export const isDay = (value: unknown): value is Day =>
	typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtc(utc(value)) === value;

/** The learner's local date at `time` (epoch ms): what their calendar showed then. */
export function dayOf(time: number): Day {
	const date = new Date(time);
	return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `day` moved by `n` days (negative goes back). */
export const addDays = (day: Day, n: number): Day => fromUtc(utc(day) + n * DAY_MS);

/** Days from `from` to `to`: 1 when `to` is the next day, negative when it is earlier. */
export const daysBetween = (from: Day, to: Day): number =>
	Math.round((utc(to) - utc(from)) / DAY_MS);

/** Day of the week, 0 Sunday to 6 Saturday. */
export const weekday = (day: Day): number => new Date(utc(day)).getUTCDay();

/** Whether `day` is Saturday or Sunday. */
export const isWeekend = (day: Day): boolean => weekday(day) % 6 === 0;

/** The Monday of `day`'s week (weeks run Monday to Sunday, as ISO 8601 has them). */
export const mondayOf = (day: Day): Day => addDays(day, -((weekday(day) + 6) % 7));

/**
 * Formats for `formatDay`, without and with the year, made once: `toLocaleDateString` builds a
 * new formatter on every call, about 0.3 ms each, and the activity calendar words 182 days.
 */
const FORMATS = [false, true].map(
	(year) =>
		new Intl.DateTimeFormat('en-GB', {
			weekday: 'short',
			day: 'numeric',
			month: 'short',
			...(year ? { year: 'numeric' } : {}),
			timeZone: 'UTC',
		}),
);

/**
 * "Tue, 24 Nov 2026", or "Tue 24 Nov" without the year: a day for people, in English like the
 * rest of the site.
 */
export const formatDay = (day: Day, year = true): string => FORMATS[+year]!.format(utc(day));
