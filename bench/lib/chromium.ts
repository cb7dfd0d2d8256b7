import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/** The system Chromium (no browser download works on these machines), as in playwright.config.ts. */
export const CHROMIUM_PATH =
	[process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((path) => !!path && existsSync(path)) ??
	'/usr/bin/chromium';

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

/** Headless Chromium through Playwright. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
	});
}
