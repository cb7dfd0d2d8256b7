import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';
import { TEST_CHROMIUM_LAUNCH } from './scripts/system-tools.ts';

/**
 * The browser tests, in two projects:
 * - `site`: `e2e/` against the production build in dist/, served by `astro preview`;
 * - `selfhost`: `e2e-selfhost/` against the `BASE_PATH=/roadmaps/` build in dist-selfhost/, served
 *   by a real nginx with the shipped deploy/ config.
 * Each web server first rebuilds its directory when a source is newer (scripts/build-site.ts), so
 * no test runs against a stale build. Both use the system Chromium when there is one, else
 * Playwright's own (scripts/system-tools.ts).
 */
export const PORT = Number(process.env.E2E_PORT ?? 4329);
/** nginx listens next to the preview server, so one `E2E_PORT` keeps parallel checkouts apart. */
const SELFHOST_PORT = PORT + 1;
// Read by e2e-selfhost/site.ts in every worker (workers load this file too).
process.env.SELFHOST_ORIGIN = `http://127.0.0.1:${SELFHOST_PORT}`;

const browser = { ...devices['Desktop Chrome'], launchOptions: TEST_CHROMIUM_LAUNCH };

/**
 * The projects named on the command line (`--project site`, `--project=selfhost`), or every one.
 * Playwright starts every web server whichever projects run; this starts only theirs.
 */
function requestedProjects(argv = process.argv): Set<string> {
	const names = argv.flatMap((arg, i) =>
		arg.startsWith('--project=')
			? [arg.slice('--project='.length)]
			: arg === '--project'
				? [argv[i + 1] ?? '']
				: [],
	);
	return new Set(names.length ? names : Object.keys(SERVERS));
}

type WebServer = Extract<PlaywrightTestConfig['webServer'], unknown[]>[number];
/** Each project's web server. Each first rebuilds its directory when a source is newer. */
const SERVERS: Record<string, WebServer> = {
	site: {
		command: `node scripts/build-site.ts site --if-stale && astro preview --host 127.0.0.1 --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		// Never a server left running from another checkout: this one checks dist/ is fresh.
		reuseExistingServer: false,
		timeout: 180_000,
	},
	selfhost: {
		command: 'node scripts/build-site.ts selfhost --if-stale && node e2e-selfhost/serve.ts',
		url: `http://127.0.0.1:${SELFHOST_PORT}/roadmaps/`,
		env: { SELFHOST_PORT: String(SELFHOST_PORT) },
		reuseExistingServer: false,
		timeout: 180_000,
		// SIGTERM lets the harness stop nginx and remove its temporary prefix.
		gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
	},
};

export default defineConfig({
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	// A page test takes seconds on a quiet machine. On a shared 2-core machine axe alone can take
	// half a minute; a timeout there restarts the worker and its browser, which makes the next test
	// slow too. These limits only matter when something hangs.
	timeout: 120_000,
	expect: { timeout: 20_000 },
	// Two workers on a 2-core machine: the pages are served from disk and most of a test is waiting.
	workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	// No service worker unless a test asks for one (the offline specs): it would precache the whole
	// site in the background of every test.
	use: { trace: 'retain-on-failure', serviceWorkers: 'block' },
	projects: [
		{
			name: 'site',
			testDir: './e2e',
			use: { ...browser, baseURL: `http://127.0.0.1:${PORT}` },
		},
		{
			name: 'selfhost',
			testDir: './e2e-selfhost',
			use: browser,
		},
	],
	webServer: [...requestedProjects()].map((name) => SERVERS[name]!),
});
