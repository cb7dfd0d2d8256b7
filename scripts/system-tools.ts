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
