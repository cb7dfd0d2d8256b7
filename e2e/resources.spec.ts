import { learnHtml } from '../src/markdown/learn.ts';
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

test('on the largest chapter page, the pages cost their links and a fixed markup, nothing more', async ({
	request,
}) => {
	// Every chapter page of the site, from the sitemap; the largest by HTML bytes.
	const sitemap = await (await request.get('/sitemap-0.xml')).text();
	const chapters = [...sitemap.matchAll(/<loc>[^<]*?(\/[a-z0-9-]+\/\d\d-[a-z0-9-]+\/)<\/loc>/g)];
	expect(chapters.length).toBeGreaterThan(10);
	const pages = await Promise.all(
		chapters.map(async ([, path]) => ({ path, html: await (await request.get(path!)).text() })),
	);
	const { path, html } = pages.sort((a, b) => b.html.length - a.html.length)[0]!;
	const blocks = html.match(/<details class="item-learn[^]*?<\/details>/g) ?? [];
	expect(blocks.length, `${path} has items with pages`).toBeGreaterThan(10);
	let links = 0;
	let content = 0;
	for (const block of blocks) {
		content += /<span class="sr-only"> about ([^<]*)<\/span>/.exec(block)![1]!.length;
		for (const [, url, title, site] of block.matchAll(
			/<li><a href="([^"]*)">([^<]*)<\/a> <small>([^<]*)<\/small><\/li>/g,
		)) {
			links++;
			content += url!.length + title!.length + site!.length;
		}
	}
	// The markup around one item's list, and around one link, as src/markdown/learn.ts writes it.
	const link = { title: '', url: 'https://a.b' };
	const linkText = link.url.length + 'a.b'.length; // its URL and its site
	const PER_LINK = learnHtml('', [link, link]).length - learnHtml('', [link]).length - linkText;
	const PER_ITEM = learnHtml('', [link]).length - linkText - PER_LINK;
	// Lean markup: under 200 bytes for an item with one page, besides the page's own text.
	expect(PER_ITEM + PER_LINK).toBeLessThan(200);
	const markup = blocks.join('').length - content;
	expect(markup, `${path}: ${blocks.length} lists, ${links} links`).toBeLessThanOrEqual(
		PER_ITEM * blocks.length + PER_LINK * links,
	);
});
