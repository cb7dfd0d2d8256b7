/**
 * `<offline-save data-roadmap="…">` on a roadmap's landing page (src/components/OfflineSave.astro):
 * "Save this roadmap for offline". It shows only when the service worker runs in `shell` mode, on
 * a site too large to precache whole after one visit (src/offline/service-worker.js). It says how
 * much the roadmap's pack takes before it starts (`packPath`, src/offline/paths.ts, written by the
 * build), downloads it into the worker's cache with a progress bar, marks it saved, and can remove
 * it again. A save either completes, or removes what it added and says why.
 */
import type { Pack, SharedPack } from './precache.ts';
import { OFFLINE_PATHS, packPath, savedPath } from './paths.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const savedKey = (roadmap: string) => `${base}${savedPath(roadmap)}`;
/** Downloads at a time: enough to keep the connection busy, few enough to show progress. */
const AT_ONCE = 6;

interface Worker {
	mode: 'whole' | 'shell';
	cache: string;
}

/** Asks the active worker for its mode and cache name. */
async function askWorker(): Promise<Worker | undefined> {
	const registration = await navigator.serviceWorker.ready;
	const active = registration.active;
	if (!active) return undefined;
	return new Promise((resolve) => {
		navigator.serviceWorker.addEventListener('message', (event) => resolve(event.data as Worker), {
			once: true,
		});
		active.postMessage({ type: 'version' });
	});
}

const megabytes = (bytes: number) =>
	`${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

class OfflineSave extends HTMLElement {
	#roadmap = this.dataset.roadmap ?? '';
	#pack: Pack | undefined;
	/** The search index's files, shared by every saved roadmap. */
	#shared: string[] = [];
	#cache: Cache | undefined;
	#busy = false;

	connectedCallback(): void {
		if (!('serviceWorker' in navigator) || !('caches' in window)) return;
		void this.#start().catch(() => undefined);
	}

	async #start(): Promise<void> {
		const worker = await askWorker();
		if (!worker) return;
		this.dataset.mode = worker.mode;
		// A site precached whole after one visit needs no saving: the control stays hidden.
		if (worker.mode !== 'shell') return;
		const [pack, shared] = await Promise.all(
			[packPath(this.#roadmap), OFFLINE_PATHS.shared].map((path) => fetch(`${base}${path}`)),
		);
		if (!pack!.ok || !shared!.ok) return;
		this.#pack = (await pack!.json()) as Pack;
		this.#shared = ((await shared!.json()) as SharedPack).urls;
		this.#cache = await caches.open(worker.cache);
		this.hidden = false;
		this.#part('button', 'save').addEventListener('click', () => void this.#save());
		this.#part('button', 'remove').addEventListener('click', () => void this.#remove());
		const saved = await this.#cache.match(savedKey(this.#roadmap));
		this.#show(saved ? 'saved' : 'ready');
	}

	#part<T extends keyof HTMLElementTagNameMap>(tag: T, name: string): HTMLElementTagNameMap[T] {
		const part = this.querySelector<HTMLElementTagNameMap[T]>(`${tag}[data-part="${name}"]`);
		if (!part) throw new Error(`offline-save: no ${tag}[data-part="${name}"]`);
		return part;
	}

	/** Draws one state: ready to save, saving, saved, or failed (with its reason). */
	#show(state: 'ready' | 'saving' | 'saved' | 'failed', reason = ''): void {
		const pack = this.#pack!;
		const files = pack.pages.length + this.#shared.length;
		const pages = pack.pages.filter((url) => url.endsWith('/')).length;
		this.dataset.state = state;
		const save = this.#part('button', 'save');
		const remove = this.#part('button', 'remove');
		const progress = this.#part('progress', 'progress');
		const count = this.#part('span', 'count');
		const status = this.#part('p', 'status');
		save.hidden = state === 'saved' || state === 'saving';
		save.textContent = state === 'failed' ? 'Try again' : 'Save this roadmap for offline';
		remove.hidden = state !== 'saved';
		progress.hidden = state !== 'saving';
		count.hidden = state !== 'saving';
		if (state === 'saving') {
			progress.max = files;
			progress.value = 0;
			count.textContent = `0 / ${files}`;
		}
		status.textContent =
			state === 'ready'
				? `Keeps its ${pages} pages and the search index in this browser (${megabytes(pack.bytes)}), so they open without a connection.`
				: state === 'saving'
					? `Saving ${files} files (${megabytes(pack.bytes)})…`
					: state === 'saved'
						? `Saved for offline: this roadmap, its plan, print page and search open without a connection (${megabytes(pack.bytes)} in this browser).`
						: `Not saved: ${reason} Nothing was kept.`;
	}

	async #save(): Promise<void> {
		if (this.#busy || !this.#pack || !this.#cache) return;
		this.#busy = true;
		const cache = this.#cache;
		const urls = [...this.#pack.pages, ...this.#shared];
		const progress = this.#part('progress', 'progress');
		const count = this.#part('span', 'count');
		this.#show('saving');
		// What the save adds, so a failed save takes back only that (visited pages stay).
		const added: string[] = [];
		let done = 0;
		try {
			for (let i = 0; i < urls.length; i += AT_ONCE) {
				await Promise.all(
					urls.slice(i, i + AT_ONCE).map(async (url) => {
						if (!(await cache.match(url))) {
							const response = await fetch(url, { cache: 'reload' });
							if (!response.ok) throw new Error(`${url} answered ${response.status}.`);
							added.push(url);
							await cache.put(url, response);
						}
						done += 1;
						progress.value = done;
						count.textContent = `${done} / ${urls.length}`;
					}),
				);
			}
			await cache.put(
				savedKey(this.#roadmap),
				new Response(JSON.stringify({ bytes: this.#pack.bytes, at: Date.now() }), {
					headers: { 'content-type': 'application/json' },
				}),
			);
			this.#show('saved');
		} catch (error) {
			await Promise.all(added.map((url) => cache.delete(url)));
			this.#show('failed', reasonOf(error));
		} finally {
			this.#busy = false;
		}
	}

	/** Removes the roadmap's own files; the search index stays while another roadmap is saved. */
	async #remove(): Promise<void> {
		if (this.#busy || !this.#pack || !this.#cache) return;
		const cache = this.#cache;
		await cache.delete(savedKey(this.#roadmap));
		await Promise.all(this.#pack.pages.map((url) => cache.delete(url)));
		const others = (await cache.keys()).some((request) =>
			new URL(request.url).pathname.startsWith(`${base}${OFFLINE_PATHS.saved}`),
		);
		if (!others) await Promise.all(this.#shared.map((url) => cache.delete(url)));
		this.#show('ready');
		this.#part('button', 'save').focus();
	}
}

/** Why a save failed, in a learner's words. */
function reasonOf(error: unknown): string {
	if (error instanceof DOMException && error.name === 'QuotaExceededError')
		return 'this browser has no room left for it.';
	if (error instanceof TypeError) return 'the connection was lost. Try again when online.';
	return error instanceof Error ? error.message : 'the download failed.';
}

customElements.define('offline-save', OfflineSave);
