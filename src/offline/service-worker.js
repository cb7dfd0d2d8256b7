/**
 * The site's service worker. The build (src/integrations/offline.ts) writes it to `<base>sw.js`
 * with one line in front that defines `PRECACHE`: the base path, a version made of every file's
 * content hash, and the URL of every page, asset and Pagefind file. One build is one
 * cache, so offline a learner never sees a page from one build with assets from another.
 *
 * - install: downloads the whole build into a new cache (bypassing the HTTP cache, so an old page
 *   cached by the browser cannot slip into a new build's cache);
 * - fetch: answers from that cache, then revalidates: a page view asks the browser to check
 *   `sw.js`, which differs whenever any file of the site changed;
 * - a new build installs beside the old one and waits, so an open page keeps the assets it was
 *   built with; the page shows "New version available" (src/offline/register.ts) and its Reload
 *   button sends `skip-waiting`;
 * - activate: removes this site's caches of older builds and takes control of open pages.
 */
/* global PRECACHE */
const CACHE = `backend-roadmaps:${PRECACHE.base}:${PRECACHE.version}`;
const OWN_CACHES = `backend-roadmaps:${PRECACHE.base}:`;
/** At most one update check per minute, however fast the learner clicks through pages. */
const REVALIDATE_EVERY_MS = 60_000;
let lastRevalidation = 0;

self.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) =>
				cache.addAll(PRECACHE.urls.map((url) => new Request(url, { cache: 'reload' }))),
			),
	);
});

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
	if (event.data?.type === 'version') event.source?.postMessage({ version: PRECACHE.version });
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
	if (request.mode === 'navigate') {
		if (cached) {
			event.waitUntil(revalidate());
			return cached;
		}
		try {
			return await fetch(request);
		} catch {
			return (await cache.match(`${PRECACHE.base}404.html`)) ?? Response.error();
		}
	}
	return cached ?? fetch(request);
}

async function revalidate() {
	if (Date.now() - lastRevalidation < REVALIDATE_EVERY_MS) return;
	lastRevalidation = Date.now();
	// Offline, the check fails; the cached build keeps serving.
	await self.registration.update().catch(() => undefined);
}
