import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The two programs the browser tests need besides npm packages, found once for the tests, the
 * self-hosting harness, the benchmark and the `npm test` preflight (scripts/check-tools.ts).
 * No browser download works on every machine, so a system Chromium comes first.
 */

/**
 * The first of `candidates` that exists. A path set in the environment is the only candidate: a
 * wrong `CHROMIUM_PATH` or `NGINX_PATH` is reported as missing, never silently replaced.
 */
function firstExisting(fromEnv: string | undefined, candidates: string[]): string | undefined {
	return (fromEnv ? [fromEnv] : candidates).find((path) => existsSync(path));
}

/** `CHROMIUM_PATH`, else Debian's /usr/bin/chromium, when it exists. */
export const SYSTEM_CHROMIUM = firstExisting(process.env.CHROMIUM_PATH, ['/usr/bin/chromium']);

/** Flags that keep Chromium from phoning home or needing a GPU/sandbox in containers. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
];

/**
 * Playwright launch options: the system Chromium when there is one, else Playwright's own browser
 * (`npx playwright install chromium`), with the same flags either way.
 */
export const CHROMIUM_LAUNCH = {
	...(SYSTEM_CHROMIUM ? { executablePath: SYSTEM_CHROMIUM } : {}),
	args: CHROMIUM_ARGS,
};

/**
 * Debian's `chromium-headless-shell`: the same engine and version as `chromium`, without the
 * browser around it. Playwright runs its headless tests in such a shell by default; on 2 cores
 * it opens a context in about 40 ms against 170 ms for the full browser, and loads a chapter in
 * about 140 ms against 260 ms. Not used when `CHROMIUM_PATH` names a browser.
 */
export const SYSTEM_HEADLESS_SHELL = process.env.CHROMIUM_PATH
	? undefined
	: firstExisting(undefined, ['/usr/lib/chromium/chromium-headless-shell']);

/**
 * Launch options for the tests: the headless shell when there is one, else as `CHROMIUM_LAUNCH`.
 * The bench keeps `CHROMIUM_LAUNCH`: its page weights, budgets and Lighthouse scores are taken in
 * the browser learners use.
 */
export const TEST_CHROMIUM_LAUNCH = SYSTEM_HEADLESS_SHELL
	? { executablePath: SYSTEM_HEADLESS_SHELL, args: CHROMIUM_ARGS }
	: CHROMIUM_LAUNCH;

/** `NGINX_PATH`, else `nginx` on `PATH`, else Debian's /usr/sbin/nginx (not on a user's PATH). */
export const NGINX = firstExisting(process.env.NGINX_PATH, [
	...(process.env.PATH ?? '')
		.split(delimiter)
		.filter(Boolean)
		.map((dir) => join(dir, 'nginx')),
	'/usr/sbin/nginx',
]);

/** How to install each tool: its Debian package and its macOS command. */
const INSTALL = {
	chromium: { debian: 'chromium', macos: 'npx playwright install chromium', env: 'CHROMIUM_PATH' },
	nginx: { debian: 'nginx', macos: 'brew install nginx', env: 'NGINX_PATH' },
} as const;

/** One line naming what is missing and how to install it, or undefined when nothing is. */
export function missingToolsMessage(
	found: Record<keyof typeof INSTALL, boolean>,
	what = 'npm test',
): string | undefined {
	const missing = (Object.keys(INSTALL) as (keyof typeof INSTALL)[]).filter((tool) => !found[tool]);
	if (missing.length === 0) return undefined;
	const each = (key: 'debian' | 'macos' | 'env', join: string) =>
		missing.map((tool) => INSTALL[tool][key]).join(join);
	return `${what} needs ${missing.join(' and ')}, not found (or set ${each('env', '/')}). Install on Debian/Ubuntu: sudo apt-get install ${each('debian', ' ')}; on macOS: ${each('macos', ' && ')}`;
}

/**
 * One line saying the browser tests will run in the full Chromium because Debian's headless
 * shell is missing, or undefined. Not a failure: the tests pass either way, only slower.
 */
export function slowBrowserNote(found: { systemChromium: boolean; headlessShell: boolean }) {
	if (!found.systemChromium || found.headlessShell) return undefined;
	return 'Note: the browser tests run in the full Chromium, about twice as slow as in its headless shell. Install on Debian/Ubuntu: sudo apt-get install chromium-headless-shell';
}
