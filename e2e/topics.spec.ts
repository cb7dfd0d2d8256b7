import { expect, test } from '@playwright/test';

test('the topics page lists every tag with counts and links to its topic page', async ({
	page,
}) => {
	await page.goto('/topics/');
	const databases = page
		.locator('.topic-list > li')
		.filter({ has: page.getByRole('link', { name: 'databases', exact: true }) });
	await expect(databases).toContainText(/\d+ roadmaps?, \d+ chapters?, \d+ items?/);
	await databases.getByRole('link', { name: 'databases', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Topic: databases');
});

test('a topic page lists, per roadmap, the chapters and items carrying the tag, linking to each item', async ({
	page,
}) => {
	await page.goto('/topics/sql/');
	const main = page.locator('main');
	await expect(
		main.getByRole('heading', { level: 2, name: 'Senior Express.js Developer' }),
	).toBeVisible();
	await expect(main.getByRole('link', { name: 'Phase 2: Database Integration' })).toBeVisible();
	// Chapter 1 has no `sql` tag.
	await expect(main.getByRole('link', { name: 'Phase 1: Core Express.js' })).toHaveCount(0);
	await main.getByRole('link', { name: /Use sequelize or knex\.js/ }).click();
	await expect(page).toHaveURL(/\/express-senior\/02-database-integration\/#sequelize-knex$/);
	await expect(page.locator('li#sequelize-knex')).toBeInViewport();
});

// No chapter carries `typescript` (none of the sources teaches it): the page says so.
test('a topic no roadmap covers yet says so', async ({ page }) => {
	const response = await page.goto('/topics/typescript/');
	expect(response?.status()).toBe(200);
	await expect(page.getByText('No roadmap has a chapter on this topic yet.')).toBeVisible();
});
