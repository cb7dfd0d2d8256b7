import { resolve } from 'node:path';
import { test } from './fixtures';
import { serveDist } from '../scripts/serve-dist.ts';
import { checkNoSaveOffered, checkOffline, checkUpdate, copySite } from './offline-checks';

// These tests are about the service worker: the config blocks it elsewhere.
test.use({ serviceWorkers: 'allow' });

test('offline after one visit: an unvisited chapter opens, ticks are kept, search works', async ({
	page,
	context,
	baseURL,
}) => {
	await checkOffline(page, context, `${baseURL}/`);
});

test('a site within the first-visit budget offers no save: it is all there after one visit', async ({
	page,
	baseURL,
}) => {
	await checkNoSaveOffered(page, `${baseURL}/`);
});

test('a new build replaces the worker, shows the notice and removes the old cache', async ({
	page,
}) => {
	// A copy on its own server: the test changes files, which the shared preview must not see.
	const copy = await copySite(resolve(import.meta.dirname, '../dist'));
	const site = await serveDist(copy.dir);
	try {
		await checkUpdate(page, `${site.baseURL}/`, copy.dir, '/');
	} finally {
		await site.close();
		await copy.remove();
	}
});
