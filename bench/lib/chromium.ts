import { chromium, type Browser } from '@playwright/test';

import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../../e2e/system-chromium.ts';

export { CHROMIUM_ARGS };

/** The system Chromium (no browser download works on these machines), as in playwright.config.ts. */
export const CHROMIUM_PATH = SYSTEM_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium through Playwright. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
	});
}
