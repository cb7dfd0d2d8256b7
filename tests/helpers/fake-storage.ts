import { storageKey } from '../../src/progress/layout.ts';
import { type StorageLike } from '../../src/progress/store.ts';

/**
 * A Map-backed storage that can be told to throw on reads or writes, like a real browser's.
 * Several stores may share one, as tabs share localStorage.
 */
export class FakeStorage implements StorageLike {
	data = new Map<string, string>();
	failReads = false;
	failWrites = false;
	/** How many more `setItem` calls succeed before storage is full (`undefined`: no limit). */
	writesLeft: number | undefined;
	/** The store's key, under which `ticks()` reads item keys. */
	storeKey = storageKey('/');
	constructor(initial: Record<string, string> = {}) {
		for (const [key, value] of Object.entries(initial)) this.data.set(key, value);
	}
	get length() {
		if (this.failReads) throw new DOMException('The operation is insecure.', 'SecurityError');
		return this.data.size;
	}
	key(index: number) {
		return [...this.data.keys()][index] ?? null;
	}
	getItem(key: string) {
		if (this.failReads) throw new DOMException('The operation is insecure.', 'SecurityError');
		return this.data.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.failWrites || this.writesLeft === 0)
			throw new DOMException('Quota exceeded', 'QuotaExceededError');
		if (this.writesLeft !== undefined) this.writesLeft--;
		this.data.set(key, value);
	}
	removeItem(key: string) {
		this.data.delete(key);
	}
	/** Ticks as stored, one key per item: `{ roadmap: { id: at } }`. */
	ticks() {
		const ticks: Record<string, Record<string, number>> = {};
		for (const [key, value] of this.data) {
			if (!key.startsWith(`${this.storeKey}#`)) continue;
			const [roadmap, id] = key.slice(this.storeKey.length + 1).split('/') as [string, string];
			(ticks[roadmap] ??= {})[id] = JSON.parse(value).at;
		}
		return ticks;
	}
}
