import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { STORE_VERSION, itemKey, storageKey } from '../src/progress/layout.ts';
import { type Entry, type Status } from '../src/progress/entries.ts';
import { basePath } from './sitemap';

/**
 * The browser tests' shared fixtures (Playwright `test.extend`), so no spec keeps its own copy:
 * - `pageErrors`: every uncaught error of the page; a test fails when its page threw any;
 * - `theme`: the Starlight theme the pages open in (`test.use({ theme: 'dark' })`);
 * - `seedProgress`: progress stored before the page's scripts run, in the store's own layout;
 * - `expectAxeClean`: axe on the page as it is now, failing on serious or critical violations.
 * Specs import `test` and `expect` from here instead of `@playwright/test`.
 */

/** The themes every page template is checked in. */
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The progress key of the build under test (`BASE_PATH`): the store's own function. */
export const KEY = storageKey(basePath());

/** What a seed sets on an item: a status (dated now), or a whole entry. */
export type Seed = Status | Entry;
/** Roadmap id → item id → seed. */
export type Seeds = Record<string, Record<string, Seed>>;

/** Impacts that fail the gate; minor and moderate ones are reported by Lighthouse instead. */
const BLOCKING = new Set(['serious', 'critical']);

interface Fixtures {
	pageErrors: Error[];
	theme: Theme | undefined;
	seedProgress: (seeds: Seeds) => Promise<void>;
	expectAxeClean: (options?: { include?: string }) => Promise<void>;
}

/** Collects the uncaught errors of a page: the fixture's, and any other page a test opens. */
export function collectErrors(page: Page): Error[] {
	const errors: Error[] = [];
	page.on('pageerror', (error) => errors.push(error));
	return errors;
}

export const test = base.extend<Fixtures>({
	theme: [undefined, { option: true }],
	page: async ({ page, theme }, use) => {
		// Starlight builds the search UI in an idle callback without a timeout. Such a callback can
		// wait indefinitely on a page with nothing to draw, and once in about 700 page loads in
		// Chromium's headless shell it never ran (the search box never appeared). Capped at 2 s, as
		// web-vitals caps its own: it still runs when the page is idle, and always runs.
		await page.addInitScript(() => {
			const idle = window.requestIdleCallback?.bind(window);
			if (idle)
				window.requestIdleCallback = (callback, options) =>
					idle(callback, { timeout: 2000, ...options });
		});
		// Starlight reads the theme from localStorage before first paint.
		if (theme)
			await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
		await use(page);
	},
	pageErrors: [
		async ({ page }, use) => {
			const errors = collectErrors(page);
			await use(errors);
			expect(errors.map(String), 'uncaught errors in the page').toEqual([]);
		},
		{ auto: true },
	],
	seedProgress: async ({ page }, use) => {
		await use(async (seeds) => {
			const entries: [string, Entry][] = Object.entries(seeds).flatMap(([roadmap, items]) =>
				Object.entries(items).map(([id, seed]): [string, Entry] => [
					itemKey(KEY, roadmap, id),
					typeof seed === 'string' ? { status: seed, at: Date.now() } : seed,
				]),
			);
			// Once, before the first document: a reload must show what the page stored since.
			await page.addInitScript(
				({ key, version, entries }) => {
					if (sessionStorage.getItem('e2e-seeded')) return;
					sessionStorage.setItem('e2e-seeded', '1');
					localStorage.setItem(key, JSON.stringify({ version }));
					for (const [name, entry] of entries) localStorage.setItem(name, JSON.stringify(entry));
				},
				{ key: KEY, version: STORE_VERSION, entries },
			);
		});
	},
	expectAxeClean: async ({ page, theme }, use) => {
		await use(async ({ include } = {}) => {
			// The page is in the theme the test asked for, or the check says nothing about it.
			if (theme) await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const builder = new AxeBuilder({ page });
			if (include) builder.include(include);
			const { violations } = await builder.analyze();
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
	},
});

/** `text` as a regular expression matching it literally. */
/**
 * Imports a progress file on the progress page once its import control is enabled: the page's
 * controls stay disabled until its script runs, and a file chosen before that would be ignored.
 */
export async function importProgress(
	page: Page,
	files: Parameters<Locator['setInputFiles']>[0],
): Promise<void> {
	const input = page.locator('input[data-import]');
	await expect(input).toBeEnabled();
	await input.setInputFiles(files);
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export { expect };
export type { Page };
