import { ITEM_ID_PATTERN } from '../content/item-id.ts';
import { has, isRecord, isTime } from './guards.ts';

/**
 * One item's entry, as stored, imported or merged: its status, time, note and the concept member
 * it came from. Pure data and rules, with no storage: the rules of an entry, finding an item's
 * entry under its id or an alias, and merging two entries. Whole records, with the words that
 * say what is wrong in one, are read by `records.ts`.
 */

/**
 * An item's status. `open` is "Not started"; it is stored when the item has a note, or when a
 * learner cleared an item that is in a concept (then its time says when, so it wins over older
 * ticks of the concept's other members).
 */
export const STATUSES = ['open', 'learning', 'done', 'skipped'] as const;
export type Status = (typeof STATUSES)[number];

/** The longest note, in characters. */
export const NOTE_LIMIT = 10_000;

/** What the learner set on one item. */
export interface Entry {
	status: Status;
	/** When the status was set (epoch ms; 0 when unknown). */
	at: number;
	note?: string;
	/** When the note was last changed. */
	noteAt?: number;
	/**
	 * On an item in a concept (content/concepts.yaml): the roadmap where the learner set it, when
	 * that was another roadmap's member. The entry is a copy; activity counts the original only.
	 */
	via?: string;
}

/** One roadmap's entries: item id → entry. */
export type Entries = Record<string, Entry>;
/** Roadmap id → its entries. Objects have no prototype, so an id like `constructor` is safe. */
export type Roadmaps = Record<string, Entries>;

/** A learnable item: its id and former ids (aliases), as the Markdown declares them. */
export interface Item {
	id: string;
	aliases: readonly string[];
}

/** An item with children: an entry stored on it (before it had children) belongs to its leaves. */
export interface Group {
	item: Item;
	leaves: readonly Item[];
}

/** What is wrong with a value read as an entry: the broken rule, and the value at fault. */
export type EntryFault = readonly [
	rule: 'object' | 'status' | 'time' | 'field' | 'via' | 'note' | 'note-time' | 'note-alone',
	value?: unknown,
];

/**
 * The first rule one entry (as stored or imported) breaks, or `undefined` when it is one. The
 * words for each rule are in `records.ts`, loaded only where a message is shown. Notes may exceed
 * `NOTE_LIMIT` after a merge kept two of them: they are never cut, only refused when typed
 * (tenfold is the hard ceiling).
 */
export function entryFault(value: unknown): EntryFault | undefined {
	if (!isRecord(value)) return ['object'];
	if (!STATUSES.includes(value.status as Status)) return ['status', value.status];
	if (!isTime(value.at)) return ['time'];
	for (const key in value) {
		if (!['status', 'at', 'note', 'noteAt', 'via'].includes(key)) return ['field', key];
	}
	if (
		value.via !== undefined &&
		!(typeof value.via === 'string' && ITEM_ID_PATTERN.test(value.via))
	)
		return ['via', value.via];
	if (value.note !== undefined) {
		if (typeof value.note !== 'string' || value.note.length > NOTE_LIMIT * 10) return ['note'];
		if (!isTime(value.noteAt)) return ['note-time'];
	} else if (value.noteAt !== undefined) return ['note-alone'];
	return undefined;
}

/** The entry in an item key's value, or `undefined` when it is not one this site reads. */
export function readEntry(raw: string | null): Entry | undefined {
	try {
		const value: unknown = JSON.parse(raw ?? '');
		return entryFault(value) ? undefined : (value as Entry);
	} catch {
		return undefined;
	}
}

/** The id `item`'s entry is stored under in `entries` (its own or an alias), if any. */
const idOf = (entries: Entries | undefined, item: Item) =>
	entries ? [item.id, ...item.aliases].find((id) => has(entries, id)) : undefined;

/** `item`'s entry in `roadmap`, found under its id or an alias. */
export function entryOf(roadmaps: Roadmaps, roadmap: string, item: Item): Entry | undefined {
	const entries = roadmaps[roadmap];
	const id = idOf(entries, item);
	return id === undefined ? undefined : entries![id];
}

/** `item`'s status in `roadmap`. */
export const statusOf = (roadmaps: Roadmaps, roadmap: string, item: Item): Status =>
	entryOf(roadmaps, roadmap, item)?.status ?? 'open';

/**
 * How two entries for one item merge (import, transfer link, alias and group migration): the
 * later status wins (the same status keeps its first time); a note present on one side is kept;
 * two different notes are both kept, the later one after the earlier, never silently dropped.
 */
export function mergeEntries(mine: Entry | undefined, theirs: Entry): Entry {
	if (!mine) return theirs;
	const status =
		mine.status === theirs.status
			? { status: mine.status, at: Math.min(mine.at, theirs.at) }
			: theirs.at > mine.at
				? { status: theirs.status, at: theirs.at }
				: { status: mine.status, at: mine.at };
	const notes = [mine, theirs].filter((entry) => entry.note).sort((a, b) => a.noteAt! - b.noteAt!);
	const [first, second] = notes;
	if (!first) return status;
	const note =
		!second || first.note!.includes(second.note!)
			? first.note!
			: second.note!.includes(first.note!)
				? second.note!
				: `${first.note}\n\n${second.note}`;
	return { ...status, note, noteAt: (second ?? first).noteAt! };
}

/** Whether two entries hold the same thing. */
export const same = (a: Entry | undefined, b: Entry | undefined) =>
	a?.status === b?.status &&
	a?.at === b?.at &&
	a?.note === b?.note &&
	a?.noteAt === b?.noteAt &&
	a?.via === b?.via;

/** An entry without its `via`: what members of a concept compare and merge. */
export function own({ via: _via, ...entry }: Entry): Entry {
	return entry;
}
