import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * A copy of the site with the clean fixture content (`tests/fixtures/lint/clean/content`), inside
 * the project (`.tmp/`, git-ignored) so it resolves the project's node_modules. The real npm
 * scripts run in it; the caller removes it.
 */
export function copySite(): string {
	mkdirSync(join(ROOT, '.tmp'), { recursive: true });
	const site = mkdtempSync(join(ROOT, '.tmp', 'site-'));
	for (const entry of [
		'astro.config.mjs',
		'tsconfig.json',
		'package.json',
		'src',
		'public',
		'scripts',
		// The build writes _headers from the nginx config (src/integrations/cdn-headers.ts).
		'deploy',
	]) {
		cpSync(join(ROOT, entry), join(site, entry), { recursive: true });
	}
	cpSync(join(ROOT, 'tests', 'fixtures', 'lint', 'clean', 'content'), join(site, 'content'), {
		recursive: true,
	});
	return site;
}

/** Runs `npm run <script>` in a site copy; stdout and stderr together. */
export function npmIn(
	site: string,
	script: string,
	env: Record<string, string> = {},
): { status: number | null; output: string } {
	const result = spawnSync('npm', ['run', '--silent', script], {
		cwd: site,
		encoding: 'utf8',
		env: { ...process.env, ...env },
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
