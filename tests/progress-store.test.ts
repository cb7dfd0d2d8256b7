import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	EXPORT_FORMAT,
	ProgressStore,
	countDone,
	exportProgress,
	parseImport,
	storageKey,
	type Notice,
	type Roadmaps,
	type StorageLike,
} from '../src/progress/store';

const KEY = storageKey('/');

/** A Map-backed storage that can be told to throw on reads or writes, like a real browser's. */
class FakeStorage implements StorageLike {
	data = new Map<string, string>();
	failReads = false;
	failWrites = false;
	constructor(initial: Record<string, string> = {}) {
		for (const [key, value] of Object.entries(initial)) this.data.set(key, value);
	}
	getItem(key: string) {
		if (this.failReads) throw new DOMException('The operation is insecure.', 'SecurityError');
		return this.data.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.failWrites) throw new DOMException('Quota exceeded', 'QuotaExceededError');
		this.data.set(key, value);
	}
	removeItem(key: string) {
		this.data.delete(key);
	}
	stored() {
		return JSON.parse(this.data.get(KEY) ?? 'null');
	}
}

const item = (id: string, ...aliases: string[]) => ({ id, aliases });
const open = (storage: StorageLike | undefined) => {
	const notices: Notice[] = [];
	const store = new ProgressStore(
		storage,
		KEY,
		(notice) => notices.push(notice),
		() => 1000,
	);
	return { store, notices };
};

describe('storage key', () => {
	it('is namespaced by the base path, with or without slashes', () => {
		expect(storageKey('/')).toBe('backend-roadmaps:progress:/');
		expect(storageKey('/docs')).toBe(storageKey('/docs/'));
		expect(storageKey('/docs/')).not.toBe(storageKey('/'));
	});
});

describe('ticks', () => {
	it('persist and reload in a new store', () => {
		const storage = new FakeStorage();
		open(storage).store.set('express-senior', item('routing'), true);
		expect(storage.stored()).toEqual({
			version: 1,
			roadmaps: { 'express-senior': { routing: 1000 } },
		});
		const { store, notices } = open(storage);
		expect(store.isTicked('express-senior', item('routing'))).toBe(true);
		expect(store.isTicked('node-express-mongodb', item('routing'))).toBe(false);
		store.set('express-senior', item('routing'), false);
		expect(storage.stored().roadmaps['express-senior']).toEqual({});
		expect(notices).toEqual([]);
	});

	it('treat ids that are Object.prototype names as plain ids', () => {
		const { store } = open(new FakeStorage());
		expect(store.isTicked('constructor', item('to-string'))).toBe(false);
		store.set('constructor', item('constructor'), true);
		expect(store.isTicked('constructor', item('constructor'))).toBe(true);
	});

	it('count per chapter, phase or roadmap from lists of items with aliases', () => {
		const storage = new FakeStorage({
			[KEY]: JSON.stringify({ version: 1, roadmaps: { r: { a: 1, 'old-b': 2, gone: 3 } } }),
		});
		const { store } = open(storage);
		const chapter1 = [item('a'), item('b', 'old-b')];
		const chapter2 = [item('c')];
		expect(countDone(store.roadmaps, 'r', chapter1)).toBe(2);
		expect(countDone(store.roadmaps, 'r', chapter2)).toBe(0);
		expect(countDone(store.roadmaps, 'r', [...chapter1, ...chapter2])).toBe(2);
		expect(countDone(store.roadmaps, 'other', chapter1)).toBe(0);
	});
});

describe('aliases', () => {
	it('a tick under an alias counts and moves to the new id; unknown ids are kept', () => {
		const storage = new FakeStorage({
			[KEY]: JSON.stringify({
				version: 1,
				roadmaps: { r: { 'old-routing': 5, 'removed-item': 7 } },
			}),
		});
		const { store } = open(storage);
		const routing = item('routing', 'old-routing', 'older-routing');
		expect(store.isTicked('r', routing)).toBe(true);
		store.adoptAliases('r', [routing]);
		expect(storage.stored().roadmaps.r).toEqual({ routing: 5, 'removed-item': 7 });
	});

	it('unticking an item clears its aliases too, so the tick does not come back', () => {
		const storage = new FakeStorage({
			[KEY]: JSON.stringify({ version: 1, roadmaps: { r: { old: 5 } } }),
		});
		const { store } = open(storage);
		store.set('r', item('new', 'old'), false);
		expect(open(storage).store.isTicked('r', item('new', 'old'))).toBe(false);
	});
});

describe('migration', () => {
	it('migrates version 0 (ticked ids per roadmap, no times) to version 1, keeping every tick', () => {
		const storage = new FakeStorage({ [KEY]: JSON.stringify({ r: ['a', 'b'], s: [] }) });
		const { store, notices } = open(storage);
		expect(store.isTicked('r', item('a'))).toBe(true);
		expect(storage.stored()).toEqual({ version: 1, roadmaps: { r: { a: 0, b: 0 }, s: {} } });
		expect(notices).toEqual([]);
	});

	it('never overwrites data from a future version; works in memory and says so once', () => {
		const future = JSON.stringify({ version: 2, roadmaps: { r: { a: 1 } }, notes: {} });
		const storage = new FakeStorage({ [KEY]: future });
		const { store, notices } = open(storage);
		expect(store.isTicked('r', item('a'))).toBe(true);
		store.set('r', item('b'), true);
		store.set('r', item('c'), true);
		expect(store.isTicked('r', item('b'))).toBe(true);
		expect(storage.data.get(KEY)).toBe(future);
		expect(notices).toEqual(['future']);
	});
});

describe('bad storage', () => {
	it('keeps corrupted JSON aside under a backup key and starts a fresh record', () => {
		const storage = new FakeStorage({ [KEY]: '{"version":1,"roadmaps":' });
		const { store, notices } = open(storage);
		expect(notices).toEqual(['corrupted']);
		expect(store.backupKey).toBe(`${KEY}:corrupted:1000`);
		expect(storage.data.get(store.backupKey!)).toBe('{"version":1,"roadmaps":');
		store.set('r', item('a'), true);
		expect(storage.stored().roadmaps.r).toEqual({ a: 1000 });
	});

	it('treats valid JSON of the wrong shape as corrupted, not as empty', () => {
		const storage = new FakeStorage({ [KEY]: '{"version":1,"roadmaps":{"r":{"a":"yes"}}}' });
		const { store, notices } = open(storage);
		expect(notices).toEqual(['corrupted']);
		expect(storage.data.get(store.backupKey!)).toContain('"yes"');
	});

	it('leaves corrupted data in place when even the backup cannot be written', () => {
		const storage = new FakeStorage({ [KEY]: 'not json' });
		storage.failWrites = true;
		const { store } = open(storage);
		store.set('r', item('a'), true);
		expect(store.isTicked('r', item('a'))).toBe(true);
		expect(storage.data.get(KEY)).toBe('not json');
	});

	it('works in memory when storage cannot be reached at all', () => {
		const { store, notices } = open(undefined);
		store.set('r', item('a'), true);
		expect(store.isTicked('r', item('a'))).toBe(true);
		expect(notices).toEqual(['unavailable']);
	});

	it('works in memory when reading storage throws (denied access)', () => {
		const storage = new FakeStorage();
		storage.failReads = true;
		const { store, notices } = open(storage);
		store.set('r', item('a'), true);
		store.reload();
		expect(store.isTicked('r', item('a'))).toBe(true);
		expect(notices).toEqual(['unavailable']);
	});

	it('keeps ticks for the session when writes fail (quota), tells once, and saves when it can', () => {
		const storage = new FakeStorage();
		const { store, notices } = open(storage);
		storage.failWrites = true;
		store.set('r', item('a'), true);
		store.set('r', item('b'), true);
		expect(store.isTicked('r', item('a'))).toBe(true);
		expect(notices).toEqual(['unsaved']);
		storage.failWrites = false;
		store.set('r', item('c'), true);
		expect(Object.keys(storage.stored().roadmaps.r)).toEqual(['a', 'b', 'c']);
	});
});

describe('reset', () => {
	it('forgets one roadmap or all', () => {
		const storage = new FakeStorage();
		const { store } = open(storage);
		store.set('r', item('a'), true);
		store.set('s', item('a'), true);
		store.reset('r');
		expect(storage.stored().roadmaps).toEqual({ s: { a: 1000 } });
		store.reset();
		expect(storage.stored().roadmaps).toEqual({});
	});
});

describe('export and import', () => {
	const date = new Date('2026-11-21T10:00:00.000Z');

	it('exports a marked, versioned, dated file', () => {
		const file = JSON.parse(exportProgress({ r: { a: 1 } }, date));
		expect(file).toEqual({
			format: EXPORT_FORMAT,
			version: 1,
			exportedAt: date.toISOString(),
			roadmaps: { r: { a: 1 } },
		});
	});

	it('merges an import as a union, keeps the earliest time and counts what was added', () => {
		const storage = new FakeStorage({
			[KEY]: JSON.stringify({ version: 1, roadmaps: { r: { a: 50, b: 5 } } }),
		});
		const { store } = open(storage);
		const added = store.merge({ r: { a: 10, b: 9, c: 3 }, s: { x: 4 } });
		expect(added).toBe(2);
		expect(storage.stored().roadmaps).toEqual({ r: { a: 10, b: 5, c: 3 }, s: { x: 4 } });
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
	const roadmaps: fc.Arbitrary<Roadmaps> = fc.dictionary(id, fc.dictionary(id, fc.nat()), {
		maxKeys: 4,
	});
	const date = fc.date({
		min: new Date('2000-01-01'),
		max: new Date('2100-01-01'),
		noInvalidDate: true,
	});

	it('never throws on arbitrary text or JSON, and accepts only marked version-1 exports', () => {
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
						expect(value.version).toBe(1);
					} else {
						expect(result.error).toMatch(/Nothing was changed\.$/);
					}
				},
			),
		);
	});

	it('round-trips: parsing an export gives back exactly the ticks and the date', () => {
		fc.assert(
			fc.property(roadmaps, date, (ticks, when) => {
				const result = parseImport(exportProgress(ticks, when));
				expect(result).toEqual({ ok: true, roadmaps: ticks, exportedAt: when.toISOString() });
			}),
		);
	});

	it('refuses a valid export with any one field broken', () => {
		const breakers: ((file: Record<string, unknown>) => void)[] = [
			(file) => delete file.format,
			(file) => delete file.roadmaps,
			(file) => (file.version = 2),
			(file) => (file.exportedAt = 12),
			(file) => (file.roadmaps = { r: { 'Bad Id': 1 } }),
			(file) => (file.roadmaps = { r: { a: 1.5 } }),
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
