/**
 * Builds the site for the tests, one target at a time:
 *
 *   node scripts/build-site.ts site|selfhost [--if-stale]
 *
 * `site` is `astro build` into dist/ (BASE_PATH and SITE_URL from the environment); `selfhost` is
 * the `/roadmaps/` build into dist-selfhost/ that nginx serves, with a first-visit budget below the
 * site's size (its service worker precaches a shell; docs/offline-and-print.md). With `--if-stale` it builds only
 * when a source, the lock file or the build's environment changed since this script last built
 * that target, so the browser tests never run against a stale build and never build twice.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { BUILD_INPUTS } from './build-inputs.ts';
import { SELFHOST_BASE, SELFHOST_DIST, SELFHOST_PRECACHE_MB } from './selfhost-paths.ts';

const ROOT = join(import.meta.dirname, '..');
const STAMPS = join(ROOT, 'node_modules', '.cache', 'backend-roadmaps');

const TARGETS = {
	// The default first-visit budget, whatever the shell says: the site tests precache it whole.
	site: { outDir: join(ROOT, 'dist'), env: { PRECACHE_MB: '' } },
	selfhost: {
		outDir: SELFHOST_DIST,
		env: {
			BASE_PATH: SELFHOST_BASE,
			SITE_URL: 'http://127.0.0.1',
			PRECACHE_MB: SELFHOST_PRECACHE_MB,
		},
	},
} as const;

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: { 'if-stale': { type: 'boolean' } },
});
const name = positionals[0] as keyof typeof TARGETS;
if (!(name in TARGETS)) {
	console.error(`scripts/build-site.ts: name a target: ${Object.keys(TARGETS).join(' or ')}`);
	process.exit(2);
}
const target = TARGETS[name];
const env: Record<string, string | undefined> = { ...process.env, ...target.env };

/** Paths, sizes and modification times of every input, and the variables the build reads. */
function fingerprint(): string {
	const hash = createHash('sha256');
	for (const key of ['BASE_PATH', 'SITE_URL', 'REPO_URL', 'PRECACHE_MB', 'SERVICE_WORKER'])
		hash.update(`${key}=${env[key] ?? ''}\n`);
	for (const input of BUILD_INPUTS) {
		const path = join(ROOT, input);
		if (!existsSync(path)) continue;
		const files = statSync(path).isDirectory()
			? readdirSync(path, { recursive: true, withFileTypes: true })
					.filter((entry) => entry.isFile())
					.map((entry) => join(entry.parentPath, entry.name))
			: [path];
		for (const file of files.sort()) {
			const { size, mtimeMs } = statSync(file);
			hash.update(`${relative(ROOT, file)}\t${size}\t${mtimeMs}\n`);
		}
	}
	return hash.digest('hex');
}

const stampFile = join(STAMPS, `${name}.sha256`);
const current = fingerprint();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (values['if-stale'] && built === current && existsSync(join(target.outDir, 'index.html'))) {
	console.log(`${relative(ROOT, target.outDir)}/ is up to date with its sources.`);
	process.exit(0);
}
const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', target.outDir], {
	cwd: ROOT,
	env,
	stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync(STAMPS, { recursive: true });
writeFileSync(stampFile, current);
