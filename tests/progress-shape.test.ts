import { ManagedProgressStore } from '../src/progress/manage';
import { encodeQR } from '@paulmillr/qr';
import { decodeQR } from '@paulmillr/qr/decode.js';
import { describe, expect, it } from 'vitest';
import { exportProgress, parseImport } from '../src/progress/file';
import { mergeEntries, type Entry, type Roadmaps } from '../src/progress/entries';
import { storageKey } from '../src/progress/layout';
import { tally } from '../src/progress/tally';
import { QR_CAPACITY, decodeTransfer, encodeTransfer, listHash } from '../src/progress/transfer';
import { meterText } from '../src/progress/meter-text';
import { FakeStorage } from './helpers/fake-storage';

/** Progress you can shape: statuses, notes, the merge rules, undo and the transfer link. */

const item = (id: string, ...aliases: string[]) => ({ id, aliases });
const open = (storage = new FakeStorage(), now = 1000) =>
	new ManagedProgressStore(
		storage,
		storageKey('/'),
		() => {},
		() => now,
	);

describe('statuses', () => {
	it('are kept per item with their time, and a note survives a status change', () => {
		const storage = new FakeStorage();
		const store = open(storage);
		store.setStatus('r', [item('a')], 'learning');
		store.setNote('r', item('a'), 'read the guide');
		store.setStatus('r', [item('a')], 'done');
		expect(open(storage).entry('r', item('a'))).toEqual({
			status: 'done',
			at: 1000,
			note: 'read the guide',
			noteAt: 1000,
		});
		// Not started with a note keeps the note; without one, the key goes.
		store.setStatus('r', [item('a')], 'open');
		expect(open(storage).entry('r', item('a'))).toMatchObject({
			status: 'open',
			note: 'read the guide',
		});
		store.setNote('r', item('a'), '');
		// Only the layout marker, written with the first item, is left.
		expect([...storage.data.keys()]).toEqual([storage.storeKey]);
	});

	it('tally done, learning and skipped; skipped items leave the total', () => {
		const store = open();
		store.setStatus('r', [item('a'), item('b')], 'done');
		store.setStatus('r', [item('c')], 'learning');
		store.setStatus('r', [item('d')], 'skipped');
		const items = ['a', 'b', 'c', 'd', 'e'].map((id) => item(id));
		const count = tally(store.roadmaps, 'r', items);
		expect(count).toEqual({ done: 2, learning: 1, skipped: 1, total: 4 });
		expect(meterText(count)).toBe('2 / 4 done · 1 learning · 1 skipped · 50%');
		expect(meterText(tally(store.roadmaps, 'r', items.slice(0, 2)))).toBe('2 / 2 done · 100%');
	});
});

describe('merge rules', () => {
	const entry = (status: Entry['status'], at: number, note?: string, noteAt = at): Entry =>
		note === undefined ? { status, at } : { status, at, note, noteAt };

	it('per item, the later status wins; the same status keeps its first time', () => {
		expect(mergeEntries(entry('learning', 5), entry('done', 9))).toEqual(entry('done', 9));
		expect(mergeEntries(entry('learning', 9), entry('done', 5))).toEqual(entry('learning', 9));
		expect(mergeEntries(entry('done', 9), entry('done', 5))).toEqual(entry('done', 5));
		expect(mergeEntries(undefined, entry('skipped', 3))).toEqual(entry('skipped', 3));
	});

	it('keeps a note from either side, and both of two different notes, the earlier first', () => {
		expect(mergeEntries(entry('done', 1, 'mine', 4), entry('done', 1))).toEqual(
			entry('done', 1, 'mine', 4),
		);
		expect(mergeEntries(entry('done', 1), entry('open', 0, 'theirs', 2))).toEqual(
			entry('done', 1, 'theirs', 2),
		);
		expect(mergeEntries(entry('done', 1, 'mine', 4), entry('done', 1, 'theirs', 2))).toEqual(
			entry('done', 1, 'theirs\n\nmine', 4),
		);
		// Importing the same file twice does not repeat a note.
		const once = mergeEntries(entry('done', 1, 'mine', 4), entry('done', 1, 'theirs', 2));
		expect(mergeEntries(once, entry('done', 1, 'theirs', 2))).toEqual(once);
	});

	it('an import merges item by item, and a file round-trips statuses and notes', () => {
		const store = open();
		store.setStatus('r', [item('a')], 'learning');
		store.setNote('r', item('a'), 'mine');
		const file = exportProgress(
			{
				r: {
					a: { status: 'done', at: 2000, note: 'theirs', noteAt: 2000 },
					b: { status: 'skipped', at: 1 },
				},
			},
			new Date(0),
		);
		const parsed = parseImport(file);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(store.merge(parsed.roadmaps)).toEqual({ added: 1, saved: true, shown: true });
		expect(store.entry('r', item('a'))).toEqual({
			status: 'done',
			at: 2000,
			note: 'mine\n\ntheirs',
			noteAt: 2000,
		});
		expect(store.entry('r', item('b'))).toEqual({ status: 'skipped', at: 1 });
	});
});

describe('reset and undo', () => {
	it('reset returns what it removed, and merging it back restores every entry', () => {
		const storage = new FakeStorage();
		const store = open(storage);
		store.setStatus('r', [item('a')], 'done');
		store.setNote('r', item('b'), 'note');
		store.setStatus('s', [item('c')], 'learning');
		const before = new Map(storage.data);
		const { removed, saved } = store.reset();
		expect(saved).toBe(true);
		expect([...storage.data.keys()]).toEqual([storage.storeKey]);
		store.merge(removed);
		expect(storage.data).toEqual(before);
	});
});

describe('transfer link', () => {
	const lists = {
		r: ['a', 'b', 'c', 'd'].map((id) => item(id)),
		s: [item('x', 'old-x')],
	};
	const state: Roadmaps = {
		r: {
			a: { status: 'done', at: 5 },
			b: { status: 'learning', at: 5 },
			c: { status: 'skipped', at: 5, note: 'Not for me — “später”', noteAt: 6 },
		},
		s: { 'old-x': { status: 'done', at: 1 } },
	};

	it('round-trips statuses and notes, dated when the link was made, with counts per roadmap', async () => {
		const { fragment, withNotes, hadNotes } = await encodeTransfer(state, lists, 7000);
		expect([withNotes, hadNotes]).toEqual([true, true]);
		// Without notes, there is nothing to leave out (the page then says nothing of notes).
		const bare = await encodeTransfer(
			{ r: { a: { status: 'done', at: 5 } } } as Roadmaps,
			lists,
			7000,
		);
		expect([bare.withNotes, bare.hadNotes]).toEqual([false, false]);
		expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
		const result = await decodeTransfer(fragment, lists);
		expect(result).toEqual({
			ok: true,
			roadmaps: {
				r: {
					a: { status: 'done', at: 7000 },
					b: { status: 'learning', at: 7000 },
					c: { status: 'skipped', at: 7000, note: 'Not for me — “später”', noteAt: 7000 },
				},
				s: { x: { status: 'done', at: 7000 } },
			},
			plans: {},
			counts: { r: 3, s: 1 },
			notes: 1,
			refused: [],
		});
	});

	it('refuses garbage, truncated and oversized links, changing nothing', async () => {
		const { fragment } = await encodeTransfer(state, lists, 7000);
		for (const bad of [
			'',
			'!!!',
			'bm90IGRlZmxhdGU',
			fragment.slice(0, fragment.length / 2),
			'A'.repeat(70_000),
		]) {
			const result = await decodeTransfer(bad, lists);
			expect(result.ok, bad.slice(0, 20)).toBe(false);
			if (!result.ok)
				expect(result.error).toMatch(
					/^This transfer link cannot be used: .*Nothing was changed\.$/,
				);
		}
	});

	it('refuses a roadmap whose items differ on this site (another version)', async () => {
		const { fragment } = await encodeTransfer(state, lists, 7000);
		const other = { ...lists, r: [...lists.r, item('e')] };
		const result = await decodeTransfer(fragment, other);
		expect(result).toMatchObject({ ok: true, refused: ['r'], counts: { s: 1 } });
		expect(listHash(other.r)).not.toBe(listHash(lists.r));
		const none = await decodeTransfer(fragment, { q: [item('a')] });
		expect(none.ok).toBe(false);
	});

	it('carries study plans of the roadmaps it holds; a damaged plan refuses the link', async () => {
		const plan = {
			start: '2026-11-02',
			weekdaysOnly: false,
			perWeek: 5,
			estimate: 'min',
			at: 9,
		} as const;
		const { fragment } = await encodeTransfer(state, lists, 7000, { r: plan, gone: plan });
		const result = await decodeTransfer(fragment, lists);
		expect(result).toMatchObject({ ok: true, plans: { r: plan } });
		// A roadmap whose items differ here is left out, and so is its plan.
		const other = await decodeTransfer(fragment, { ...lists, r: [...lists.r, item('e')] });
		expect(other).toMatchObject({ ok: true, plans: {}, refused: ['r'] });
		const bad = await encodeTransfer(state, lists, 7000, { r: { ...plan, perWeek: -1 } });
		expect(await decodeTransfer(bad.fragment, lists)).toEqual({
			ok: false,
			error: 'This transfer link cannot be used: its study plans are damaged. Nothing was changed.',
		});
	});

	it('with every item of 500 set, stays within a version-40 QR code at error correction L', async () => {
		const big = { r: Array.from({ length: 500 }, (_, i) => item(`item-${i}`)) };
		const all: Roadmaps = {
			r: Object.fromEntries(
				big.r.map(({ id }, i) => [
					id,
					{ status: (['done', 'learning', 'skipped'] as const)[i % 3]!, at: 1 },
				]),
			),
		};
		const { fragment } = await encodeTransfer(all, big, 7000);
		const url = `https://backend-roadmaps.example.org/progress/#transfer=${fragment}`;
		expect(url.length).toBeLessThanOrEqual(QR_CAPACITY);
		// Scannable: drawn at 4 pixels a module with a quiet zone, a real decoder reads it back.
		const modules = encodeQR(url, 'raw', { ecc: 'low', border: 4 });
		const scale = 4;
		const size = modules.length * scale;
		const data = new Uint8Array(size * size * 4).fill(255);
		modules.forEach((row, y) =>
			row.forEach((dark, x) => {
				if (!dark) return;
				for (let dy = 0; dy < scale; dy++)
					for (let dx = 0; dx < scale; dx++) {
						const at = ((y * scale + dy) * size + x * scale + dx) * 4;
						data.fill(0, at, at + 3);
					}
			}),
		);
		expect(decodeQR({ width: size, height: size, data })).toBe(url);
		expect((modules.length - 8 - 17) / 4).toBeLessThanOrEqual(40);
	});

	it('leaves the notes out, and says so, when they would not fit a QR code', async () => {
		const noisy: Roadmaps = {
			r: Object.fromEntries(
				lists.r.map(({ id }, i) => [
					id,
					{
						status: 'open',
						at: 1,
						note: Array.from({ length: 300 }, (_, k) => ((k * 7919 + i) % 9973).toString(36)).join(
							' ',
						),
						noteAt: 1,
					},
				]),
			),
		};
		const { fragment, withNotes, hadNotes } = await encodeTransfer(noisy, lists, 7000);
		expect([withNotes, hadNotes]).toEqual([false, true]);
		const result = await decodeTransfer(fragment, lists);
		expect(result).toMatchObject({ ok: true, notes: 0 });
	});
});
