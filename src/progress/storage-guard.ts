import { minifySync } from 'vite';

/**
 * A tiny static script, first in every page's `<head>` (astro.config.mjs, Starlight `head`), so
 * that no state of the browser's storage can break a page:
 * - when reading `localStorage` throws (storage blocked by the browser or a policy), it puts an
 *   in-memory Storage in its place, so Starlight's theme script, which reads `localStorage`
 *   unguarded, keeps working; it marks `<html data-storage="memory">` so the progress binding
 *   knows nothing is saved and tells the learner;
 * - a stored theme other than Starlight's values (`light`, `dark`, `auto` or empty) is removed,
 *   because Starlight's theme script builds a selector from it and throws on every page;
 * - a failing write (storage full) of a key that is not ours is absorbed, because Starlight saves
 *   the theme on every load; the theme still changes for the page. Our own keys still throw, so
 *   the progress store can tell the learner their ticks were not saved.
 *
 * Written as a function so it is type-checked and linted like the rest of the site; it must not
 * use anything from outside its body, because it runs as the page's text
 * (`STORAGE_GUARD_SCRIPT`), before any module.
 */
export function storageGuard(): void {
	try {
		void localStorage.length;
	} catch {
		try {
			const memory = new Map<string, string>();
			const storage: Storage = {
				get length() {
					return memory.size;
				},
				key: (index) => [...memory.keys()][index] ?? null,
				getItem: (key) => memory.get(key) ?? null,
				setItem: (key, value) => void memory.set(String(key), String(value)),
				removeItem: (key) => void memory.delete(String(key)),
				clear: () => memory.clear(),
			};
			Object.defineProperty(window, 'localStorage', { configurable: true, value: storage });
			document.documentElement.dataset.storage = 'memory';
		} catch {
			// Nothing more can be done: Starlight's own script will fail as it would have.
		}
	}
	try {
		const theme = localStorage.getItem('starlight-theme');
		if (theme && !/^(light|dark|auto)$/.test(theme)) localStorage.removeItem('starlight-theme');
	} catch {
		// Storage that throws here was replaced above, or cannot be.
	}
	try {
		const write = Storage.prototype.setItem;
		Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
			try {
				write.call(this, key, value);
			} catch (error) {
				if (String(key).startsWith('backend-roadmaps:')) throw error;
			}
		};
	} catch {
		// No Storage prototype to patch: nothing to absorb.
	}
}

/**
 * The guard as static text for the page's `<head>`: the function's own source, called, and
 * minified. Static, so a CSP hash covers it.
 */
export const STORAGE_GUARD_SCRIPT = minifySync(
	'storage-guard.js',
	`(${storageGuard.toString()})();`,
	{
		compress: true,
		mangle: true,
	},
).code.trim();
