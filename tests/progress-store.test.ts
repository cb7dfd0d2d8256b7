import { ManagedProgressStore } from '../src/progress/manage';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXPORT_FORMAT, exportProgress, parseImport } from '../src/progress/file';
import { type Notice, type StorageLike } from '../src/progress/store';
import { tally } from '../src/progress/tally';
import { itemKey, storageKey } from '../src/progress/layout';
import { quote } from '../src/text/quote';
import { type Roadmaps } from '../src/progress/entries';
import { FakeStorage } from './helpers/fake-storage';

const KEY = storageKey('/');
/** Version-1 ticks: roadmap → id → ticked at. */
type Ticks = Record<string, Record<string, number>>;
const v1 = (roadmaps: Ticks) => JSON.stringify({ version: 1, roadmaps });
/** Ticks as entries: each one "done" at its time. */
const done = (ticks: Ticks): Roadmaps =>
	Object.fromEntries(
		Object.entries(ticks).map(([roadmap, ids]) => [
			roadmap,
			Object.fromEntries(Object.entries(ids).map(([id, at]) => [id, { status: 'done', at }])),
		]),
	) as Roadmaps;

const item = (id: string, ...aliases: string[]) => ({ id, aliases });
/** Whether `item` is done in `roadmap`, as a meter counts it. */
const isDone = (store: ManagedProgressStore, roadmap: string, it: ReturnType<typeof item>) =>
	store.entry(roadmap, it)?.status === 'done';
const open = (storage: StorageLike | undefined, now = 1000) => {
	const notices: Notice[] = [];
	const store = new ManagedProgressStore(
		storage,
		KEY,
		(notice) => notices.push(notice),
		() => now,
	);
	return { store, notices };
};
/** `open`, once a first key in another layout or unreadable has been taken in (records.ts). */
const opened = async (storage: StorageLike | undefined, now = 1000) => {
	const result = open(storage, now);
	await result.store.pending;
	return result;
};

describe('ticks', () => {
	it('are written one key per item and reload in a new store', () => {
		const storage = new FakeStorage();
		open(storage).store.setStatus('express-senior', [item('routing')], 'done');
		expect(storage.data.get(itemKey(KEY, 'express-senior', 'routing'))).toBe(
			'{"status":"done","at":1000}',
		);
		const { store, notices } = open(storage);
		expect(store.entry('express-senior', item('routing'))?.status).toBe('done');
		expect(store.entry('node-express-mongodb', item('routing'))?.status).not.toBe('done');
		store.setStatus('express-senior', [item('routing')], 'open');
		expect(storage.ticks()).toEqual({});
		expect(notices).toEqual([]);
	});

	it('treat ids that are Object.prototype names as plain ids', () => {
		const { store } = open(new FakeStorage());
		expect(store.entry('constructor', item('to-string'))?.status).not.toBe('done');
		store.setStatus('constructor', [item('constructor')], 'done');
		expect(store.entry('constructor', item('constructor'))?.status).toBe('done');
	});

	it('count per chapter, phase or roadmap from lists of items with aliases', async () => {
		const storage = new FakeStorage({ [KEY]: v1({ r: { a: 1, 'old-b': 2, gone: 3 } }) });
		const { store } = await opened(storage);
		const chapter1 = [item('a'), item('b', 'old-b')];
		const chapter2 = [item('c')];
		expect(tally(store.roadmaps, 'r', chapter1).done).toBe(2);
		expect(tally(store.roadmaps, 'r', chapter2).done).toBe(0);
		expect(tally(store.roadmaps, 'r', [...chapter1, ...chapter2]).done).toBe(2);
		expect(tally(store.roadmaps, 'other', chapter1).done).toBe(0);
	});

	it('of a group are its leaves: setting several items at once', () => {
		const storage = new FakeStorage();
		const { store } = open(storage);
		store.setStatus('r', [item('a'), item('b')], 'done');
		expect(storage.ticks()).toEqual({ r: { a: 1000, b: 1000 } });
		store.setStatus('r', [item('a'), item('b')], 'open');
		expect(storage.ticks()).toEqual({});
	});
});

describe('two tabs', () => {
	it("never lose each other's ticks, however their writes interleave", () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.boolean(), fc.nat({ max: 9 }), fc.boolean()), { maxLength: 60 }),
				(steps) => {
					// Two stores on one storage, neither hearing of the other's writes (no storage event
					// arrives in time): each tab's own view is stale, yet every tick lands.
					const storage = new FakeStorage();
					const tabs = [open(storage).store, open(storage).store];
					const expected = new Map<string, boolean>();
					for (const [second, n, ticked] of steps) {
						const id = `${second ? 'b' : 'a'}-${n}`; // each tab ticks its own items
						tabs[second ? 1 : 0]!.setStatus('r', [item(id)], ticked ? 'done' : 'open');
						expected.set(id, ticked);
					}
					const fresh = open(storage).store;
					for (const [id, ticked] of expected) expect(isDone(fresh, 'r', item(id))).toBe(ticked);
				},
			),
		);
	});

	it('follow each other through storage events, one item at a time', () => {
		const storage = new FakeStorage();
		const [one, two] = [open(storage).store, open(storage).store];
		one.setStatus('r', [item('a')], 'done');
		const key = itemKey(KEY, 'r', 'a');
		two.applyChange(key, storage.getItem(key));
		expect(isDone(two, 'r', item('a'))).toBe(true);
		one.setStatus('r', [item('a')], 'open');
		two.applyChange(key, null);
		expect(isDone(two, 'r', item('a'))).toBe(false);
		two.applyChange('starlight-theme', 'dark');
		expect(two.roadmaps.r).toEqual({});
	});

	it('reset and import write only their own items: a tick made meanwhile survives', () => {
		const storage = new FakeStorage();
		const [one, two] = [open(storage).store, open(storage).store];
		one.setStatus('r', [item('a')], 'done');
		two.setStatus('r', [item('b')], 'done');
		one.reset('r'); // tab one never saw b
		expect(storage.ticks()).toEqual({ r: { b: 1000 } });
		one.merge(done({ r: { c: 5 } }));
		expect(storage.ticks()).toEqual({ r: { b: 1000, c: 5 } });
	});
});

describe('aliases and groups', () => {
	it('a tick under an alias counts and moves to the new id; unknown ids are kept', async () => {
		const storage = new FakeStorage({ [KEY]: v1({ r: { 'old-routing': 5, 'removed-item': 7 } }) });
		const { store } = await opened(storage);
		const routing = item('routing', 'old-routing', 'older-routing');
		expect(isDone(store, 'r', routing)).toBe(true);
		store.adopt('r', [routing]);
		expect(storage.ticks().r).toEqual({ routing: 5, 'removed-item': 7 });
	});

	it('unticking an item clears its aliases too, so the tick does not come back', async () => {
		const storage = new FakeStorage({ [KEY]: v1({ r: { old: 5 } }) });
		const { store } = await opened(storage);
		store.setStatus('r', [item('new', 'old')], 'open');
		expect((await opened(storage)).store.entry('r', item('new', 'old'))?.status).not.toBe('done');
	});

	it('a tick stored on an item that became a group ticks each of its leaves, then goes', async () => {
		const storage = new FakeStorage({ [KEY]: v1({ r: { parent: 7, b: 3 } }) });
		const { store } = await opened(storage);
		const group = { item: item('parent', 'old-parent'), leaves: [item('a'), item('b')] };
		store.adopt('r', [item('a'), item('b')], [group]);
		expect(storage.ticks().r).toEqual({ a: 7, b: 3 });
		// Unticking a leaf sticks: the group's tick is gone, so nothing re-ticks it.
		store.setStatus('r', [item('a')], 'open');
		const again = (await opened(storage)).store;
		again.adopt('r', [item('a'), item('b')], [group]);
		expect(isDone(again, 'r', item('a'))).toBe(false);
		expect(isDone(again, 'r', item('b'))).toBe(true);
	});

	it("a tick under a group's alias migrates too", async () => {
		const storage = new FakeStorage({ [KEY]: v1({ r: { 'old-parent': 4 } }) });
		const { store } = await opened(storage);
		store.adopt('r', [item('a')], [{ item: item('parent', 'old-parent'), leaves: [item('a')] }]);
		expect(storage.ticks().r).toEqual({ a: 4 });
	});
});

describe('migration', () => {
	it('reads the current layout at once; another layout once its reader has loaded', async () => {
		const current = open(new FakeStorage({ [KEY]: '{"version":2}' })).store;
		expect(current.pending).toBeUndefined();
		expect(open(new FakeStorage()).store.pending).toBeUndefined();
		const { store } = open(new FakeStorage({ [KEY]: v1({ r: { a: 5 } }) }));
		expect(store.pending).toBeInstanceOf(Promise);
		expect(store.entry('r', item('a'))).toBeUndefined();
		await store.pending;
		expect(store.pending).toBeUndefined();
		expect(store.entry('r', item('a'))?.status).toBe('done');
	});

	it('writes nothing over a newer layout, even before its reader has loaded', async () => {
		const future = JSON.stringify({ version: 3, roadmaps: { r: { a: 1 } } });
		const storage = new FakeStorage({ [KEY]: future });
		const { store, notices } = open(storage);
		expect(store.notSaving).toBe('future');
		expect(store.setStatus('r', [item('b')], 'done')).toBe(false);
		await store.pending;
		expect([...storage.data]).toEqual([[KEY, future]]);
		expect(notices).toEqual(['future']);
	});

	it('never writes the marker over unreadable data before it is kept aside', async () => {
		const storage = new FakeStorage({ [KEY]: 'not json' });
		const { store, notices } = open(storage);
		// A tick made while the reader loads is saved, and leaves the first key alone.
		expect(store.setStatus('r', [item('a')], 'done')).toBe(true);
		expect(storage.data.get(KEY)).toBe('not json');
		await store.pending;
		expect(storage.data.get(store.backupKey!)).toBe('not json');
		expect(storage.data.get(KEY)).toBe('{"version":2}');
		expect(storage.ticks()).toEqual({ r: { a: 1000 } });
		expect(notices).toEqual(['corrupted']);
	});

	it('reads the first key again once its reader has loaded, so a change meanwhile is kept', async () => {
		const storage = new FakeStorage({ [KEY]: v1({ r: { a: 5 } }) });
		const { store } = open(storage);
		storage.data.set(KEY, v1({ r: { a: 5, b: 6 } }));
		await store.pending;
		expect(storage.ticks()).toEqual({ r: { a: 5, b: 6 } });
		expect(storage.data.get(KEY)).toBe('{"version":2}');
	});

	it('drops a reading another tab made stale, and follows what that tab wrote', async () => {
		const storage = new FakeStorage({ [KEY]: v1({ r: { a: 5 } }) });
		const { store } = open(storage);
		const stale = store.pending;
		// Another tab migrated first, and its marker reached this one before the reader loaded.
		storage.data.set(KEY, '{"version":2}');
		storage.data.set(itemKey(KEY, 'r', 'b'), '{"status":"done","at":6}');
		store.applyChange(KEY, '{"version":2}');
		expect(store.pending).toBeUndefined();
		await stale;
		expect(storage.ticks()).toEqual({ r: { b: 6 } });
		expect(store.entry('r', item('b'))?.status).toBe('done');
	});

	it('moves version 1 (one record) to one key per tick, keeping every tick and its time', async () => {
		const storage = new FakeStorage({ [KEY]: v1({ r: { a: 5, b: 0 }, s: { c: 9 } }) });
		const { store, notices } = await opened(storage);
		expect(store.entry('r', item('a'))?.status).toBe('done');
		expect(storage.ticks()).toEqual({ r: { a: 5, b: 0 }, s: { c: 9 } });
		expect(JSON.parse(storage.data.get(KEY)!)).toEqual({ version: 2 });
		expect(notices).toEqual([]);
	});

	it('migrates version 0 (ticked ids per roadmap, no times), each tick dated 0', async () => {
		const storage = new FakeStorage({ [KEY]: JSON.stringify({ r: ['a', 'b'], s: [] }) });
		const { store, notices } = await opened(storage);
		expect(store.entry('r', item('a'))?.status).toBe('done');
		expect(storage.ticks()).toEqual({ r: { a: 0, b: 0 } });
		expect(notices).toEqual([]);
	});

	it('keeps the old record when the migration cannot finish, and runs it again later', async () => {
		const old = v1({ r: { a: 5 } });
		const storage = new FakeStorage({ [KEY]: old });
		storage.failWrites = true;
		const { store, notices } = await opened(storage);
		expect(store.entry('r', item('a'))?.status).toBe('done');
		expect(storage.data.get(KEY)).toBe(old);
		expect(notices).toEqual(['unsaved']);
		storage.failWrites = false;
		await opened(storage);
		expect(storage.ticks()).toEqual({ r: { a: 5 } });
	});

	it('never overwrites data from a future version; works in memory and says so once', async () => {
		const future = JSON.stringify({ version: 3, roadmaps: { r: { a: 1 } }, notes: {} });
		const storage = new FakeStorage({ [KEY]: future });
		const { store, notices } = await opened(storage);
		expect(store.entry('r', item('a'))?.status).toBe('done');
		expect(store.setStatus('r', [item('b')], 'done')).toBe(false);
		store.setStatus('r', [item('c')], 'done');
		expect(store.entry('r', item('b'))?.status).toBe('done');
		expect(storage.data.get(KEY)).toBe(future);
		expect(storage.ticks()).toEqual({});
		expect(store.notSaving).toBe('future');
		expect(notices).toEqual(['future']);
	});

	it('says that reset and import were not saved over a future version', async () => {
		const storage = new FakeStorage({ [KEY]: JSON.stringify({ version: 3 }) });
		const { store } = await opened(storage);
		expect(store.reset().saved).toBe(false);
		// Data from a newer version is never overwritten: an import changes nothing, not even the page.
		expect(store.merge(done({ r: { a: 1 } }))).toEqual({ added: 0, saved: false, shown: false });
		expect(store.entry('r', item('a'))?.status).not.toBe('done');
		expect(storage.data.size).toBe(1);
	});
});

describe('bad storage', () => {
	it('keeps corrupted JSON aside under a backup key and starts a fresh record', async () => {
		const storage = new FakeStorage({ [KEY]: '{"version":1,"roadmaps":' });
		const { store, notices } = await opened(storage);
		expect(notices).toEqual(['corrupted']);
		expect(store.backupKey).toBe(`${KEY}:corrupted:1000`);
		expect(storage.data.get(store.backupKey!)).toBe('{"version":1,"roadmaps":');
		expect(store.setStatus('r', [item('a')], 'done')).toBe(true);
		expect(storage.ticks().r).toEqual({ a: 1000 });
	});

	it('treats valid JSON of the wrong shape as corrupted, not as empty', async () => {
		const storage = new FakeStorage({ [KEY]: '{"version":1,"roadmaps":{"r":{"a":"yes"}}}' });
		const { store, notices } = await opened(storage);
		expect(notices).toEqual(['corrupted']);
		expect(storage.data.get(store.backupKey!)).toContain('"yes"');
	});

	it.each([
		['not JSON', '{"status":"done",'],
		['an unknown status', '{"status":"mastered","at":5}'],
		[
			'an unknown field beside a note',
			'{"status":"open","at":5,"note":"keep me","noteAt":5,"x":1}',
		],
	])('keeps an item value with %s aside, says so, and the item starts fresh', (_name, value) => {
		const key = itemKey(KEY, 'r', 'a');
		const storage = new FakeStorage({ [KEY]: '{"version":2}', [key]: value });
		const { store, notices } = open(storage);
		expect(notices).toEqual(['damaged']);
		expect(storage.data.get(`${KEY}:damaged:1000:r/a`)).toBe(value);
		expect(storage.data.has(key)).toBe(false);
		expect(store.entry('r', item('a'))).toBeUndefined();
		// The item works again, and the copy is not read back as an item.
		expect(store.setStatus('r', [item('a')], 'done')).toBe(true);
		expect(open(storage).store.entry('r', item('a'))?.status).toBe('done');
		expect(open(storage).notices).toEqual([]);
	});

	it('leaves an unreadable item value in place when there is no room for a copy, and saves nothing', () => {
		const key = itemKey(KEY, 'r', 'a');
		const storage = new FakeStorage({ [KEY]: '{"version":2}', [key]: 'not json' });
		storage.failWrites = true;
		const { store, notices } = open(storage);
		expect(notices).toEqual(['unreadable']);
		expect(store.notSaving).toBe('unreadable');
		expect(storage.data.get(key)).toBe('not json');
	});

	it('leaves item values alone under data from a newer version', async () => {
		const key = itemKey(KEY, 'r', 'a');
		const storage = new FakeStorage({
			[KEY]: '{"version":3}',
			[key]: '{"status":"done","at":5,"new":1}',
		});
		const { notices } = await opened(storage);
		expect(notices).toEqual(['future']);
		expect(storage.data.get(key)).toBe('{"status":"done","at":5,"new":1}');
	});

	it('writes the layout marker with the first item of a new learner, and only then', () => {
		const storage = new FakeStorage();
		const { store } = open(storage);
		expect(storage.data.size).toBe(0);
		store.setStatus('r', [item('a')], 'done');
		expect(storage.data.get(KEY)).toBe('{"version":2}');
		// An older build (rollback) reads the layout, not an empty record.
		expect(open(storage).notices).toEqual([]);
		store.setStatus('r', [item('b')], 'done');
		expect([...storage.data.keys()].filter((key) => key === KEY)).toHaveLength(1);
	});

	it('writes the marker again after storage was cleared in another tab', () => {
		const storage = new FakeStorage();
		const { store } = open(storage);
		store.setStatus('r', [item('a')], 'done');
		storage.data.clear();
		store.applyChange(null, null);
		store.setStatus('r', [item('b')], 'done');
		expect(storage.data.get(KEY)).toBe('{"version":2}');
	});

	it('leaves corrupted data in place when even the backup cannot be written, and says nothing is saved', async () => {
		const storage = new FakeStorage({ [KEY]: 'not json' });
		storage.failWrites = true;
		const { store, notices } = await opened(storage);
		expect(store.setStatus('r', [item('a')], 'done')).toBe(false);
		expect(store.entry('r', item('a'))?.status).toBe('done');
		expect(storage.data.get(KEY)).toBe('not json');
		expect(store.notSaving).toBe('unreadable');
		expect(notices).toEqual(['unreadable']);
	});

	it('works in memory when storage cannot be reached at all', () => {
		const { store, notices } = open(undefined);
		store.setStatus('r', [item('a')], 'done');
		expect(store.entry('r', item('a'))?.status).toBe('done');
		expect(notices).toEqual(['unavailable']);
	});

	it('works in memory when reading storage throws (denied access)', () => {
		const storage = new FakeStorage();
		storage.failReads = true;
		const { store, notices } = open(storage);
		store.setStatus('r', [item('a')], 'done');
		store.reload();
		expect(store.entry('r', item('a'))?.status).toBe('done');
		expect(notices).toEqual(['unavailable']);
	});

	it('keeps ticks for the session when writes fail (quota), tells once, and saves when it can', () => {
		const storage = new FakeStorage();
		const { store, notices } = open(storage);
		storage.failWrites = true;
		expect(store.setStatus('r', [item('a')], 'done')).toBe(false);
		store.setStatus('r', [item('b')], 'done');
		expect(store.entry('r', item('a'))?.status).toBe('done');
		expect(notices).toEqual(['unsaved']);
		storage.failWrites = false;
		expect(store.setStatus('r', [item('c')], 'done')).toBe(true);
		expect(Object.keys(storage.ticks().r!)).toEqual(['c']);
	});
});

describe('reset', () => {
	it('forgets one roadmap or all', () => {
		const storage = new FakeStorage();
		const { store } = open(storage);
		store.setStatus('r', [item('a')], 'done');
		store.setStatus('s', [item('a')], 'done');
		expect(store.reset('r').saved).toBe(true);
		expect(storage.ticks()).toEqual({ s: { a: 1000 } });
		store.reset();
		expect(storage.ticks()).toEqual({});
	});
});

describe('export and import', () => {
	const date = new Date('2026-11-21T10:00:00.000Z');

	it('exports a marked, versioned, dated file', () => {
		const roadmaps = { r: { a: { status: 'learning', at: 1, note: 'hi', noteAt: 2 } } } as Roadmaps;
		const file = JSON.parse(exportProgress(roadmaps, date));
		expect(file).toEqual({
			format: EXPORT_FORMAT,
			version: 4,
			exportedAt: date.toISOString(),
			roadmaps,
			plans: {},
			settings: { linkConcepts: true },
		});
	});

	it('carries study plans in version 3, still imports version 2 without them, and refuses a bad plan', () => {
		const roadmaps = { r: { a: { status: 'done', at: 1 } } } as Roadmaps;
		const plan = { start: '2026-11-02', weekdaysOnly: true, perWeek: 5, estimate: 'max', at: 3 };
		const result = parseImport(exportProgress(roadmaps, date, { r: plan as never }));
		expect(result).toMatchObject({ ok: true, roadmaps, plans: { r: plan } });
		const v2 = { format: EXPORT_FORMAT, version: 2, exportedAt: date.toISOString(), roadmaps };
		expect(parseImport(JSON.stringify(v2))).toMatchObject({ ok: true, plans: {} });
		expect(parseImport(JSON.stringify({ ...v2, plans: {} }))).toMatchObject({
			ok: false,
			error: expect.stringContaining('unexpected field "plans"'),
		});
		const bad = { ...v2, version: 3, plans: { r: { ...plan, start: 'soon' } } };
		expect(parseImport(JSON.stringify(bad))).toEqual({
			ok: false,
			error:
				'This file is not a progress export from this site: the plan of "r" has a start "soon" that is not a date. Nothing was changed.',
		});
	});

	it('still imports a version-1 file: each tick as done at its time', () => {
		const result = parseImport(
			JSON.stringify({
				format: EXPORT_FORMAT,
				version: 1,
				exportedAt: '2026-01-01',
				roadmaps: { r: { a: 7 } },
			}),
		);
		expect(result).toMatchObject({ ok: true, roadmaps: { r: { a: { status: 'done', at: 7 } } } });
	});

	it('merges an import as a union, keeps the earliest time and counts what was added', async () => {
		const storage = new FakeStorage({ [KEY]: v1({ r: { a: 50, b: 5 } }) });
		const { store } = await opened(storage);
		expect(store.merge(done({ r: { a: 10, b: 9, c: 3 }, s: { x: 4 } }))).toEqual({
			added: 2,
			saved: true,
			shown: true,
		});
		expect(storage.ticks()).toEqual({ r: { a: 10, b: 5, c: 3 }, s: { x: 4 } });
	});

	it('imports all or nothing: storage filling up halfway leaves storage and page as they were', () => {
		const storage = new FakeStorage();
		const { store, notices } = open(storage);
		store.setStatus('r', [item('kept')], 'done');
		const before = new Map(storage.data);
		const twenty = done({
			r: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`i${i}`, i + 1])),
		});
		storage.writesLeft = 12;
		expect(store.merge(twenty)).toEqual({ added: 20, saved: false, shown: false });
		expect(storage.data).toEqual(before);
		expect(Object.keys(store.roadmaps.r ?? {})).toEqual(['kept']);
		expect(notices).toEqual(['unsaved']);
		// With room again, the same import saves everything.
		storage.writesLeft = undefined;
		expect(store.merge(twenty)).toEqual({ added: 20, saved: true, shown: true });
		expect(Object.keys(open(storage).store.roadmaps.r!)).toHaveLength(21);
	});

	it('rolls back the file’s setting with its entries, and the marker of a new learner', () => {
		const storage = new FakeStorage();
		const { store } = open(storage);
		storage.writesLeft = 2;
		const result = store.merge(done({ r: { a: 1, b: 2, c: 3 } }), { linkConcepts: false });
		expect(result.saved).toBe(false);
		expect(storage.data.size).toBe(0);
		expect(store.settings.linkConcepts).toBe(true);
	});

	it('merges in memory only where storage is unavailable, and says it shows on this page', () => {
		const { store } = open(undefined);
		expect(store.merge(done({ r: { a: 1 } }))).toEqual({ added: 1, saved: false, shown: true });
		expect(store.entry('r', item('a'))?.status).toBe('done');
	});

	it('quotes a huge bad value as a short excerpt', () => {
		const id = `${'a'.repeat(5_000_000)}!`;
		const result = parseImport(
			JSON.stringify({
				format: EXPORT_FORMAT,
				version: 1,
				exportedAt: '2026-01-01',
				roadmaps: { r: { [id]: 1 } },
			}),
		);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.error.length).toBeLessThan(200);
			expect(result.error).toContain('(5000001 characters)');
		}
		expect(quote('short')).toBe('"short"');
	});

	it('refuses a file without a version, saying so', () => {
		const result = parseImport(
			JSON.stringify({ format: EXPORT_FORMAT, exportedAt: '2026-01-01', roadmaps: {} }),
		);
		expect(result).toEqual({
			ok: false,
			error:
				'This file is not a progress export from this site: it has no "version" field. Nothing was changed.',
		});
	});

	it.each([
		['', 'not valid JSON'],
		['[]', 'no "format"'],
		['{"format":"something-else","version":1}', 'no "format"'],
		[
			`{"format":"${EXPORT_FORMAT}","version":9,"exportedAt":"2026-01-01","roadmaps":{}}`,
			'newer version',
		],
		[
			`{"format":"${EXPORT_FORMAT}","version":"1","exportedAt":"2026-01-01","roadmaps":{}}`,
			'unknown version',
		],
		[`{"format":"${EXPORT_FORMAT}","version":1,"exportedAt":"soon","roadmaps":{}}`, '"exportedAt"'],
		[
			`{"format":"${EXPORT_FORMAT}","version":1,"exportedAt":"2026-01-01","roadmaps":{},"x":1}`,
			'unexpected field "x"',
		],
		[
			`{"format":"${EXPORT_FORMAT}","version":1,"exportedAt":"2026-01-01","roadmaps":{"R":{}}}`,
			'"R" is not a roadmap id',
		],
		[
			`{"format":"${EXPORT_FORMAT}","version":1,"exportedAt":"2026-01-01","roadmaps":{"r":{"a":-1}}}`,
			'invalid tick time',
		],
		[
			`{"format":"${EXPORT_FORMAT}","version":1,"exportedAt":"2026-01-01","roadmaps":{"r":{"a b":1}}}`,
			'not an item id',
		],
	])('refuses %s with a clear reason', (text, reason) => {
		const result = parseImport(text);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.error).toContain(reason);
			expect(result.error).toMatch(
				/^This file is not a progress export from this site: .*Nothing was changed\.$/,
			);
		}
	});
});

describe('import parser (property-based)', () => {
	const id = fc.oneof(
		fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
		fc.constantFrom('constructor', 'to-string', 'day-1', 'has-own-property'),
	);
	const entry = fc.oneof(
		fc.record({ status: fc.constantFrom('done', 'learning', 'skipped'), at: fc.nat() }),
		fc.record({
			status: fc.constantFrom('open', 'done', 'learning', 'skipped'),
			at: fc.nat(),
			note: fc.string({ minLength: 1 }),
			noteAt: fc.nat(),
		}),
	);
	const roadmaps = fc.dictionary(id, fc.dictionary(id, entry), {
		maxKeys: 4,
	}) as fc.Arbitrary<Roadmaps>;
	const date = fc.date({
		min: new Date('2000-01-01'),
		max: new Date('2100-01-01'),
		noInvalidDate: true,
	});

	it('never throws on arbitrary text or JSON, and accepts only marked version-1 or 2 exports', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.json(),
					fc.jsonValue().map((v) => JSON.stringify({ format: EXPORT_FORMAT, ...Object(v) })),
				),
				(text) => {
					const result = parseImport(text);
					if (result.ok) {
						const value = JSON.parse(text);
						expect(value.format).toBe(EXPORT_FORMAT);
						expect([1, 2]).toContain(value.version);
					} else {
						expect(result.error).toMatch(/Nothing was changed\.$/);
					}
				},
			),
		);
	});

	it('round-trips: parsing an export gives back exactly the entries and the date', () => {
		fc.assert(
			fc.property(roadmaps, date, (ticks, when) => {
				const result = parseImport(exportProgress(ticks, when));
				expect(result).toEqual({
					ok: true,
					roadmaps: ticks,
					plans: {},
					settings: { linkConcepts: true },
					exportedAt: when.toISOString(),
				});
			}),
		);
	});

	it('refuses a valid export with any one field broken', () => {
		const breakers: ((file: Record<string, unknown>) => void)[] = [
			(file) => delete file.format,
			(file) => delete file.roadmaps,
			(file) => (file.version = 5),
			(file) => (file.settings = { linkConcepts: 1 }),
			(file) => (file.settings = { linkConcepts: true, other: 1 }),
			(file) => (file.plans = { r: { start: '2026-11-02' } }),
			(file) => (file.plans = []),
			(file) => (file.roadmaps = { r: { a: { status: 'finished', at: 1 } } }),
			(file) => (file.roadmaps = { r: { a: { status: 'done', at: 1, note: 'x' } } }),
			(file) => (file.roadmaps = { r: { a: { status: 'done', at: 1, extra: 1 } } }),
			(file) => (file.exportedAt = 12),
			(file) => (file.roadmaps = { r: { 'Bad Id': 1 } }),
			(file) => (file.roadmaps = { r: { a: { status: 'done', at: 1.5 } } }),
			(file) => (file.roadmaps = { r: [] }),
		];
		fc.assert(
			fc.property(roadmaps, date, fc.constantFrom(...breakers), (ticks, when, breakIt) => {
				const file = JSON.parse(exportProgress(ticks, when));
				breakIt(file);
				expect(parseImport(JSON.stringify(file)).ok).toBe(false);
			}),
		);
	});
});

describe('reading what the page shows', () => {
	it('reads only the keys in its scope, whatever else is stored, and follows only those', () => {
		const storage = new FakeStorage({ [KEY]: '{"version":2}' });
		for (let i = 0; i < 50; i++)
			storage.data.set(itemKey(KEY, 'other', `x${i}`), '{"status":"done","at":5}');
		storage.data.set(itemKey(KEY, 'r', 'a'), '{"status":"done","at":5}');
		storage.data.set(itemKey(KEY, 'r', 'old-b'), '{"status":"learning","at":6}');
		let reads = 0;
		const getItem = storage.getItem.bind(storage);
		storage.getItem = (key: string) => (reads++, getItem(key));
		const store = new ManagedProgressStore(
			storage,
			KEY,
			() => {},
			() => 1000,
			['r/a', 'r/b', 'r/old-b'],
		);
		expect(Object.keys(store.roadmaps)).toEqual(['r']);
		expect(store.entry('r', item('b', 'old-b'))?.status).toBe('learning');
		// The first key, the settings and the three scoped keys: nothing of the 50 others.
		expect(reads).toBe(5);
		store.applyChange(itemKey(KEY, 'other', 'x1'), '{"status":"done","at":9}');
		expect(store.roadmaps.other).toBeUndefined();
		store.applyChange(itemKey(KEY, 'r', 'b'), '{"status":"done","at":9}');
		expect(store.entry('r', item('b'))?.status).toBe('done');
	});
});
