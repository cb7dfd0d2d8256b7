import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { THEMES, expectNoBlockingViolations, useTheme } from './axe';
import { basePath, builtSitemapPaths } from './sitemap';

/**
 * The accessibility gate: axe on every page of the sitemap, in both themes, zero serious or
 * critical violations. One test per page and theme, so the workers share them out.
 */
const base = basePath();
const paths = await builtSitemapPaths(join(import.meta.dirname, '..', 'dist'), base);

test('the sitemap lists pages', () => expect(paths.length).toBeGreaterThan(0));

for (const theme of THEMES) {
	test.describe(`${theme} theme`, () => {
		test.beforeEach(({ page }) => useTheme(page, theme));
		for (const path of paths) {
			test(`${path} has no serious or critical axe violations`, async ({ page }) => {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				await expectNoBlockingViolations(page);
			});
		}
	});
}
