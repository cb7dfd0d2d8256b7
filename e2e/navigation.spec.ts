import { expect, test } from './fixtures';

test('home page lists every roadmap and links to its landing page', async ({ page }) => {
	await page.goto('/');
	const cards = page.locator('.roadmap-card');
	await expect(cards.first()).toBeVisible();
	const first = cards.first().getByRole('link').first();
	const name = await first.textContent();
	await first.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name!.trim());
	await expect(page.getByRole('heading', { name: 'Phases' })).toBeVisible();
});

test('a roadmap sidebar walks its phases in order, and next/prev stay inside the roadmap', async ({
	page,
}) => {
	await page.goto('/express-senior/');
	const sidebar = page.locator('#starlight__sidebar');
	const phaseLinks = sidebar.locator('ul.top-level a');
	const titles = (await phaseLinks.allTextContents()).map((t) => t.trim());
	expect(titles.length).toBeGreaterThan(1);
	const numbers = titles.map((t) => Number(/^Phase (\d+)/.exec(t)?.[1]));
	expect(numbers).toEqual(numbers.map((_, i) => i + 1));

	// Start at phase 1 and follow "Next" to the end: every page is the next sidebar entry.
	await phaseLinks.first().click();
	for (const [index, title] of titles.entries()) {
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(sidebar.locator('a[aria-current="page"]')).toHaveText(title);
		const next = page.locator('.pagination-links a[rel="next"]');
		if (index === titles.length - 1) {
			await expect(next).toHaveCount(0);
		} else {
			await next.click();
		}
	}
	// Back from phase 1 never leaves the roadmap.
	await phaseLinks.first().click();
	await expect(page.locator('.pagination-links a[rel="prev"]')).toHaveCount(0);
});
