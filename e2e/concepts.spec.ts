import { THEMES, expect, test, type Page } from './fixtures';
import { search } from './search-helpers';

/**
 * Concepts (content/concepts.yaml, issue 24): "Also in" under each shared item of a chapter links
 * the concept's other members, and a roadmap's landing page counts its items done through other
 * roadmaps. Both pages, in both themes, are also in the accessibility gate (e2e/a11y.spec.ts); the
 * highlighted item reached through "Also in" is checked here.
 */

const CHAPTER = '/node-express-postgresql/04-authentication-authorization/';
const JWT = 'JWT (sign, verify, refresh tokens)';

for (const theme of THEMES) {
	test.describe(`${theme} theme`, () => {
		test.use({ theme });
		test('"Also in" under a shared item links the other members; a link leads there by keyboard', async ({
			page,
			expectAxeClean,
		}) => {
			await page.goto(CHAPTER);
			const item = page.locator('li#jwt-sign-verify-refresh');
			const also = item.locator('.item-also');
			await expect(also).toHaveAttribute('data-pagefind-ignore', 'all');
			await expect(also).toHaveText(/^Also in: /);
			await expect(also.getByRole('link')).toHaveText([
				'Senior Express, Phase 3: Advanced Express.js',
				'Node + MongoDB, Phase 3: Master Express.js (The Backend Framework)',
				'Node.js in 140 days, Phase 4: Authentication & Authorization',
				'Backend JS + Python, Phase 2: Node.js & JavaScript Backend',
			]);
			// Outside the label: the checkbox is still named by the item's text alone.
			await expect(page.getByRole('checkbox', { name: JWT, exact: true })).toBeVisible();
			await expect(item.locator('label .item-also')).toHaveCount(0);
			// An item in no concept has no line.
			await expect(page.locator('li#project-auth-api .item-also')).toHaveCount(0);

			// After the item's status tools, next in the tab order.
			await page.getByRole('button', { name: `Add note for ${JWT}` }).focus();
			await page.keyboard.press('Tab');
			const link = also.getByRole('link', { name: /^Senior Express/ });
			await expect(link).toBeFocused();
			await expect(link).toHaveCSS('outline-style', 'solid');
			await page.keyboard.press('Enter');

			await expect(page).toHaveURL(/\/express-senior\/03-advanced-express\/#jwt-stateless-auth$/);
			const member = page.locator('li#jwt-stateless-auth');
			await expect(member).toBeInViewport();
			// A new document applies its fragment after parsing: wait for the state, never for time.
			await expect.poll(() => member.evaluate((li) => li.matches(':target'))).toBe(true);
			await expect(member).toHaveCSS('outline-style', 'solid');
			// Below the chapter's sticky meter, not under it.
			const bar = page.locator('.chapter-progress');
			await expect
				.poll(async () => (await member.boundingBox())!.y - (await bar.boundingBox())!.y)
				.toBeGreaterThanOrEqual((await bar.boundingBox())!.height);
			// Highlighted, its "Also in" line included, with enough contrast.
			await expectAxeClean({ include: '#jwt-stateless-auth' });
			// The way back lists the PostgreSQL item.
			await expect(
				member.getByRole('link', {
					name: 'Node + PostgreSQL, Phase 4: Authentication & Authorization',
				}),
			).toHaveAttribute(
				'href',
				/\/node-express-postgresql\/04-authentication-authorization\/#jwt-sign-verify-refresh$/,
			);
		});
	});
}

test('search leaves "Also in" out: a shared item\'s result is titled with its own text', async ({
	page,
}) => {
	await page.goto('/');
	const { dialog } = await search(page, 'refresh tokens');
	// Pagefind titles an item's result with the text of its <li>, "Also in" links and all, unless
	// the line is ignored entirely (`data-pagefind-ignore="all"`).
	await expect(
		dialog.locator('.pagefind-ui__result-nested a[href$="#jwt-sign-verify-refresh"]').first(),
	).toHaveText(JWT);
});

test('"Also in" fits a 390 px phone without widening the page', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(CHAPTER);
	const also = page.locator('li#jwt-sign-verify-refresh .item-also');
	await expect(also).toBeVisible();
	const box = (await also.boundingBox())!;
	expect(box.x + box.width).toBeLessThanOrEqual(390);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

const LANDING = '/node-express-mongodb/';
const AT = Date.now();
const done = (via?: string) => ({ status: 'done' as const, at: AT, ...(via ? { via } : {}) });

/** The landing page's count line, once the progress binding has drawn the seeded ticks. */
async function countLine(page: Page, doneInMeter: number) {
	await page.goto(LANDING);
	await expect(page.locator('.roadmap-start [data-progress-text]')).toHaveText(
		new RegExp(`^${doneInMeter} / \\d+ done`),
	);
	return page.locator('done-elsewhere');
}

test('the landing page counts items done through other roadmaps, in a polite live region', async ({
	page,
	seedProgress,
}) => {
	// As the store leaves them: the item the learner ticked (no `via`) and its copies (`via` it).
	await seedProgress({
		'express-senior': { 'docker-containerization': done(), routing: done('node-express-mongodb') },
		'node-express-postgresql': { 'jwt-sign-verify-refresh': done() },
		'nodejs-140-days': { 'day-120': { status: 'learning', at: AT } },
		'node-express-mongodb': {
			'docker-kubernetes': done('express-senior'),
			jwt: done('node-express-postgresql'),
			routing: done(),
			graphql: { status: 'learning', at: AT, via: 'nodejs-140-days' },
		},
	});
	const line = await countLine(page, 3);
	await expect(line).toHaveText('2 items done in other roadmaps');
	await expect(line).toHaveRole('status');
	await expect(line).toBeVisible();
});

test('one item done in another roadmap is said in the singular', async ({ page, seedProgress }) => {
	await seedProgress({
		'node-express-postgresql': { 'jwt-sign-verify-refresh': done() },
		'node-express-mongodb': { jwt: done('node-express-postgresql') },
	});
	await expect(await countLine(page, 1)).toHaveText('1 item done in another roadmap');
});

test('the landing page says nothing of other roadmaps when no tick came from one', async ({
	page,
	seedProgress,
}) => {
	await seedProgress({
		'node-express-mongodb': { jwt: done(), 'docker-kubernetes': done(), routing: done() },
	});
	const line = await countLine(page, 3);
	await expect(line).toBeEmpty();
	await expect(line).toBeHidden();
});
