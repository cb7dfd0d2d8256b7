/**
 * The site's service worker. The build (src/integrations/offline.ts) writes it to `<base>sw.js`
 * with one line in front that defines `PRECACHE`: the base path, a version made of every file's
 * content hash, the mode and the URLs to download on install. One build is one cache, so offline
 * a learner never sees a page from one build with assets from another.
 *
 * - mode `whole` (a build within the first-visit budget): install downloads every file;
 * - mode `shell` (a larger build): install downloads the shell (the site's CSS, JS and fonts, the
 *   home, progress, 404 and offline pages, search's entry files); every page and file fetched
 *   while online is kept as it is visited, and "Save this roadmap for offline" (src/offline/
 *   save.ts) puts a roadmap's pack into this cache with a marker at `<base>offline/saved/<id>`;
 *   a new build's install downloads the packs the previous cache had saved again;
 * - install bypasses the HTTP cache, so an old page cached by the browser cannot slip into a new
 *   build's cache;
 * - fetch: answers from the cache, then revalidates: a page view asks the browser to check
 *   `sw.js`, which differs whenever any file of the site changed. A page that is not cached
 *   and cannot be fetched gets the 404 page (`whole`: every page is cached, so it does not exist)
 *   or the offline page (`shell`: it exists but was not saved);
 * - a new build installs beside the old one and waits, so an open page keeps the assets it was
 *   built with; the page shows "New version available" (src/offline/register.ts) and its Reload
 *   button sends `skip-waiting`;
 * - activate: removes this site's caches of older builds and takes control of open pages.
 */
/* global PRECACHE */
const OWN_CACHES = `backend-roadmaps:${PRECACHE.base}:`;
const CACHE = `${OWN_CACHES}${PRECACHE.version}`;
const SAVED = `${PRECACHE.base}${PRECACHE.paths.saved}`;
/** At most one update check per minute, however fast the learner clicks through pages. */
const REVALIDATE_EVERY_MS = 60_000;
let lastRevalidation = 0;

const fresh = (url) => new Request(url, { cache: 'reload' });

self.addEventListener('install', (event) => {
	event.waitUntil(
		caches.open(CACHE).then(async (cache) => {
			await cache.addAll(PRECACHE.urls.map(fresh));
			if (PRECACHE.mode === 'shell') await saveAgain(cache);
		}),
	);
});

/**
 * The roadmaps an earlier build's cache had saved, saved again from this build's packs. A pack
 * that fails to download is left unsaved (its page offers the save again), never half-marked.
 */
async function saveAgain(cache) {
	const roadmaps = new Set();
	for (const name of await caches.keys()) {
		if (!name.startsWith(OWN_CACHES) || name === CACHE) continue;
		const old = await caches.open(name);
		for (const request of await old.keys()) {
			const path = new URL(request.url).pathname;
			if (path.startsWith(SAVED)) roadmaps.add(path.slice(SAVED.length));
		}
	}
	/** The search index every pack shares, fetched once. */
	let shared;
	for (const roadmap of roadmaps) {
		try {
			shared ??= await fetch(fresh(`${PRECACHE.base}${PRECACHE.paths.shared}`)).then((response) =>
				response.ok ? response.json() : undefined,
			);
			const response = await fetch(fresh(`${PRECACHE.base}${PRECACHE.paths.packs}${roadmap}.json`));
			if (!response.ok || !shared) continue;
			const pack = await response.json();
			await cache.addAll([...pack.pages, ...shared.urls].map(fresh));
			await cache.put(
				`${SAVED}${roadmap}`,
				new Response(JSON.stringify({ bytes: pack.bytes, at: Date.now() }), {
					headers: { 'content-type': 'application/json' },
				}),
			);
		} catch {
			// Offline or out of room: the roadmap shows as not saved, and can be saved again.
		}
	}
}

self.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((names) =>
				Promise.all(
					names
						.filter((name) => name.startsWith(OWN_CACHES) && name !== CACHE)
						.map((name) => caches.delete(name)),
				),
			)
			.then(() => self.clients.claim()),
	);
});

self.addEventListener('message', (event) => {
	if (event.data?.type === 'skip-waiting') self.skipWaiting();
	if (event.data?.type === 'version')
		event.source?.postMessage({ version: PRECACHE.version, mode: PRECACHE.mode, cache: CACHE });
});

self.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin || !url.pathname.startsWith(PRECACHE.base)) return;
	event.respondWith(respond(event, request, url));
});

async function respond(event, request, url) {
	const cache = await caches.open(CACHE);
	// Query strings (Pagefind's `?ts=` cache buster, search terms) never change a static file.
	const options = { ignoreSearch: true };
	const cached =
		(await cache.match(url.pathname, options)) ??
		(url.pathname.endsWith('/') ? undefined : await cache.match(`${url.pathname}/`, options));
	if (cached) {
		if (request.mode === 'navigate') event.waitUntil(revalidate());
		return cached;
	}
	try {
		const response = await fetch(request);
		// A larger site keeps what the learner opened. A redirect is not kept: the browser refuses a
		// redirected response to a navigation, and the page it leads to is kept on its own.
		if (PRECACHE.mode === 'shell' && response.ok && !response.redirected)
			event.waitUntil(cache.put(url.pathname, response.clone()).catch(() => undefined));
		return response;
	} catch (error) {
		if (request.mode !== 'navigate') throw error;
		const fallback = PRECACHE.mode === 'whole' ? '404.html' : PRECACHE.paths.page;
		return (await cache.match(`${PRECACHE.base}${fallback}`)) ?? Response.error();
	}
}

async function revalidate() {
	if (Date.now() - lastRevalidation < REVALIDATE_EVERY_MS) return;
	lastRevalidation = Date.now();
	// Offline, the check fails; the cached build keeps serving.
	await self.registration.update().catch(() => undefined);
}
