import { expect, test } from './fixtures';

test('the topics page lists topics by name, with correct plurals, linking to each page', async ({
	page,
}) => {
	await page.goto('/topics/');
	const list = page.locator('.topic-list > li');
	const core = list.filter({ has: page.getByRole('link', { name: 'Node.js core', exact: true }) });
	await expect(core).toContainText(/\d+ roadmaps? · \d+ phases? · \d+ items?/);
	// Named, not by id: checked once the list is there, so an empty page cannot pass.
	await expect(list.filter({ hasText: 'node-core' })).toHaveCount(0);
	await expect(page.locator('main')).not.toContainText(/\b1 (roadmaps|phases|items)\b/);
	await expect(page.locator('main')).not.toContainText(/\b0 items\b/);
	await core.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Node.js core');
});

test('a topic page has no roadmap sidebar and lists, per roadmap, the phases and sections with progress', async ({
	page,
}) => {
	await page.goto('/topics/sql/');
	await expect(page.locator('#starlight__sidebar')).toHaveCount(0);
	const main = page.locator('main');
	await expect(
		main.getByRole('heading', { level: 2, name: 'Senior Express.js Developer' }),
	).toBeVisible();
	await expect(main.getByRole('link', { name: 'Phase 2: Database Integration' })).toBeVisible();
	// Chapter 1 has no `sql` tag.
	await expect(main.getByRole('link', { name: 'Phase 1: Core Express.js' })).toHaveCount(0);
	await expect(
		main.getByRole('progressbar', {
			name: 'Progress in Senior Express, Phase 2: Database Integration',
		}),
	).toBeVisible();
	await main.getByRole('link', { name: 'SQL Databases', exact: true }).click();
	await expect(page).toHaveURL(/\/express-senior\/02-database-integration\/#sql-databases$/);
	await expect(page.locator('#sql-databases')).toBeInViewport();
});

// No chapter carries `typescript` (none of the sources teaches it): it gets no page and no entry.
test('a topic no roadmap covers yet is not listed', async ({ page }) => {
	await page.goto('/topics/');
	await expect(page.getByRole('link', { name: 'Node.js core', exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'TypeScript', exact: true })).toHaveCount(0);
});
