import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './e2e/system-chromium';

/**
 * Browser tests run against the production build served by `astro preview`. Playwright cannot
 * download its browsers on every machine, so a system Chromium is used when there is one
 * (`CHROMIUM_PATH`, else Debian's /usr/bin/chromium); otherwise Playwright's own browser
 * (`npx playwright install chromium`).
 */
export const PORT = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
	testDir: './e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: process.env.CI ? 2 : undefined,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: SYSTEM_CHROMIUM
					? {
							executablePath: SYSTEM_CHROMIUM,
							args: CHROMIUM_ARGS,
						}
					: {},
			},
		},
	],
	webServer: {
		command: `astro preview --host 127.0.0.1 --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
	},
});
