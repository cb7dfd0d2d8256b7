import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Self-hosting tests: the build made by `npm run build:selfhost` (BASE_PATH=/roadmaps/, into
 * dist-selfhost/) served by a real nginx with the shipped deploy/ config (started in global setup).
 * Same browser as the main browser tests.
 */
export default defineConfig({
	testDir: './e2e-selfhost',
	fullyParallel: true,
	forbidOnly: base.forbidOnly,
	retries: 0,
	workers: base.workers,
	reporter: [['list']],
	globalSetup: './e2e-selfhost/global-setup.ts',
	use: { trace: 'retain-on-failure' },
	projects: base.projects,
});
