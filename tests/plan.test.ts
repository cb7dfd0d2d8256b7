import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dayOf, daysBetween, isDay, type Day } from '../src/progress/dates.ts';
import type { Entry, Item } from '../src/progress/entries.ts';
import { itemDurationProblem, type Duration } from '../src/schema.ts';
import { mergePlans, readPlans, writePlan, type Plan } from '../src/plan/plan.ts';
import { checkPlan, checkPlans } from '../src/plan/check.ts';
import {
	dateOf,
	dueNow,
	indexOf,
	pace,
	replan,
	schedule,
	type PlanPhase,
} from '../src/plan/schedule.ts';
import { fold, planEvents, toICalendar } from '../src/plan/ics.ts';
import { planItemsHtml } from '../src/plan/schedule-html.ts';
import { leaves, parseItemTree } from '../src/content/items.ts';
import { FakeStorage } from './helpers/fake-storage.ts';

const items = (prefix: string, n: number): Item[] =>
	Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i + 1}`, aliases: [] }));
const days = (d: number): Duration => ({ min: d, unit: 'days' });
const plan = (fields: Partial<Plan> = {}): Plan => ({
	start: '2026-11-02', // a Monday
	weekdaysOnly: false,
	perWeek: 5,
	estimate: 'min',
	at: 1,
	...fields,
});
/** The 140-day roadmap's shape: seven phases of twenty one-day items. */
const dayPlan: PlanPhase[] = Array.from({ length: 7 }, (_, p) => ({
	items: items(`day-p${p + 1}`, 20),
	duration: days(20),
	itemDuration: days(1),
}));
const allDays = dayPlan.flatMap((phase) => phase.items);

/** Progress as the store keeps it: `done`/`skipped`/`learning` ids, all set at time `at`. */
function progress(set: Record<string, Entry['status']>, at = 10) {
	return (item: Item): Entry | undefined =>
		set[item.id] ? { status: set[item.id]!, at } : undefined;
}
const none = progress({});
const doneFirst = (n: number, list = allDays, status: Entry['status'] = 'done') =>
	progress(Object.fromEntries(list.slice(0, n).map((item) => [item.id, status])));

describe('the schedule', () => {
	it('gives a day plan one study day per item, in order, from the start date', () => {
		const { slots, phases } = schedule(dayPlan, plan(), none);
		expect(slots).toHaveLength(140);
		expect(slots.map((slot) => [slot.from, slot.due])).toEqual(
			Array.from({ length: 140 }, (_, i) => [i, i]),
		);
		expect(dateOf(plan(), slots[0]!.due)).toBe('2026-11-02');
		expect(dateOf(plan(), slots[10]!.due)).toBe('2026-11-12');
		expect(dateOf(plan(), slots[139]!.due)).toBe(addDays('2026-11-02', 139));
		expect(phases[1]).toEqual({ from: 20, due: 39 });
	});

	it('spreads weeks per phase over the phase, at the end of the range the learner chose', () => {
		const phases: PlanPhase[] = [
			{ items: items('a', 9), duration: { min: 2, max: 3, unit: 'weeks' } },
			{ items: items('b', 4), duration: { min: 1, unit: 'weeks' } },
		];
		const short = schedule(phases, plan(), none);
		expect(short.phases).toEqual([
			{ from: 0, due: 13 },
			{ from: 14, due: 20 },
		]);
		// Evenly: the nine items of fourteen days end on days 1, 3, 4, 6, 7, 9, 10, 12, 13.
		expect(short.slots.slice(0, 9).map((slot) => slot.due)).toEqual([1, 3, 4, 6, 7, 9, 10, 12, 13]);
		const long = schedule(phases, plan({ estimate: 'max' }), none);
		expect(long.phases).toEqual([
			{ from: 0, due: 20 },
			{ from: 21, due: 27 },
		]);
		// Weekdays only: a week is five study days.
		const weekdays = schedule(phases, plan({ weekdaysOnly: true }), none);
		expect(weekdays.phases).toEqual([
			{ from: 0, due: 9 },
			{ from: 10, due: 14 },
		]);
		expect(dateOf(plan({ weekdaysOnly: true }), 9)).toBe('2026-11-13');
	});

	it('uses the pace in items per week where the source gives no time', () => {
		const phases: PlanPhase[] = [
			{ items: items('x', 10) },
			{ items: items('y', 3), duration: days(3) },
		];
		const everyDay = schedule(phases, plan(), none);
		// Five a week on seven study days: 1.4 days per item, fourteen days for ten.
		expect(everyDay.phases[0]).toEqual({ from: 0, due: 13 });
		expect(schedule(phases, plan({ perWeek: 10 }), none).phases[0]).toEqual({ from: 0, due: 6 });
		const weekdays = schedule(phases, plan({ weekdaysOnly: true }), none);
		expect(weekdays.slots.slice(0, 10).map((slot) => slot.due)).toEqual([
			0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
		]);
		expect(weekdays.phases[1]).toEqual({ from: 10, due: 12 });
	});

	it('counts weekdays only: weekends are skipped, and a weekend start begins on Monday', () => {
		const weekdays = plan({ weekdaysOnly: true, start: '2026-11-07' }); // a Saturday
		expect(dateOf(weekdays, 0)).toBe('2026-11-09');
		expect(dateOf(weekdays, 4)).toBe('2026-11-13');
		expect(dateOf(weekdays, 5)).toBe('2026-11-16');
		expect(indexOf(weekdays, '2026-11-11')).toBe(2);
		// A day off belongs to the next study day.
		expect(indexOf(weekdays, '2026-11-14')).toBe(5);
		expect(indexOf(weekdays, '2026-11-06')).toBeLessThan(0);
		const { slots } = schedule(dayPlan, weekdays, none);
		const dates = slots.map((slot) => dateOf(weekdays, slot.due));
		expect(dates.every((day) => ![0, 6].includes(new Date(`${day}T12:00Z`).getUTCDay()))).toBe(
			true,
		);
		// 140 weekdays are 28 weeks.
		expect(dates.at(-1)).toBe(addDays('2026-11-09', 28 * 7 - 3));
		// dateOf and indexOf agree on every study day of a year.
		for (let i = 0; i < 260; i++) expect(indexOf(weekdays, dateOf(weekdays, i))).toBe(i);
	});
});

describe('pace and re-planning', () => {
	const today: Day = '2026-11-12'; // study day 10 of a plan started 2026-11-02
	const sched = (entry = none) => schedule(dayPlan, plan(), entry);

	it('is behind by the items and days due before today, and counts skipped items', () => {
		expect(pace(sched(), today, none)).toMatchObject({ state: 'behind', items: 10, days: 10 });
		const fourDone = doneFirst(4);
		expect(pace(sched(fourDone), today, fourDone)).toMatchObject({
			state: 'behind',
			items: 6,
			days: 6,
		});
		const tenSkipped = doneFirst(10, allDays, 'skipped');
		expect(pace(sched(tenSkipped), today, tenSkipped)).toMatchObject({ state: 'on-track' });
		const learning = doneFirst(10, allDays, 'learning');
		expect(pace(sched(learning), today, learning).state).toBe('behind');
	});

	it('is on track with today done or not, and ahead past it', () => {
		expect(pace(sched(), today, doneFirst(11)).state).toBe('on-track');
		expect(pace(sched(), today, doneFirst(13))).toMatchObject({
			state: 'ahead',
			items: 2,
			days: 2,
		});
		expect(pace(sched(), '2026-10-30', none).state).toBe('before');
		expect(pace(sched(), today, doneFirst(140)).state).toBe('finished');
	});

	it('lists what is due today, later this week and overdue', () => {
		const due = dueNow(sched(), today, doneFirst(4)); // a Thursday
		expect(due.today.map((slot) => slot.item.id)).toEqual(['day-p1-11']);
		expect(due.week.map((slot) => slot.item.id)).toEqual(['day-p1-12', 'day-p1-13', 'day-p1-14']);
		expect(due.overdue.map((slot) => slot.item.id)).toEqual(allDays.slice(4, 10).map((i) => i.id));
		// A weekend in a weekdays-only plan has no work of its own.
		const weekdays = schedule(dayPlan, plan({ weekdaysOnly: true }), none);
		expect(dueNow(weekdays, '2026-11-07', none).today).toEqual([]);
	});

	it('re-plans from today: handled items stay out, the rest starts today', () => {
		const fourDone = doneFirst(4); // done at time 10
		const again = replan(plan(), today, 20);
		expect(again).toMatchObject({ start: today, since: 20, at: 20 });
		const { slots } = schedule(dayPlan, again, fourDone);
		expect(slots).toHaveLength(136);
		expect(slots[0]).toMatchObject({ item: allDays[4], from: 0, due: 0 });
		expect(dateOf(again, slots[0]!.due)).toBe(today);
		expect(pace(schedule(dayPlan, again, fourDone), today, fourDone).state).toBe('on-track');
		// An item handled after the re-plan stays in it and counts as progress.
		const later = progress({
			...Object.fromEntries(allDays.slice(0, 4).map((i) => [i.id, 'done'])),
		});
		const after = (item: Item) =>
			item.id === 'day-p1-5' ? { status: 'done' as const, at: 30 } : later(item);
		const replanned = schedule(dayPlan, again, after);
		expect(replanned.slots).toHaveLength(136);
		expect(pace(replanned, today, after)).toMatchObject({ state: 'on-track', handled: 1 });
	});
});

describe('the calendar file', () => {
	const names = {
		phases: dayPlan.map((_, p) => ({
			title: `Days ${p * 20 + 1}–${p * 20 + 20}; phase ${p + 1}, with a comma`,
			url: `https://example.org/nodejs-140-days/0${p + 1}/`,
			byItem: true,
		})),
		item: (id: string) => ({
			title: `${id}: Node.js Intro & Architecture — Build a "Hello World" HTTP server, with; punctuation and a long tail 🚀 to fold`,
			url: `https://example.org/nodejs-140-days/#${id}`,
		}),
	};
	const now = new Date(Date.UTC(2026, 10, 24, 9, 30, 5));
	const parse = (text: string) =>
		new ICAL.Component(ICAL.parse(text))
			.getAllSubcomponents('vevent')
			.map((e) => new ICAL.Event(e));

	it('parses in ical.js: one all-day event per day of a day plan, the first on the start date', () => {
		const sched = schedule(dayPlan, plan(), none);
		const text = toICalendar(
			'Node.js in 140 days',
			planEvents(sched, 'nodejs-140-days', names),
			now,
		);
		const events = parse(text);
		expect(events).toHaveLength(140);
		expect(events[0]!.startDate.isDate).toBe(true);
		expect(events[0]!.startDate.toString()).toBe('2026-11-02');
		expect(events[0]!.endDate.toString()).toBe('2026-11-03');
		expect(events[10]!.startDate.toString()).toBe('2026-11-12');
		expect(events[0]!.uid).toBe('nodejs-140-days.day-p1-1@backend-roadmaps');
		expect(events[0]!.summary).toBe(names.item('day-p1-1').title);
		const first = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
		expect(first.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-24T09:30:05Z');
	});

	it('keeps each event UID when the plan moves, so a calendar updates instead of duplicating', () => {
		const a = planEvents(schedule(dayPlan, plan(), none), 'r', names);
		const b = planEvents(
			schedule(dayPlan, plan({ start: '2027-01-04', weekdaysOnly: true }), none),
			'r',
			names,
		);
		expect(b.map((e) => e.uid)).toEqual(a.map((e) => e.uid));
		expect(b[0]!.from).toBe('2027-01-04');
	});

	it('has one event per phase when items have no time of their own', () => {
		const phases: PlanPhase[] = [
			{ items: items('a', 9), duration: { min: 2, max: 3, unit: 'weeks' } },
			{ items: items('b', 4) },
		];
		const byPhase = {
			...names,
			phases: names.phases.slice(0, 2).map((p) => ({ ...p, byItem: false })),
		};
		const events = parse(
			toICalendar('x', planEvents(schedule(phases, plan(), none), 'r', byPhase), now),
		);
		expect(
			events.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString(), e.summary]),
		).toEqual([
			['r.phase-1@backend-roadmaps', '2026-11-02', '2026-11-16', byPhase.phases[0]!.title],
			['r.phase-2@backend-roadmaps', '2026-11-16', '2026-11-22', byPhase.phases[1]!.title],
		]);
	});

	it('ends lines in CRLF and folds them at 75 octets without splitting a character', () => {
		const text = toICalendar('x', planEvents(schedule(dayPlan, plan(), none), 'r', names), now);
		expect(text.endsWith('\r\n')).toBe(true);
		const lines = text.slice(0, -2).split('\r\n');
		expect(lines.every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
		expect(
			Math.max(...lines.map((line) => new TextEncoder().encode(line).length)),
		).toBeLessThanOrEqual(75);
		expect(lines.some((line) => line.startsWith(' '))).toBe(true);
		const long = `SUMMARY:${'é'.repeat(30)}🚀${'x'.repeat(60)}`;
		const folded = fold(long).split('\r\n');
		expect(folded.map((line) => new TextEncoder().encode(line).length).every((n) => n <= 75)).toBe(
			true,
		);
		expect(folded.map((line, i) => (i ? line.slice(1) : line)).join('')).toBe(long);
	});
});

describe('plans as stored, imported and transferred', () => {
	it('refuses plans that are not plans, naming the problem', () => {
		expect(checkPlan(plan())).toEqual(plan());
		expect(checkPlan({ ...plan(), start: '2026-02-30' })).toMatch(
			/start "2026-02-30" that is not a date/,
		);
		expect(checkPlan({ ...plan(), perWeek: 0 })).toMatch(/invalid pace/);
		expect(checkPlan({ ...plan(), estimate: 'avg' })).toMatch(/estimate/);
		expect(checkPlan({ ...plan(), extra: 1 })).toMatch(/unexpected field "extra"/);
		expect(checkPlans({ 'a b': plan() })).toMatch(/not a roadmap id/);
		expect(checkPlans({ r: { ...plan(), at: -1 } })).toMatch(/the plan of "r" has an invalid time/);
	});

	it('keeps one key per roadmap, and merges by the later plan', () => {
		const storage = new FakeStorage();
		const key = 'backend-roadmaps:progress:/';
		expect(writePlan(storage, key, 'a', plan({ at: 5 }))).toBe(true);
		storage.setItem('backend-roadmaps:plan:/#broken', '{');
		storage.setItem('backend-roadmaps:plan:/other/#a', JSON.stringify(plan()));
		expect(Object.keys(readPlans(storage, key))).toEqual(['a']);
		const merged = mergePlans(storage, key, { a: plan({ at: 4, perWeek: 9 }), b: plan({ at: 1 }) });
		expect(merged).toEqual({ changed: ['b'], saved: true });
		expect(mergePlans(storage, key, { a: plan({ at: 6, perWeek: 9 }) }).changed).toEqual(['a']);
		expect(readPlans(storage, key).a!.perWeek).toBe(9);
		expect(writePlan(undefined, key, 'a', plan())).toBe(false);
	});
});

describe('durations of items', () => {
	it('must add up to the phase duration when both are given', () => {
		expect(itemDurationProblem({ duration: days(20), itemDuration: days(1) }, 20)).toBeUndefined();
		expect(
			itemDurationProblem(
				{ duration: { min: 2, max: 3, unit: 'weeks' }, itemDuration: days(1) },
				18,
			),
		).toBeUndefined();
		expect(itemDurationProblem({ duration: days(20), itemDuration: days(1) }, 19)).toMatch(
			/19 items of 1 day each do not add up to the phase's "duration" of 20 days/,
		);
		expect(itemDurationProblem({ itemDuration: days(1) }, 3)).toBeUndefined();
	});
});

describe('local dates in two time zones', () => {
	const zone = process.env.TZ;
	afterEach(() => {
		process.env.TZ = zone;
	});
	it('reads a time as the learner’s own calendar day', () => {
		const time = Date.UTC(2026, 10, 23, 20, 0); // 20:00 UTC on 23 Nov
		process.env.TZ = 'Pacific/Auckland';
		expect(dayOf(time)).toBe('2026-11-24');
		process.env.TZ = 'America/Los_Angeles';
		expect(dayOf(time)).toBe('2026-11-23');
		// Day arithmetic does not move with the zone or daylight saving.
		expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
		expect(daysBetween('2026-10-24', '2026-11-02')).toBe(9);
		expect(isDay('2026-13-01')).toBe(false);
	});
});

describe('the plan page’s items (planItemsHtml)', () => {
	it('writes each item’s box, link and date slot, its text and aliases escaped', () => {
		const tree = parseItemTree(
			'## Basics\n\n- [ ] Use `<template>` & "quotes" ^tpl ^old-tpl\n- [ ] Routing ^routing\n',
		);
		const html = planItemsHtml('/r/01-basics/', leaves(tree.items));
		expect(html).toBe(
			'<li class="plan-item" data-plan-item="tpl"><input type="checkbox" class="item-check" data-item="tpl" data-aliases="old-tpl" aria-labelledby="plan-tpl"><a id="plan-tpl" href="/r/01-basics/#tpl">Use &lt;template&gt; &amp; &quot;quotes&quot;</a><span class="plan-when" data-plan-when></span></li>' +
				'<li class="plan-item" data-plan-item="routing"><input type="checkbox" class="item-check" data-item="routing" aria-labelledby="plan-routing"><a id="plan-routing" href="/r/01-basics/#routing">Routing</a><span class="plan-when" data-plan-when></span></li>',
		);
	});
});
