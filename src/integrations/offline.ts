import { AstroError } from 'astro/errors';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { FILES_AT_ONCE, mapLimit } from './map-limit.ts';
import {
	precacheOf,
	serviceWorkerSource,
	type BuiltFile,
	type Precache,
} from '../offline/precache.ts';

const OFFLINE = new URL('../offline/', import.meta.url);

/**
 * Whether the build ships the offline service worker: on unless `SERVICE_WORKER` is `off`,
 * `false` or `0` (docs/offline-and-print.md). Anything else is a typo worth stopping for.
 */
export function serviceWorkerEnabled(value = process.env.SERVICE_WORKER): boolean {
	if (value === undefined || value === '' || /^(on|true|1)$/i.test(value)) return true;
	if (/^(off|false|0)$/i.test(value)) return false;
	throw new AstroError(
		`SERVICE_WORKER="${value.slice(0, 20)}" is not a setting.`,
		'Use "off" to build without the offline service worker, or leave SERVICE_WORKER unset (docs/offline-and-print.md).',
	);
}

/**
 * The offline service worker: registers it on every page (a bundled module script, so the strict
 * CSP needs no hash) and, after the build, writes `<base>sw.js` with every output file in its
 * precache. List it after every integration that writes into the output (Starlight's Pagefind
 * index, the CSP pass): it hashes the files as they are served.
 */
export function offlineIntegration(): AstroIntegration {
	const enabled = serviceWorkerEnabled();
	let base = '/';
	return {
		name: 'backend-roadmaps:offline',
		hooks: {
			'astro:config:setup': ({ config, injectScript }) => {
				base = `/${config.base.replace(/^\/|\/$/g, '')}/`.replace('//', '/');
				if (enabled) {
					const register = fileURLToPath(new URL('register.ts', OFFLINE));
					injectScript('page', `import ${JSON.stringify(register)};`);
				}
			},
			'astro:build:done': async ({ dir, logger }) => {
				const precache = await writeServiceWorker(fileURLToPath(dir), base, enabled);
				if (!enabled) {
					logger.info('SERVICE_WORKER=off: sw.js only removes workers of earlier builds.');
					return;
				}
				logger.info(
					`Service worker ${precache.version}: ${precache.urls.length} files, ${(precache.bytes / 1024 / 1024).toFixed(1)} MB to precache.`,
				);
			},
		},
	};
}

/**
 * Writes `sw.js` into the built site at `root` (built for `base`) and returns its precache. The
 * offline browser test calls it again on a changed copy of the site, as a second build would.
 */
export async function writeServiceWorker(
	root: string,
	base: string,
	enabled = true,
): Promise<Precache> {
	const precache = precacheOf(await builtFiles(root), base);
	const template = await readFile(
		new URL(enabled ? 'service-worker.js' : 'service-worker-off.js', OFFLINE),
		'utf8',
	);
	await writeFile(join(root, 'sw.js'), serviceWorkerSource(template, precache));
	return precache;
}

async function builtFiles(root: string): Promise<BuiltFile[]> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return mapLimit(
		entries.filter((entry) => entry.isFile()),
		FILES_AT_ONCE,
		async (entry) => {
			const full = join(entry.parentPath, entry.name);
			const body = await readFile(full);
			return {
				path: relative(root, full).split(sep).join('/'),
				hash: createHash('sha256').update(body).digest('hex'),
				bytes: body.length,
			};
		},
	);
}
