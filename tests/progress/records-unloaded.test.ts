import { describe, expect, it, vi } from 'vitest';
import { storageKey } from '../../src/progress/layout';
import { ManagedProgressStore } from '../../src/progress/manage';
import type { Notice } from '../../src/progress/store';
import { FakeStorage } from '../helpers/fake-storage';

/**
 * A first key in another layout is read by records.ts, which the store loads only then. Should it
 * fail to load (offline before the site was cached), the data is left alone and nothing is saved.
 */
vi.mock('../../src/progress/records.ts', () => {
	throw new Error('Failed to fetch dynamically imported module');
});

const KEY = storageKey('/');
const v1 = JSON.stringify({ version: 1, roadmaps: { r: { a: 5 } } });

describe('when the reader of other layouts cannot load', () => {
	it('leaves the old record alone, saves nothing, refuses an import and says so', async () => {
		const storage = new FakeStorage({ [KEY]: v1 });
		const notices: Notice[] = [];
		const store = new ManagedProgressStore(storage, KEY, (notice) => notices.push(notice));
		await store.pending;
		expect(notices).toEqual(['unloaded']);
		expect(store.notSaving).toBe('unloaded');
		expect(store.setStatus('r', [{ id: 'b', aliases: [] }], 'done')).toBe(false);
		expect(store.merge({ r: { c: { status: 'done', at: 1 } } })).toEqual({
			added: 0,
			saved: false,
			shown: false,
		});
		expect([...storage.data]).toEqual([[KEY, v1]]);
	});
});
