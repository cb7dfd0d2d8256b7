import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseHeadersFile } from '../src/cdn/headers.ts';
import { checkOffline, checkUpdate, copySite } from '../e2e/offline-checks';
import { startNginx } from './nginx-server';
import { SELFHOST_BASE, SELFHOST_DIST } from '../scripts/selfhost-paths.ts';
import { origin } from './site';

// These tests are about the service worker: the config blocks it elsewhere.
test.use({ serviceWorkers: 'allow' });

test('offline under the base path behind nginx: chapter, tick and search', async ({
	page,
	context,
}) => {
	await checkOffline(page, context, origin() + SELFHOST_BASE);
});

test('a new build replaces the worker under the base path behind nginx', async ({ page }) => {
	// Its own nginx on a copy: the test changes files the other tests must not see.
	const copy = await copySite(SELFHOST_DIST);
	const nginx = await startNginx(copy.dir, SELFHOST_BASE);
	try {
		await checkUpdate(page, nginx.origin + SELFHOST_BASE, copy.dir, SELFHOST_BASE);
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
