import { addDays, type Day } from '../progress/dates.ts';
import { dateOf, type Schedule } from './schedule.ts';

/**
 * A plan as an iCalendar file (RFC 5545) for "Add to calendar": all-day events, each with a UID
 * that stays the same for its item or phase, so importing a re-made plan again updates the events
 * instead of adding copies. Lines end in CRLF and are folded at 75 octets, never inside a
 * character.
 */

export interface CalendarEvent {
	/** Stable per item or phase, e.g. `nodejs-140-days.day-11`. */
	uid: string;
	/** First day, and last day (inclusive). */
	from: Day;
	to: Day;
	summary: string;
	url: string;
}

/** Text as an iCalendar TEXT value (RFC 5545, 3.3.11). */
const text = (value: string) => value.replace(/[\\;,]/g, '\\$&').replace(/\r?\n/g, '\\n');

/** One content line folded to 75 octets: continuation lines start with a space (RFC 5545, 3.1). */
export function fold(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let part = '';
	let size = 0;
	for (const char of line) {
		const octets = encoder.encode(char).length;
		// The first line holds 75 octets; each continuation 74 after its leading space.
		if (size + octets > (parts.length === 0 ? 75 : 74)) {
			parts.push(part);
			part = '';
			size = 0;
		}
		part += char;
		size += octets;
	}
	parts.push(part);
	return parts.join('\r\n ');
}

const date = (day: Day) => day.replaceAll('-', '');

/** The calendar file's text. `now` is the DTSTAMP of every event. */
export function toICalendar(name: string, events: readonly CalendarEvent[], now: Date): string {
	const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//backend-roadmaps//study plan//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${text(name)}`,
		...events.flatMap((event) => [
			'BEGIN:VEVENT',
			`UID:${event.uid}@backend-roadmaps`,
			`DTSTAMP:${stamp}`,
			`DTSTART;VALUE=DATE:${date(event.from)}`,
			// All-day events end on the day after their last day (DTEND is exclusive).
			`DTEND;VALUE=DATE:${date(addDays(event.to, 1))}`,
			`SUMMARY:${text(event.summary)}`,
			`URL:${event.url}`,
			`DESCRIPTION:${text(event.url)}`,
			'TRANSP:TRANSPARENT',
			'END:VEVENT',
		]),
		'END:VCALENDAR',
	];
	return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** What the calendar names: each phase, and whether its items are events of their own. */
export interface PlanNames {
	phases: readonly { title: string; url: string; byItem: boolean }[];
	/** An item's text and link. */
	item: (id: string) => { title: string; url: string };
}

/**
 * The events of a schedule: one per item in phases whose items have their own time (a day plan:
 * one per day), one per phase otherwise.
 */
export function planEvents(
	{ plan, slots, phases }: Schedule,
	roadmap: string,
	names: PlanNames,
): CalendarEvent[] {
	const events: CalendarEvent[] = [];
	phases.forEach((span, phase) => {
		const { title, url, byItem } = names.phases[phase]!;
		if (!span) return;
		if (!byItem) {
			events.push({
				uid: `${roadmap}.phase-${phase + 1}`,
				from: dateOf(plan, span.from),
				to: dateOf(plan, span.due),
				summary: title,
				url,
			});
			return;
		}
		for (const slot of slots) {
			if (slot.phase !== phase) continue;
			const item = names.item(slot.item.id);
			events.push({
				uid: `${roadmap}.${slot.item.id}`,
				from: dateOf(plan, slot.from),
				to: dateOf(plan, slot.due),
				summary: item.title,
				url: item.url,
			});
		}
	});
	return events;
}
