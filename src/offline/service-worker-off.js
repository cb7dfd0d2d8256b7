/**
 * What `<base>sw.js` becomes when a self-hoster turns the worker off (SERVICE_WORKER=off).
 * Browsers that installed the worker from an earlier build keep checking `sw.js`; this one takes
 * over at once, deletes the site's caches, unregisters itself and reloads open pages from the
 * network, so nobody is left on an old cached build.
 */
/* global PRECACHE */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const names = await caches.keys();
			await Promise.all(
				names
					.filter((name) => name.startsWith(`backend-roadmaps:${PRECACHE.base}:`))
					.map((name) => caches.delete(name)),
			);
			await self.registration.unregister();
			const pages = await self.clients.matchAll({ type: 'window' });
			await Promise.all(pages.map((page) => page.navigate(page.url)));
		})(),
	);
});
