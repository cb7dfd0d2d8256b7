import { expect, test } from './fixtures';

/**
 * "Learn" (content/resources.yaml, src/markdown/learn.ts): each item's pages, one click, or one
 * key, from the item. Axe checks the open disclosure in both themes (a11y.spec.ts, chapter
 * template); the print page's lists are checked in print.spec.ts.
 */

test('an item’s pages open by keyboard alone, named for the item, each saying its site', async ({
	page,
}) => {
	await page.goto('/express-senior/01-core-express/');
	const item = page.locator('li#routing');
	const learn = item.locator('details.item-learn');
	const summary = learn.locator('summary');
	await expect(summary).toHaveAccessibleName(
		/^Learn about Routing \(app\.get, app\.post, etc\.\)$/,
	);
	await expect(learn).toHaveJSProperty('open', false);
	const link = learn.getByRole('link', { name: 'Express: Routing' });
	await expect(link).toBeHidden();

	// From the item's note button, Tab reaches the summary ("Also in" links come between).
	await item.getByRole('button', { name: /^Add note for Routing/ }).focus();
	for (let i = 0; i < 5 && !(await summary.evaluate((s) => s === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(summary).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(learn).toHaveJSProperty('open', true);
	await expect(link).toBeVisible();
	await expect(link).toHaveAttribute('href', 'https://expressjs.com/en/5x/guide/routing/');
	// Same tab, and the site it leads to right after the link.
	await expect(link).not.toHaveAttribute('target');
	await expect(link.locator('xpath=following-sibling::small')).toHaveText('expressjs.com');
	await page.keyboard.press('Tab');
	await expect(link).toBeFocused();
	// Closed again from the keyboard.
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Space');
	await expect(learn).toHaveJSProperty('open', false);
});

test('a concept’s pages show on each of its members, and search ignores them', async ({ page }) => {
	// One concept (express-routing): the same pages on both roadmaps' items.
	const hrefs = async (path: string, id: string) => {
		await page.goto(path);
		return page
			.locator(`li#${id} details.item-learn a`)
			.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
	};
	const senior = await hrefs('/express-senior/01-core-express/', 'routing');
	expect(senior.length).toBeGreaterThan(0);
	expect(await hrefs('/node-express-mongodb/03-express/', 'routing')).toEqual(senior);
	await expect(page.locator('details.item-learn').first()).toHaveAttribute(
		'data-pagefind-ignore',
		'all',
	);
});

test('llms-small.txt gives each item its pages', async ({ request }) => {
	const text = await (await request.get('/llms-small.txt')).text();
	expect(text).toMatch(
		/- Routing \(`app\.get`, `app\.post`, etc\.\)\n {2}- Learn: \[Express: Routing\]\(https:\/\/expressjs\.com\/en\/5x\/guide\/routing\/\)/,
	);
});
