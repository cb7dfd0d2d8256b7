import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The base path the site was built with (README, "Self-hosting"); sitemap URLs carry it. */
const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/|\/$/g, '')}/`.replace('//', '/');
const THEMES = ['light', 'dark'] as const;
/** Impacts that fail the gate; minor and moderate ones are reported by Lighthouse instead. */
const BLOCKING = new Set(['serious', 'critical']);

/** Every page the build lists in its sitemap, as paths on the preview server. */
async function sitemapPaths(page: Page): Promise<string[]> {
	const response = await page.request.get(`${base}sitemap-0.xml`);
	expect(response.ok(), `${base}sitemap-0.xml should exist: run \`npm run build\` first`).toBe(
		true,
	);
	const xml = await response.text();
	return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}

for (const theme of THEMES) {
	test(`every page in the sitemap has no serious or critical axe violations (${theme} theme)`, async ({
		page,
	}) => {
		const paths = await sitemapPaths(page);
		expect(paths.length).toBeGreaterThan(0);
		test.setTimeout(30_000 + paths.length * 10_000);
		// Starlight reads the theme from localStorage before first paint.
		await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
		const problems: string[] = [];
		for (const path of paths) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const { violations } = await new AxeBuilder({ page }).analyze();
			for (const violation of violations.filter((v) => BLOCKING.has(v.impact ?? ''))) {
				const nodes = violation.nodes
					.slice(0, 5)
					.map(
						(node) =>
							`      ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n\s*/g, ' ')}`,
					);
				problems.push(
					`${path} [${theme}] ${violation.impact}: ${violation.id}: ${violation.help} (${violation.nodes.length} element(s), ${violation.helpUrl})\n${nodes.join('\n')}`,
				);
			}
		}
		expect(problems, `axe found serious/critical violations:\n${problems.join('\n')}`).toEqual([]);
	});
}
