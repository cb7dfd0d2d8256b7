import { expect, test } from '@playwright/test';

/**
 * One chapter of each of the five roadmaps renders: its title and its progress checkboxes. Each
 * roadmap's first chapter is reached from its landing page ("Where to start"), so the test does
 * not depend on chapter file names.
 */
const ROADMAPS = [
	'express-senior',
	'node-express-mongodb',
	'node-express-postgresql',
	'nodejs-140-days',
	'backend-js-python',
];

for (const roadmap of ROADMAPS) {
	test(`${roadmap}: the first chapter shows its title and items to tick off`, async ({ page }) => {
		const landing = await page.goto(`/${roadmap}/`);
		expect(landing?.status(), `no landing page for content/${roadmap}/`).toBe(200);
		await page.locator('#start ~ p a').first().click();
		await expect(page).toHaveURL(new RegExp(`/${roadmap}/01-[^/]+/$`));
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
		const firstItem = page.locator('main input.item-check').first();
		await expect(firstItem).toBeVisible();
		await expect(firstItem).toBeEnabled();
	});
}
