import { expect, type Page } from '@playwright/test';

/** Pagefind's browser API on the built site (tests run without a base path). */
export const PAGEFIND_BUNDLE = '/pagefind/pagefind.js';

/** Site path of a URL without the base path (`/express-senior/…`), so cases ignore BASE_PATH. */
export function sitePath(url: string, baseURL: string): string {
	const base = new URL(baseURL).pathname.replace(/\/$/, '');
	const path = new URL(url, baseURL).pathname;
	return path.startsWith(base) ? path.slice(base.length) || '/' : path;
}

/** Opens the search dialog from the keyboard (Ctrl+K) and returns its search box. */
export async function openSearch(page: Page) {
	// Starlight builds the Pagefind UI when the page is idle; open the dialog once it exists.
	await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await expect(dialog).toBeVisible();
	const input = dialog.getByRole('textbox');
	await expect(input).toBeFocused();
	return { dialog, input };
}

/** Types a query into the open dialog and waits until its results have rendered. */
export async function search(page: Page, query: string) {
	const { dialog, input } = await openSearch(page);
	await input.fill(query);
	const results = dialog.locator('.pagefind-ui__result');
	await expect(results.first().locator('.pagefind-ui__result-link').first()).toHaveAttribute(
		'href',
		/\//,
	);
	return { dialog, input, results };
}
