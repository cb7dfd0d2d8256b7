import { KEY, expect, test, type Page } from './fixtures';

/**
 * The activity calendar on /progress/: items done per local day over 26 weeks, and the streak.
 * The clock stands at 10:30 UTC on 24 November 2026: 23:30 that day in Auckland (UTC+13) and
 * 02:30 in Los Angeles (UTC-8). Items are dated just after and before local midnights, so a
 * calendar that took days in UTC would put some on the wrong day in each zone.
 */

const NOW = new Date('2026-11-24T10:30:00Z');
const CHAPTER = '/node-express-mongodb/03-express/';

/** [year, month (1-12), day, hour, minute, status] in the page's local time; [0] dates an item 0. */
type Seed = [number, number, number, number, number, string] | [0];
const SEEDS: Seed[] = [
	[2026, 11, 24, 0, 30, 'done'],
	[2026, 11, 24, 1, 0, 'learning'],
	[2026, 11, 23, 23, 30, 'done'],
	[2026, 11, 23, 12, 0, 'done'],
	[2026, 11, 23, 0, 15, 'done'],
	[2026, 11, 22, 23, 59, 'done'],
	[2026, 11, 20, 12, 0, 'done'],
	// The first day shown (Monday 1 June, 25 weeks before this Monday), and the day before it.
	[2026, 6, 1, 0, 30, 'done'],
	[2026, 5, 31, 23, 30, 'done'],
	[0],
];

/** Stores the seeds, dated in the page's own time zone, before the page's scripts run. */
const seed = (page: Page) =>
	page.addInitScript(
		({ key, seeds }) => {
			localStorage.setItem(key, JSON.stringify({ version: 2 }));
			seeds.forEach(([year, month, day, hours, minutes, status], i) => {
				const entry = year
					? { status, at: new Date(year, month! - 1, day, hours, minutes).getTime() }
					: { status: 'done', at: 0 };
				localStorage.setItem(`${key}#express-senior/seeded-${i}`, JSON.stringify(entry));
			});
		},
		{ key: KEY, seeds: SEEDS },
	);

const calendar = (page: Page) => page.getByRole('table', { name: /activity/i });
const day = (page: Page, name: string) => calendar(page).getByRole('cell', { name, exact: true });
const summary = (page: Page) => page.locator('[data-activity-summary]');

for (const timezoneId of ['Pacific/Auckland', 'America/Los_Angeles']) {
	test.describe(`in ${timezoneId}`, () => {
		test.use({ timezoneId });
		test.beforeEach(async ({ context, page }) => {
			await context.clock.setFixedTime(NOW);
			await seed(page);
		});

		test('activity shows on /progress/, by local day, with the streak', async ({ page }) => {
			await page.goto('/progress/');
			await expect(page.getByRole('heading', { name: 'Activity', level: 2 })).toBeVisible();
			await expect(calendar(page)).toBeVisible();
			await expect(day(page, '1 done, Tue 24 Nov')).toBeVisible();
			await expect(day(page, '3 done, Mon 23 Nov')).toBeVisible();
			await expect(day(page, '1 done, Sun 22 Nov')).toBeVisible();
			await expect(day(page, '0 done, Sat 21 Nov')).toBeVisible();
			await expect(day(page, '1 done, Fri 20 Nov')).toBeVisible();
			await expect(day(page, '1 done, Mon 1 Jun')).toBeVisible();
			// Before the window, and after today: not drawn.
			await expect(calendar(page).getByRole('cell', { name: /31 May|25 Nov/ })).toHaveCount(0);
			await expect(summary(page)).toHaveText(
				'7 items done in the last 26 weeks, on 5 days. Current streak: 3 days (longest: 3).',
			);
			// The shading's level is drawn as the square's size, not its colour only.
			const size = (name: string) =>
				day(page, name)
					.locator('.activity-day')
					.evaluate((el) => getComputedStyle(el, '::before').inlineSize);
			expect(parseFloat(await size('3 done, Mon 23 Nov'))).toBeGreaterThan(
				parseFloat(await size('1 done, Tue 24 Nov')),
			);
		});

		test('a tick on a chapter in another tab shows in the calendar at once', async ({
			context,
			page,
		}) => {
			await page.goto('/progress/');
			await expect(day(page, '1 done, Tue 24 Nov')).toBeVisible();
			const chapter = await context.newPage();
			await chapter.goto(CHAPTER);
			await chapter.getByRole('checkbox', { name: /^Routing/ }).check();
			await expect(day(page, '2 done, Tue 24 Nov')).toBeVisible();
			await expect(summary(page)).toContainText('8 items done in the last 26 weeks, on 5 days.');
			// Unticking takes the item off the calendar: only its latest change counts.
			await chapter.getByRole('checkbox', { name: /^Routing/ }).uncheck();
			await expect(day(page, '1 done, Tue 24 Nov')).toBeVisible();
			await page.reload();
			await expect(day(page, '1 done, Tue 24 Nov')).toBeVisible();
		});
	});
}

test('the calendar fits a 390 px phone without widening the page', async ({ context, page }) => {
	await context.clock.setFixedTime(NOW);
	await seed(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/progress/');
	await expect(day(page, '1 done, Tue 24 Nov')).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	const box = (await calendar(page).boundingBox())!;
	expect(box.x + box.width).toBeLessThanOrEqual(390);
});
