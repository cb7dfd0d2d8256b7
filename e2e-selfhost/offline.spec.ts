import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../e2e/fixtures';
import { parseHeadersFile } from '../src/cdn/headers.ts';
import {
	checkSavedRoadmap,
	checkUpdate,
	checkVisitedAndUnsaved,
	copySite,
} from '../e2e/offline-checks';
import { startNginx } from './nginx-server';
import { precacheBudget } from '../src/integrations/offline.ts';
import { readRoadmaps } from '../src/content/roadmaps.ts';
import { SELFHOST_BASE, SELFHOST_DIST, SELFHOST_PRECACHE_MB } from '../scripts/selfhost-paths.ts';
import { origin } from './site';

// These tests are about the service worker: the config blocks it elsewhere.
test.use({ serviceWorkers: 'allow' });

// This build's first-visit budget is below the site's size (scripts/selfhost-paths.ts), so its
// worker runs as on a site of thousands of chapters: a shell first, roadmaps saved from their page.

test('a first visit precaches the shell; a saved roadmap opens offline, with search; removing it frees it', async ({
	page,
	context,
	expectAxeClean,
}) => {
	await checkSavedRoadmap(page, context, origin() + SELFHOST_BASE, SELFHOST_BASE, () =>
		expectAxeClean({ include: 'offline-save' }),
	);
});

test('offline, a visited page opens and a page never saved gets the offline page', async ({
	page,
	context,
}) => {
	await checkVisitedAndUnsaved(page, context, origin() + SELFHOST_BASE);
});

test('a new build replaces the worker under the base path behind nginx, and saves again what was saved', async ({
	page,
}) => {
	// Its own nginx on a copy: the test changes files the other tests must not see.
	const copy = await copySite(SELFHOST_DIST);
	const nginx = await startNginx(copy.dir, SELFHOST_BASE);
	try {
		await checkUpdate(page, nginx.origin + SELFHOST_BASE, copy.dir, SELFHOST_BASE, {
			roadmaps: readRoadmaps(join(import.meta.dirname, '../content')).map(({ id }) => id),
			budget: precacheBudget(SELFHOST_PRECACHE_MB),
		});
	} finally {
		await nginx.stop();
		await copy.remove();
	}
});

test('nginx serves the worker uncached and the manifest with its type', async () => {
	const worker = await fetch(`${origin()}${SELFHOST_BASE}sw.js`);
	expect(worker.headers.get('cache-control')).toBe('no-cache');
	expect(worker.headers.get('content-type')).toMatch(/javascript/);
	const manifest = await fetch(`${origin()}${SELFHOST_BASE}manifest.webmanifest`);
	expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
	expect(manifest.headers.get('x-content-type-options')).toBe('nosniff');
	expect((await manifest.json()).start_url).toBe(SELFHOST_BASE);
});

test('the built _headers for a CDN carries the base path', () => {
	const rules = parseHeadersFile(readFileSync(join(SELFHOST_DIST, '_headers'), 'utf8'));
	expect([...rules.keys()].sort()).toEqual(
		[`${SELFHOST_BASE}*`, `${SELFHOST_BASE}_astro/*`, `${SELFHOST_BASE}pagefind/*`].sort(),
	);
});
