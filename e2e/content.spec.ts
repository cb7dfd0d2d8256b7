import { expect, test } from './fixtures';

/**
 * One chapter of each of the five roadmaps renders: its title and its progress checkboxes. Each
 * roadmap's first chapter is reached from its landing page (the first phase of its map), so the
 * test does not depend on chapter file names.
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
		await page.locator('.roadmap-map .map-title a').first().click();
		await expect(page).toHaveURL(new RegExp(`/${roadmap}/01-[^/]+/$`));
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
		const firstItem = page.locator('main input.item-check').first();
		await expect(firstItem).toBeVisible();
		await expect(firstItem).toBeEnabled();
	});
}

test('every day of the 140-day plan has its own anchor, and a link to it lands on the day', async ({
	page,
}) => {
	await page.goto('/nodejs-140-days/04-days-61-80/#day-72');
	const day = page.locator('#day-72');
	await expect(day).toContainText('Day 72:');
	await expect(day).toBeInViewport();

	// All 140 days, across the seven block pages, each exactly once.
	const ids: string[] = [];
	await page.goto('/nodejs-140-days/');
	const blocks = await page
		.locator('.roadmap-map .map-title a')
		.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
	expect(blocks).toHaveLength(7);
	for (const block of blocks) {
		await page.goto(block);
		ids.push(
			...(await page.locator('main li[id^="day-"]').evaluateAll((els) => els.map((el) => el.id))),
		);
	}
	expect(ids).toEqual(Array.from({ length: 140 }, (_, i) => `day-${i + 1}`));
});
