import {
	NOTE_LIMIT,
	statusOf,
	type Entries,
	type Item,
	type Roadmaps,
	type Status,
} from './entries.ts';
import { blank, isRecord } from './guards.ts';
import { quote } from '../text/quote.ts';
import type { Plans } from '../plan/plan.ts';
import { checkPlans } from '../plan/check.ts';

/**
 * The transfer link: progress moved to another device with no account and no server. The link's
 * fragment (after `#`, which browsers never send to a server) carries every status, and the notes
 * when they fit, deflated and base64url-encoded:
 *
 *     https://…/progress/#transfer=<base64url(deflate-raw(JSON))>
 *     JSON: { "v": 1, "t": <made at, epoch ms>,
 *             "r": { "<roadmap>": { "h": "<hash of its item ids>", "s": "dl-s…" } },
 *             "n": { "<roadmap>/<id>": "<note>" }, "p": { "<roadmap>": <study plan> } }
 *
 * `s` holds one character per item of the roadmap, in page order: `-` not started, `l` learning,
 * `d` done, `s` skipped. Both devices run the same site, so the order is known to both; `h` checks
 * it, and a roadmap whose items differ (another version of the site) is refused. One character per
 * item keeps the link short enough for a QR code (version 40 at most, error correction L) with
 * every item of every roadmap set. Statuses arrive dated when the link was made: merged with the
 * store's rules, a later change on the receiving device wins. Study plans (`p`, src/plan/plan.ts)
 * come along as they are; of two plans for one roadmap, the later one wins. Sites from before
 * plans ignore `p`.
 */

/** The link's fragment key. */
export const TRANSFER_PARAM = 'transfer';
/** The longest link a QR code of version 40 with error correction L holds (bytes, byte mode). */
export const QR_CAPACITY = 2953;
/** Longer fragments are refused before decoding (they cannot come from this site). */
const MAX_FRAGMENT = 64 * 1024;
/** Decompressed payloads larger than this are refused (a link is not a place for megabytes). */
const MAX_PAYLOAD = 1024 * 1024;

const CODES: Record<Status, string> = { open: '-', learning: 'l', done: 'd', skipped: 's' };
const STATUS_OF: Record<string, Status> = { '-': 'open', l: 'learning', d: 'done', s: 'skipped' };

/** Each roadmap's items (leaves, in page order) as both devices' pages list them. */
export type ItemLists = Record<string, readonly Item[]>;

/** FNV-1a of a roadmap's ids: both devices must list the same items in the same order. */
export function listHash(items: readonly Item[]): string {
	let hash = 0x811c9dc5;
	for (const char of items.map((item) => item.id).join(' ')) {
		hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}

const toBase64Url = (bytes: Uint8Array) =>
	btoa(String.fromCharCode(...bytes))
		.replaceAll('+', '-')
		.replaceAll('/', '_')
		.replace(/=+$/, '');

/** Runs bytes through a (de)compression stream, refusing output past `limit` bytes. */
async function pipe(
	bytes: Uint8Array,
	stream: CompressionStream | DecompressionStream,
	limit = Infinity,
) {
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough<Uint8Array>(stream).getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > limit) throw new RangeError('too large');
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.length;
	}
	return out;
}

/** A transfer link's fragment value. */
export interface TransferLink {
	/** The value after `#transfer=`. */
	fragment: string;
	/** Whether the notes are in it (they are left out when the link would not fit a QR code). */
	withNotes: boolean;
	/** Whether there were notes to carry at all. */
	hadNotes: boolean;
}

/** Encodes the statuses (and notes, when they fit) of `lists`' items. */
export async function encodeTransfer(
	roadmaps: Roadmaps,
	lists: ItemLists,
	now: number,
	plans: Plans = {},
): Promise<TransferLink> {
	const r: Record<string, { h: string; s: string }> = {};
	const n: Record<string, string> = {};
	for (const [roadmap, items] of Object.entries(lists)) {
		r[roadmap] = {
			h: listHash(items),
			s: items.map((item) => CODES[statusOf(roadmaps, roadmap, item)]).join(''),
		};
		for (const item of items) {
			const entry = roadmaps[roadmap]?.[item.id];
			// A concept's copy (\`via\`) gets its note again from the original when merged there.
			if (entry?.note && !entry.via) n[`${roadmap}/${item.id}`] = entry.note;
		}
	}
	const encode = async (payload: object) =>
		toBase64Url(
			await pipe(
				new TextEncoder().encode(JSON.stringify(payload)),
				new CompressionStream('deflate-raw'),
			),
		);
	// Plans of roadmaps this site lists; none, no field.
	const p = Object.fromEntries(Object.entries(plans).filter(([roadmap]) => lists[roadmap]));
	const rest = Object.keys(p).length > 0 ? { p } : {};
	const withNotes = await encode({ v: 1, t: now, r, n, ...rest });
	// The page's URL comes in front of the fragment: keep room for it within a QR code.
	if (Object.keys(n).length === 0 || withNotes.length <= QR_CAPACITY - 200) {
		const hadNotes = Object.keys(n).length > 0;
		return { fragment: withNotes, withNotes: hadNotes, hadNotes };
	}
	return { fragment: await encode({ v: 1, t: now, r, ...rest }), withNotes: false, hadNotes: true };
}

/** What a transfer link holds, ready to merge, or why it was refused. */
export type TransferResult =
	| {
			ok: true;
			roadmaps: Roadmaps;
			/** Study plans carried, for roadmaps this site lists. */
			plans: Plans;
			/** Items set, per roadmap, and notes carried. */
			counts: Record<string, number>;
			notes: number;
			/** Roadmaps left out because this site lists other items for them. */
			refused: string[];
	  }
	| { ok: false; error: string };

/** Decodes a transfer link's fragment value. Never throws; a bad link changes nothing. */
export async function decodeTransfer(fragment: string, lists: ItemLists): Promise<TransferResult> {
	const refuse = (reason: string): TransferResult => ({
		ok: false,
		error: `This transfer link cannot be used: ${reason}. Nothing was changed.`,
	});
	if (fragment.length > MAX_FRAGMENT) return refuse('it is far too long to come from this site');
	if (!/^[A-Za-z0-9_-]+$/.test(fragment))
		return refuse('it holds characters a transfer link never has');
	let payload: unknown;
	try {
		const binary = atob(fragment.replaceAll('-', '+').replaceAll('_', '/'));
		const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
		const json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_PAYLOAD);
		payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
	} catch {
		return refuse('it is incomplete or damaged (was it cut off when copied?)');
	}
	if (!isRecord(payload) || payload.v !== 1 || !isRecord(payload.r)) {
		return refuse('it is not a transfer link from this site');
	}
	const at = payload.t;
	if (!Number.isSafeInteger(at) || (at as number) < 0) return refuse('it has no valid date');
	const notes = payload.n ?? {};
	if (!isRecord(notes)) return refuse('its notes are damaged');
	const plans = checkPlans(payload.p ?? {});
	if (typeof plans === 'string') return refuse('its study plans are damaged');
	const roadmaps = blank<Entries>();
	const counts: Record<string, number> = {};
	const refused: string[] = [];
	let noteCount = 0;
	for (const [roadmap, value] of Object.entries(payload.r)) {
		const items = lists[roadmap];
		if (!isRecord(value) || typeof value.s !== 'string' || typeof value.h !== 'string') {
			return refuse(`roadmap ${quote(roadmap)} is damaged`);
		}
		if (!items || value.h !== listHash(items) || value.s.length !== items.length) {
			refused.push(roadmap);
			continue;
		}
		const entries = (roadmaps[roadmap] = blank());
		for (const [index, item] of items.entries()) {
			const status = STATUS_OF[value.s[index]!];
			if (!status) return refuse(`roadmap ${quote(roadmap)} has an unknown status`);
			const note = notes[`${roadmap}/${item.id}`];
			if (note !== undefined && (typeof note !== 'string' || note.length > NOTE_LIMIT * 10)) {
				return refuse(`a note in roadmap ${quote(roadmap)} is damaged`);
			}
			if (status === 'open' && !note) continue;
			entries[item.id] = note
				? { status, at: at as number, note, noteAt: at as number }
				: { status, at: at as number };
			if (note) noteCount++;
		}
		counts[roadmap] = Object.keys(entries).length;
	}
	if (Object.keys(counts).length === 0) {
		return refuse(
			refused.length > 0
				? 'it was made by another version of this site, whose roadmaps list other items'
				: 'it holds no roadmap',
		);
	}
	for (const roadmap of Object.keys(plans))
		if (counts[roadmap] === undefined) delete plans[roadmap];
	return { ok: true, roadmaps, plans, counts, notes: noteCount, refused };
}
