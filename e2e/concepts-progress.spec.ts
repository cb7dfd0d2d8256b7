import { expect, test, type Page } from './fixtures';

/**
 * Learn it once (content/concepts.yaml): JWT is one concept with a member in each of the five
 * roadmaps. Ticking it in one roadmap shows it done in the others, on every page and in another
 * tab; a note is shared; a reset asks about shared items; linking can be turned off.
 */

const SENIOR = '/express-senior/03-advanced-express/';
const DAYS = '/nodejs-140-days/04-days-61-80/';
const senior = (page: Page) =>
	page.getByRole('checkbox', { name: /^Use JWT \(JSON Web Tokens\) for stateless/ });
const day63 = (page: Page) => page.getByRole('checkbox', { name: /^Day 63:/ });

test('a tick on a shared item shows done in another roadmap: its chapter, landing meter, /progress/ and another tab', async ({
	page,
	context,
}) => {
	const other = await context.newPage();
	await other.goto(DAYS);
	await expect(day63(other)).not.toBeChecked();
	await page.goto(SENIOR);
	await senior(page).check();
	// The other tab follows at once, without a reload.
	await expect(day63(other)).toBeChecked();
	await page.goto(DAYS);
	await expect(day63(page)).toBeChecked();
	for (const path of ['/nodejs-140-days/', '/progress/']) {
		await page.goto(path);
		await expect(
			page.locator('progress[data-roadmap="nodejs-140-days"]').first().locator('..'),
		).toContainText(/1 \/ \d+ done/);
	}
	await other.close();
});

test('a note typed on one member shows on another', async ({ page }) => {
	await page.goto(SENIOR);
	await page
		.getByRole('button', { name: /^Add note for Use JWT/ })
		.first()
		.click();
	const field = page.getByRole('textbox', { name: /^Note for Use JWT/ });
	await field.fill('Refresh tokens rotate.');
	await field.blur();
	await page.goto(DAYS);
	await expect(page.getByRole('button', { name: /^Edit note for Day 63:/ })).toBeVisible();
	await page.getByRole('button', { name: /^Edit note for Day 63:/ }).click();
	await expect(page.getByRole('textbox', { name: /^Note for Day 63:/ })).toHaveValue(
		'Refresh tokens rotate.',
	);
});

test('a reset lists the shared items it would also clear, and keeps them when asked', async ({
	page,
	seedProgress,
	expectAxeClean,
}) => {
	await seedProgress({ 'express-senior': { 'jwt-stateless-auth': 'done' } });
	await page.goto('/progress/');
	const reset = () =>
		page
			.getByRole('button', { name: /^Reset/ })
			.and(page.locator('[data-reset="express-senior"]'))
			.click();
	await reset();
	const dialog = page.getByRole('dialog', { name: 'Reset progress?' });
	await expect(dialog.getByRole('listitem')).toHaveText([
		'Use JWT (JSON Web Tokens) for stateless authentication.',
	]);
	await expect(dialog.getByRole('checkbox', { name: /^Keep these/ })).toBeChecked();
	await expectAxeClean({ include: '[data-reset-dialog]' });
	await dialog.getByRole('button', { name: 'Reset' }).click();
	await page.goto(DAYS);
	await expect(day63(page)).toBeChecked();
	await page.goto(SENIOR);
	await expect(senior(page)).toBeChecked();

	await page.goto('/progress/');
	await reset();
	await dialog.getByRole('checkbox', { name: /^Keep these/ }).uncheck();
	await dialog.getByRole('button', { name: 'Reset' }).click();
	await expect(page.locator('[data-progress-result]')).toContainText('was reset');
	await page.goto(DAYS);
	await expect(day63(page)).not.toBeChecked();
});

test('with linking off, a new tick stays in its roadmap', async ({ page }) => {
	await page.goto('/progress/');
	const linking = page.getByRole('checkbox', { name: /^Learn it once/ });
	await expect(linking).toBeChecked();
	await linking.uncheck();
	await expect(page.locator('[data-progress-result]')).toContainText('no longer linked');
	await page.goto(SENIOR);
	await senior(page).check();
	await page.goto(DAYS);
	await expect(day63(page)).not.toBeChecked();
	await page.goto('/progress/');
	await expect(linking).not.toBeChecked();
});
