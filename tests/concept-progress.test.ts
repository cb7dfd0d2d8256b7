import { ManagedProgressStore } from '../src/progress/manage';
import { describe, expect, it } from 'vitest';
import { isHandled } from '../src/plan/schedule';
import { activity } from '../src/progress/activity';
import { dayOf } from '../src/progress/dates';
import { exportProgress, parseImport } from '../src/progress/file';
import { type StorageLike } from '../src/progress/store';
import { itemKey, storageKey } from '../src/progress/layout';
import { decodeTransfer, encodeTransfer, type ItemLists } from '../src/progress/transfer';
import { FakeStorage } from './helpers/fake-storage';

/**
 * Concepts in the store (issue 24): a status or note set on one member is set on every member,
 * in every roadmap; copies say where they were set (`via`); old progress is reconciled; two tabs
 * lose nothing; activity counts a concept once; the linking setting is stored and travels.
 */

const KEY = storageKey('/');
/** JWT in three roadmaps, and a concept of two. */
const CONCEPTS = [
	['a/jwt', 'b/jwt-auth', 'c/day-63'],
	['a/docker', 'b/containers'],
];
const item = (id: string) => ({ id, aliases: [] });
const open = (storage: StorageLike, now: () => number = () => 1000) => {
	const store = new ManagedProgressStore(storage, KEY, () => {}, now);
	store.link(CONCEPTS);
	return store;
};
const stored = (storage: FakeStorage, roadmap: string, id: string) => {
	const raw = storage.getItem(itemKey(KEY, roadmap, id));
	return raw === null ? undefined : JSON.parse(raw);
};

describe('one status, everywhere', () => {
	it('a status set on a member is stored on every member; copies name the roadmap it was set in', () => {
		const storage = new FakeStorage();
		const store = open(storage);
		store.setStatus('b', [item('jwt-auth')], 'done');
		expect(stored(storage, 'b', 'jwt-auth')).toEqual({ status: 'done', at: 1000 });
		expect(stored(storage, 'a', 'jwt')).toEqual({ status: 'done', at: 1000, via: 'b' });
		expect(stored(storage, 'c', 'day-63')).toEqual({ status: 'done', at: 1000, via: 'b' });
		expect(stored(storage, 'a', 'docker')).toBeUndefined();
		// Another page (another tab) reads it on every member.
		const other = open(storage);
		expect(other.entry('c', item('day-63'))?.status).toBe('done');
	});

	it('a note on one member is the note of every member', () => {
		const storage = new FakeStorage();
		const store = open(storage, () => 2000);
		store.setStatus('a', [item('docker')], 'learning');
		store.setNote('b', item('containers'), 'docker compose up');
		expect(stored(storage, 'a', 'docker')).toMatchObject({
			status: 'learning',
			note: 'docker compose up',
			via: 'b',
		});
		expect(stored(storage, 'b', 'containers')).toMatchObject({ note: 'docker compose up' });
		expect(stored(storage, 'b', 'containers').via).toBeUndefined();
	});

	it('clearing a member clears every member, dated, so an older tick elsewhere cannot return', () => {
		let now = 1000;
		const storage = new FakeStorage();
		const store = open(storage, () => now);
		store.setStatus('a', [item('jwt')], 'done');
		now = 3000;
		store.setStatus('c', [item('day-63')], 'open');
		for (const [roadmap, id] of [
			['a', 'jwt'],
			['b', 'jwt-auth'],
			['c', 'day-63'],
		] as const)
			expect(open(storage).entry(roadmap, item(id))?.status ?? 'open').toBe('open');
		expect(stored(storage, 'c', 'day-63')).toEqual({ status: 'open', at: 3000 });
	});

	it('two tabs writing two members of one concept at once lose nothing', () => {
		const storage = new FakeStorage();
		let now = 1000;
		// Both tabs loaded before either wrote; each writes without having seen the other.
		const tabA = open(storage, () => now);
		const tabB = open(storage, () => now);
		now = 1000;
		tabA.setStatus('a', [item('jwt')], 'done');
		tabA.setNote('a', item('docker'), 'from A');
		now = 2000;
		tabB.setStatus('b', [item('jwt-auth')], 'learning');
		tabB.setNote('b', item('containers'), 'from B');
		// A page opened next reconciles: the later status wins everywhere, both notes are kept.
		const next = open(storage);
		for (const [roadmap, id] of [
			['a', 'jwt'],
			['b', 'jwt-auth'],
			['c', 'day-63'],
		] as const)
			expect(next.entry(roadmap, item(id))?.status).toBe('learning');
		expect(next.entry('a', item('docker'))?.note).toBe('from A\n\nfrom B');
		expect(next.entry('b', item('containers'))?.note).toBe('from A\n\nfrom B');
	});

	it('progress stored before concepts is reconciled on first load: the latest status wins, notes merge', () => {
		const storage = new FakeStorage({
			[KEY]: JSON.stringify({ version: 2 }),
			[itemKey(KEY, 'a', 'jwt')]: JSON.stringify({ status: 'done', at: 500 }),
			[itemKey(KEY, 'b', 'jwt-auth')]: JSON.stringify({
				status: 'learning',
				at: 900,
				note: 'refresh tokens',
				noteAt: 900,
			}),
			[itemKey(KEY, 'c', 'day-63')]: JSON.stringify({
				status: 'done',
				at: 300,
				note: 'login route',
				noteAt: 300,
			}),
		});
		open(storage);
		const merged = {
			status: 'learning',
			at: 900,
			note: 'login route\n\nrefresh tokens',
			noteAt: 900,
		};
		expect(stored(storage, 'b', 'jwt-auth')).toEqual(merged);
		expect(stored(storage, 'a', 'jwt')).toEqual({ ...merged, via: 'b' });
		expect(stored(storage, 'c', 'day-63')).toEqual({ ...merged, via: 'b' });
		// A second load changes nothing: reconciling is idempotent.
		const before = JSON.stringify([...storage.data]);
		open(storage);
		expect(JSON.stringify([...storage.data])).toBe(before);
	});

	it('the planner counts a shared item done or skipped in another roadmap as handled', () => {
		const store = open(new FakeStorage());
		expect(isHandled(store.entry('c', item('day-63')))).toBe(false);
		store.setStatus('b', [item('jwt-auth')], 'skipped');
		expect(isHandled(store.entry('c', item('day-63')))).toBe(true);
		store.setStatus('a', [item('jwt')], 'learning');
		expect(isHandled(store.entry('c', item('day-63')))).toBe(false);
	});

	it('activity counts a concept once on its day, not once per member', () => {
		const storage = new FakeStorage();
		const at = new Date(2026, 10, 24, 10).getTime();
		const store = open(storage, () => at);
		store.setStatus('a', [item('jwt')], 'done');
		store.setStatus('b', [item('containers')], 'done');
		const today = dayOf(at);
		const { total, counts } = activity(store.roadmaps, today);
		expect(total).toBe(2);
		expect(counts.at(-1)).toBe(2);
	});
});

describe('reset and linking', () => {
	it('a reset names the shared items it would also clear, and clears or keeps them everywhere', () => {
		const storage = new FakeStorage();
		const store = open(storage);
		store.setStatus('a', [item('jwt'), item('routing')], 'done');
		expect(store.shared('a')).toEqual(['jwt']);
		expect(store.shared('b')).toEqual(['jwt-auth']);

		const kept = store.reset('a', { keepShared: true });
		expect(Object.keys(kept.removed.a!)).toEqual(['routing']);
		expect(store.entry('a', item('jwt'))?.status).toBe('done');
		expect(store.entry('b', item('jwt-auth'))?.status).toBe('done');

		const cleared = store.reset('a');
		expect(Object.keys(cleared.removed)).toEqual(['a', 'b', 'c']);
		for (const [roadmap, id] of [
			['a', 'jwt'],
			['b', 'jwt-auth'],
			['c', 'day-63'],
		] as const)
			expect(open(storage).entry(roadmap, item(id))).toBeUndefined();
		// Undo brings every member back.
		store.merge(cleared.removed);
		expect(open(storage).entry('c', item('day-63'))?.status).toBe('done');
	});

	it('with linking off a tick stays in its roadmap; the setting is stored, and on again reconciles', () => {
		const storage = new FakeStorage();
		let now = 1000;
		const store = open(storage, () => now);
		expect(store.setLinking(false)).toBe(true);
		store.setStatus('a', [item('jwt')], 'done');
		expect(stored(storage, 'b', 'jwt-auth')).toBeUndefined();
		const later = open(storage);
		expect(later.settings.linkConcepts).toBe(false);
		expect(later.entry('b', item('jwt-auth'))).toBeUndefined();
		expect(later.shared('a')).toEqual([]);
		now = 2000;
		later.setLinking(true);
		expect(stored(storage, 'b', 'jwt-auth')).toEqual({ status: 'done', at: 1000, via: 'a' });
	});

	it('another tab turning linking off is followed', () => {
		const storage = new FakeStorage();
		const tab = open(storage);
		const other = open(storage);
		other.setLinking(false);
		tab.applyChange(other.settingsKey, storage.getItem(other.settingsKey));
		expect(tab.settings.linkConcepts).toBe(false);
	});
});

describe('the export file and the setting', () => {
	it('round-trips entries with via and the setting, on and off', () => {
		for (const linkConcepts of [true, false]) {
			const storage = new FakeStorage();
			const store = open(storage);
			store.setStatus('a', [item('jwt')], 'done');
			const text = exportProgress(store.roadmaps, new Date(5000), {}, { linkConcepts });
			const parsed = parseImport(text);
			expect(parsed).toMatchObject({ ok: true, settings: { linkConcepts } });
			if (!parsed.ok) continue;
			const elsewhere = open(new FakeStorage());
			elsewhere.merge(parsed.roadmaps);
			expect(elsewhere.entry('c', item('day-63'))).toEqual({ status: 'done', at: 1000, via: 'a' });
		}
	});

	it('imports a version-3 file from before concepts, and reconciles it', () => {
		const file = JSON.stringify({
			format: 'backend-roadmaps-progress',
			version: 3,
			exportedAt: new Date(0).toISOString(),
			roadmaps: { a: { jwt: { status: 'done', at: 700 } } },
			plans: {},
		});
		const parsed = parseImport(file);
		expect(parsed.ok && parsed.settings).toBe(undefined);
		const store = open(new FakeStorage());
		if (parsed.ok) store.merge(parsed.roadmaps);
		expect(store.entry('b', item('jwt-auth'))).toEqual({ status: 'done', at: 700, via: 'a' });
	});

	it('refuses damaged settings and a bad via, changing nothing', () => {
		const base = {
			format: 'backend-roadmaps-progress',
			version: 4,
			exportedAt: new Date(0).toISOString(),
			roadmaps: {},
			plans: {},
		};
		expect(
			parseImport(JSON.stringify({ ...base, settings: { linkConcepts: 'no' } })),
		).toMatchObject({
			ok: false,
			error: expect.stringContaining('"settings"'),
		});
		expect(
			parseImport(
				JSON.stringify({
					...base,
					roadmaps: { a: { jwt: { status: 'done', at: 1, via: 'Not A Roadmap' } } },
				}),
			),
		).toMatchObject({ ok: false, error: expect.stringContaining('"via"') });
	});
});

describe('the transfer link and concepts', () => {
	const LISTS: ItemLists = {
		a: [item('jwt'), item('docker'), item('routing')],
		b: [item('jwt-auth'), item('containers')],
		c: [item('day-63')],
	};
	it('a link made on one device is linked on the other when linking is on there, and not when off', async () => {
		const sender = open(new FakeStorage(), () => 4000);
		sender.setStatus('a', [item('jwt')], 'learning');
		sender.setNote('a', item('jwt'), 'rotate keys');
		const { fragment } = await encodeTransfer(sender.roadmaps, LISTS, 5000);
		for (const linkConcepts of [true, false]) {
			const decoded = await decodeTransfer(fragment, LISTS);
			expect(decoded.ok).toBe(true);
			if (!decoded.ok) continue;
			const receiver = open(new FakeStorage());
			receiver.setLinking(linkConcepts);
			// Statuses travel for every member; the note once, with the original, and it reaches the
			// copies where the receiver links them.
			receiver.merge(decoded.roadmaps);
			expect(receiver.entry('a', item('jwt'))).toMatchObject({
				status: 'learning',
				note: 'rotate keys',
			});
			expect(receiver.entry('c', item('day-63'))?.status).toBe('learning');
			expect(receiver.entry('c', item('day-63'))?.note).toBe(
				linkConcepts ? 'rotate keys' : undefined,
			);
			// A change after it follows the receiver's setting.
			receiver.setStatus('a', [item('jwt')], 'done');
			expect(receiver.entry('c', item('day-63'))?.status).toBe(linkConcepts ? 'done' : 'learning');
		}
	});
});
