/**
 * Registers the offline service worker (src/offline/service-worker.js) on every page, after the
 * page has loaded, so the first visit is not slowed by the precache download. Injected as a bundled
 * module by src/integrations/offline.ts.
 *
 * When a newer build's worker has installed and waits, a small notice (role="status") offers a
 * Reload: it lets that worker take over, and the page reloads once it controls the page.
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

function showUpdateNotice(waiting: ServiceWorker): void {
	if (document.querySelector('.sw-update')) return;
	const notice = document.createElement('div');
	notice.className = 'sw-update';
	notice.setAttribute('role', 'status');
	document.body.append(notice);
	const text = document.createElement('p');
	text.textContent = 'New version available.';
	const reload = document.createElement('button');
	reload.type = 'button';
	reload.textContent = 'Reload';
	reload.addEventListener('click', () => {
		reload.disabled = true;
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
		waiting.postMessage({ type: 'skip-waiting' });
	});
	const dismiss = document.createElement('button');
	dismiss.type = 'button';
	dismiss.className = 'sw-update-dismiss';
	dismiss.setAttribute('aria-label', 'Dismiss');
	dismiss.textContent = '×';
	dismiss.addEventListener('click', () => notice.remove());
	// Filled after the region exists, so screen readers announce it.
	requestAnimationFrame(() => notice.append(text, reload, dismiss));
}

/** Shows the notice for a waiting worker; the first install (no controller yet) needs none. */
function watch(registration: ServiceWorkerRegistration): void {
	const offer = () => {
		if (registration.waiting && navigator.serviceWorker.controller)
			showUpdateNotice(registration.waiting);
	};
	offer();
	registration.addEventListener('updatefound', () => {
		const installing = registration.installing;
		installing?.addEventListener('statechange', () => {
			if (installing.state === 'installed') offer();
		});
	});
}

async function register(): Promise<void> {
	try {
		const registration = await navigator.serviceWorker.register(`${base}sw.js`, {
			scope: base,
			// sw.js is checked against the server on every update, whatever its HTTP cache headers.
			updateViaCache: 'none',
		});
		watch(registration);
	} catch {
		// No worker (private mode, blocked by policy): the site works online as before.
	}
}

if ('serviceWorker' in navigator) {
	if (document.readyState === 'complete') void register();
	else addEventListener('load', () => void register(), { once: true });
}
