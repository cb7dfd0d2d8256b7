import { ManagedProgressStore } from '../src/progress/manage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	LEVEL_MIN,
	WEEKS,
	activity,
	activityText,
	level,
	levelWords,
} from '../src/progress/activity';
import { addDays, type Day } from '../src/progress/dates';
import { storageKey } from '../src/progress/layout';
import { type Entry, type Roadmaps } from '../src/progress/entries';
import { FakeStorage } from './helpers/fake-storage';

/** Tuesday. The window then starts on Monday 1 June 2026 (25 weeks before Monday 23 November). */
const TODAY = '2026-11-24';

/** Epoch ms of a local time on `day` (in the zone `process.env.TZ` names at the call). */
const at = (day: Day, hours = 12, minutes = 0) =>
	new Date(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10), hours, minutes).getTime();

/** One roadmap holding `entries`, ids numbered. */
const roadmaps = (...entries: Entry[]): Roadmaps => ({
	'express-senior': Object.fromEntries(entries.map((entry, i) => [`item-${i}`, entry])),
});
const done = (day: Day, hours?: number, minutes?: number): Entry => ({
	status: 'done',
	at: at(day, hours, minutes),
});
/** The count the calendar shows on `day`. */
const countOn = (result: ReturnType<typeof activity>, day: Day) =>
	result.counts[Math.round((Date.parse(day) - Date.parse(result.start)) / 86_400_000)];

// Auckland is ahead of UTC (+13 in November), Los Angeles behind it (-8): an implementation that
// took days in UTC puts one of each pair of times below on the wrong day, in one zone or the other.
describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('in %s', (zone) => {
	const saved = process.env.TZ;
	beforeAll(() => {
		process.env.TZ = zone;
	});
	afterAll(() => {
		process.env.TZ = saved;
	});

	it('runs in that time zone', () => {
		// Node applies a change of TZ at once; without it the checks below would prove nothing.
		const offset = new Date(at(TODAY)).getTimezoneOffset();
		expect(offset).toBe(zone === 'Pacific/Auckland' ? -780 : 480);
	});

	it('counts done items by the local day of their time, just after and before midnight', () => {
		const result = activity(
			roadmaps(
				done(TODAY, 0, 5),
				done('2026-11-23', 23, 55),
				done('2026-11-23', 0, 1),
				done('2026-11-22', 23, 59),
			),
			TODAY,
		);
		expect(countOn(result, TODAY)).toBe(1);
		expect(countOn(result, '2026-11-23')).toBe(2);
		expect(countOn(result, '2026-11-22')).toBe(1);
		expect(countOn(result, '2026-11-21')).toBe(0);
		expect(result).toMatchObject({ total: 4, days: 3, streak: 3, longest: 3 });
	});

	it('lays out 26 weeks from a Monday, ending today', () => {
		const result = activity({}, TODAY);
		expect(result.start).toBe('2026-06-01');
		// 25 full weeks and Monday, Tuesday of this one; the rest of this week is not drawn yet.
		expect(result.counts).toHaveLength(7 * (WEEKS - 1) + 2);
		expect(activity({}, '2026-11-29').counts).toHaveLength(7 * WEEKS);
		expect(activity({}, '2026-11-30').start).toBe('2026-06-08');
	});

	it('keeps the first day shown and leaves out the day before it and 26 weeks and a day ago', () => {
		const result = activity(
			roadmaps(
				done('2026-06-01', 0, 1),
				done('2026-05-31', 23, 59),
				done(addDays(TODAY, -(7 * WEEKS + 1))),
			),
			TODAY,
		);
		expect(result.counts[0]).toBe(1);
		expect(result).toMatchObject({ total: 1, days: 1 });
	});

	it('ignores other statuses, unknown times and times after today', () => {
		const result = activity(
			roadmaps(
				{ status: 'learning', at: at(TODAY) },
				{ status: 'skipped', at: at(TODAY) },
				{ status: 'open', at: at(TODAY), note: 'n', noteAt: at(TODAY) },
				{ status: 'done', at: 0 },
				done(addDays(TODAY, 1), 0, 1),
			),
			TODAY,
		);
		expect(result).toMatchObject({ total: 0, days: 0, streak: 0, longest: 0 });
	});

	it('ignores ticks migrated from version 0, which have no time', async () => {
		const key = storageKey('/');
		const storage = new FakeStorage({ [key]: JSON.stringify({ 'express-senior': ['routing'] }) });
		const store = new ManagedProgressStore(
			storage,
			key,
			() => {},
			() => at(TODAY),
		);
		await store.pending;
		expect(store.roadmaps['express-senior']?.routing).toEqual({ status: 'done', at: 0 });
		store.setStatus('express-senior', [{ id: 'cors', aliases: [] }], 'done');
		expect(activity(store.roadmaps, TODAY)).toMatchObject({ total: 1, days: 1, streak: 1 });
	});
});

describe('streak', () => {
	const streak = (...days: Day[]) => activity(roadmaps(...days.map((d) => done(d))), TODAY);

	it('ends today when something was done today', () => {
		expect(streak(TODAY, '2026-11-23', '2026-11-22', '2026-11-20').streak).toBe(3);
	});

	it('still ends yesterday while nothing is done yet today', () => {
		expect(streak('2026-11-23', '2026-11-22').streak).toBe(2);
	});

	it('is broken by a day without anything done', () => {
		expect(streak('2026-11-22', '2026-11-21').streak).toBe(0);
		expect(streak(TODAY, '2026-11-22').streak).toBe(1);
	});

	it('counts days, not items, and runs back past the 26 weeks', () => {
		const days = Array.from({ length: 200 }, (_, i) => addDays(TODAY, -i));
		const result = streak(...days, TODAY, TODAY);
		expect(result.streak).toBe(200);
		expect(result.days).toBe(result.counts.length);
	});

	it('keeps the longest run, wherever it was', () => {
		const result = streak('2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', TODAY);
		expect(result).toMatchObject({ streak: 1, longest: 4, total: 1 });
	});

	it('is counted across a change of month and of daylight-saving time', () => {
		// Europe/London leaves summer time on Sunday 25 October 2026.
		const saved = process.env.TZ;
		process.env.TZ = 'Europe/London';
		try {
			const days = ['2026-10-24', '2026-10-25', '2026-10-26'];
			const result = activity(roadmaps(...days.map((d) => done(d, 0, 30))), '2026-10-26');
			expect(result).toMatchObject({ streak: 3, days: 3 });
		} finally {
			process.env.TZ = saved;
		}
	});
});

describe('levels and words', () => {
	it('shades 0 for none and 1 to 4 by fixed steps', () => {
		expect([0, 1, 2, 3, 4, 6, 7, 100].map(level)).toEqual([0, 1, 2, 2, 3, 3, 4, 4]);
		expect(LEVEL_MIN.map(level)).toEqual([1, 2, 3, 4]);
	});

	it('words each level for the legend, from the same steps', () => {
		expect(levelWords()).toEqual(['none', '1', '2–3', '4–6', '7 or more']);
	});

	it('sums the period up in words', () => {
		const result = activity(
			roadmaps(done(TODAY), done(TODAY), done('2026-11-23'), done('2026-11-20')),
			TODAY,
		);
		expect(activityText(result)).toBe(
			'4 items done in the last 26 weeks, on 3 days. Current streak: 2 days (longest: 2).',
		);
		expect(activityText(activity(roadmaps(done(TODAY)), TODAY))).toBe(
			'1 item done in the last 26 weeks, on 1 day. Current streak: 1 day (longest: 1).',
		);
	});
});
