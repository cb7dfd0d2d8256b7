import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { basePath, builtSitemapPaths } from './sitemap';

/**
 * The accessibility gate: axe on every page of the sitemap, in both themes, zero serious or
 * critical violations. One test per page and theme, so the workers share them out.
 */
const THEMES = ['light', 'dark'] as const;
/** Impacts that fail the gate; minor and moderate ones are reported by Lighthouse instead. */
const BLOCKING = new Set(['serious', 'critical']);

const base = basePath();
const paths = await builtSitemapPaths(join(import.meta.dirname, '..', 'dist'), base);

test('the sitemap lists pages', () => expect(paths.length).toBeGreaterThan(0));

for (const theme of THEMES) {
	test.describe(`${theme} theme`, () => {
		// Starlight reads the theme from localStorage before first paint.
		test.beforeEach(({ page }) =>
			page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme),
		);
		for (const path of paths) {
			test(`${path} has no serious or critical axe violations`, async ({ page }) => {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				const { violations } = await new AxeBuilder({ page }).analyze();
				const problems = violations
					.filter((v) => BLOCKING.has(v.impact ?? ''))
					.map((violation) => {
						const nodes = violation.nodes
							.slice(0, 5)
							.map(
								(node) =>
									`      ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n\s*/g, ' ')}`,
							);
						return `${violation.impact}: ${violation.id}: ${violation.help} (${violation.nodes.length} element(s), ${violation.helpUrl})\n${nodes.join('\n')}`;
					});
				expect(problems, `axe found serious/critical violations:\n${problems.join('\n')}`).toEqual(
					[],
				);
			});
		}
	});
}
