import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The themes every page is checked in. */
export const THEMES = ['light', 'dark'] as const;

/** Impacts that fail the gate; minor and moderate ones are reported by Lighthouse instead. */
const BLOCKING = new Set(['serious', 'critical']);

/** Opens the page's next documents in `theme`: Starlight reads it from localStorage before first paint. */
export const useTheme = (page: Page, theme: (typeof THEMES)[number]) =>
	page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, with one
 * readable line per violation and up to five of its elements.
 */
export async function expectNoBlockingViolations(page: Page): Promise<void> {
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
	expect(problems, `axe found serious/critical violations:\n${problems.join('\n')}`).toEqual([]);
}
