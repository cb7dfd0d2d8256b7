import { chromium, type Browser } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_LAUNCH, SYSTEM_CHROMIUM } from '../../scripts/system-tools.ts';

export { CHROMIUM_ARGS };

/** The browser the tests use: the system Chromium, else Playwright's own (Lighthouse needs a path). */
export const CHROMIUM_PATH = SYSTEM_CHROMIUM ?? chromium.executablePath();

/** Headless Chromium through Playwright, launched as the browser tests launch it. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch(CHROMIUM_LAUNCH);
}
