/**
 * `npm test` preflight: the browser tests need Chromium and nginx. When one is missing, say so in
 * one line with the install command and stop, before minutes of linting and building, instead of
 * a stack trace from deep inside Playwright or the nginx harness. Required with CI=true too.
 */
import { existsSync } from 'node:fs';
import {
	NGINX,
	SYSTEM_CHROMIUM,
	SYSTEM_HEADLESS_SHELL,
	missingToolsMessage,
	slowBrowserNote,
} from './system-tools.ts';

const message = missingToolsMessage({
	// Playwright loads slowly: ask it for its own browser only when there is no system one.
	chromium:
		!!SYSTEM_CHROMIUM || existsSync((await import('@playwright/test')).chromium.executablePath()),
	nginx: !!NGINX,
});
if (message) {
	console.error(message);
	process.exit(1);
}
const note = slowBrowserNote({
	// Only Debian's Chromium has a Debian headless shell beside it; CHROMIUM_PATH is the user's pick.
	systemChromium: SYSTEM_CHROMIUM === '/usr/bin/chromium',
	headlessShell: !!SYSTEM_HEADLESS_SHELL,
});
if (note) console.log(note);
