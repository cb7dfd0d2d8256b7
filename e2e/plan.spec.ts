import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { THEMES, expect, importProgress, test, type Page } from './fixtures';

/**
 * The study planner, in two time zones far apart: at the fixed moment below it is already
 * Wednesday in Auckland and still Tuesday in Los Angeles, so a date computed in UTC instead of the
 * learner's own zone is a day off in one of them.
 */

const PLAN = '/nodejs-140-days/plan/';
const NOW = new Date('2026-11-24T11:30:00Z');

/** The learner's local date `days` from the fixed now, as the page's date input writes it. */
const localDay = (page: Page, days = 0) =>
	page.evaluate((days) => {
		const date = new Date(Date.now() + days * 86_400_000);
		return [date.getFullYear(), date.getMonth() + 1, date.getDate()]
			.map((n) => String(n).padStart(2, '0'))
			.join('-');
	}, days);
const pace = (page: Page) => page.locator('[data-plan-pace]');
const today = (page: Page) => page.locator('[data-plan-list="today"]');
const box = (page: Page, day: number) =>
	page.getByRole('checkbox', { name: new RegExp(`^Day ${day}:`) });

for (const [timezoneId, expectedToday] of [
	['Pacific/Auckland', '2026-11-25'],
	['America/Los_Angeles', '2026-11-24'],
] as const) {
	test.describe(`in ${timezoneId}`, () => {
		test.use({ timezoneId });
		test.beforeEach(async ({ page }) => {
			await page.clock.setFixedTime(NOW);
		});

		test('a start ten days ago makes Day 11 today’s work and says the learner is behind; ticks change the pace', async ({
			page,
			context,
		}) => {
			await page.goto(PLAN);
			expect(await localDay(page)).toBe(expectedToday);
			await expect(page.locator('[data-plan-now]')).toBeHidden();
			const start = await localDay(page, -10);
			await page.getByLabel('Start date').fill(start);
			await expect(today(page)).toContainText('Day 11:');
			await expect(today(page).locator('li')).toHaveCount(1);
			await expect(pace(page)).toContainText('Behind plan by 10 items (10 days)');
			await expect(page.locator('[data-plan-item="day-11"]')).toContainText('Today');
			await expect(page.locator('[data-plan-item="day-1"]')).toContainText('Overdue');
			await expect(page.locator('[data-plan-list="overdue"] li')).toHaveCount(10);

			// Ticking on the plan itself, and skipping counts as handled.
			for (let day = 1; day <= 9; day++) await box(page, day).check();
			await expect(pace(page)).toContainText('Behind plan by 1 item (1 day)');
			// A tick in another tab reaches this page.
			const chapter = await context.newPage();
			await chapter.goto('/nodejs-140-days/01-days-1-20/');
			await chapter.getByRole('combobox', { name: /^Status of Day 10:/ }).selectOption('skipped');
			await expect(pace(page)).toContainText('On track');
			await expect(page.locator('[data-plan-item="day-10"]')).toContainText('Skipped');
			await box(page, 11).check();
			await expect(pace(page)).toContainText('On track');
			await box(page, 12).check();
			await expect(pace(page)).toContainText('Ahead of plan by 1 item (1 day)');

			// Re-plan: what is left starts today.
			await box(page, 12).uncheck();
			await page.getByRole('button', { name: 'Re-plan from today' }).click();
			await expect(page.getByLabel('Start date')).toHaveValue(expectedToday);
			await expect(today(page)).toContainText('Day 12:');
			await expect(page.locator('[data-plan-item="day-1"]')).toContainText('Before this plan');
			await expect(pace(page)).toContainText('On track');
		});

		test('the calendar file parses and its first event falls on the start date; a reload keeps the plan', async ({
			page,
		}) => {
			await page.goto(PLAN);
			// Yesterday: a weekday in both zones (Monday in Los Angeles, Tuesday in Auckland).
			const start = await localDay(page, -1);
			await page.getByLabel('Start date').fill(start);
			await page.getByLabel('Weekdays only').check();
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
			]);
			expect(download.suggestedFilename()).toBe('nodejs-140-days-plan.ics');
			const text = await readFile((await download.path())!, 'utf8');
			expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
			const events = new ICAL.Component(ICAL.parse(text))
				.getAllSubcomponents('vevent')
				.map((event) => new ICAL.Event(event));
			expect(events).toHaveLength(140);
			const first = events[0]!.startDate;
			expect(first.isDate).toBe(true);
			expect(first.toString()).toBe(start);
			expect(events[0]!.uid).toBe('nodejs-140-days.day-1@backend-roadmaps');
			expect(events[0]!.summary).toMatch(/^Day 1: Node\.js Intro/);
			expect(events.every((event) => ![0, 6].includes(event.startDate.dayOfWeek() - 1))).toBe(true);

			const dates = await page.locator('[data-plan-phase="0"] [data-plan-dates]').textContent();
			await page.reload();
			await expect(page.getByLabel('Start date')).toHaveValue(start);
			await expect(page.getByLabel('Weekdays only')).toBeChecked();
			await expect(page.locator('[data-plan-phase="0"] [data-plan-dates]')).toHaveText(dates!);
			await expect(pace(page)).toContainText('Behind plan');
		});
	});
}

test.describe('before the planner runs', () => {
	test.use({ javaScriptEnabled: false });
	test('the plan’s controls are disabled, so none looks usable while it does nothing', async ({
		page,
	}) => {
		await page.goto(PLAN);
		await expect(page.getByLabel('Start date')).toBeDisabled();
		await expect(page.getByRole('button', { name: 'Start today' })).toBeDisabled();
		await expect(page.getByLabel('Weekdays only')).toBeDisabled();
	});
});

test('a roadmap without item times plans by its phases and the learner’s pace', async ({
	page,
}) => {
	await page.clock.setFixedTime(NOW);
	// One link away from the roadmap's landing page, under the name "Plan".
	await page.goto('/node-express-postgresql/');
	await page.getByRole('link', { name: 'Plan', exact: true }).click();
	await expect(page).toHaveURL(/\/node-express-postgresql\/plan\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan: Node + PostgreSQL');
	await page.getByRole('button', { name: 'Start today' }).click();
	const phase1 = page.locator('[data-plan-phase="0"] [data-plan-dates]');
	const last = page.locator('[data-plan-phase="9"] [data-plan-dates]');
	await expect(phase1).toHaveText(/ – /);
	const short = await phase1.textContent();
	await page.getByLabel('the longer time').check();
	await expect(phase1).not.toHaveText(short!);
	const slow = await last.textContent();
	await page.getByLabel(/^Items per week/).fill('20');
	await page.getByLabel(/^Items per week/).blur();
	await expect(last).not.toHaveText(slow!);
	await expect(page.getByRole('status').filter({ hasText: 'Your plan was saved.' })).toBeVisible();
});

for (const theme of THEMES) {
	test.describe(`${theme} theme`, () => {
		test.use({ theme });
		test('axe finds nothing serious on a plan with every state', async ({
			page,
			expectAxeClean,
		}) => {
			await page.clock.setFixedTime(NOW);
			await page.goto(PLAN);
			await page.getByLabel('Start date').fill(await localDay(page, -6));
			await box(page, 1).check();
			await page.getByRole('checkbox', { name: /^Day 2:/ }).focus();
			await page.keyboard.press('s');
			await page.getByRole('checkbox', { name: /^Day 3:/ }).focus();
			await page.keyboard.press('l');
			await expect(page.locator('[data-plan-item="day-3"]')).toContainText('Learning');
			// A leaf's box is done or not: "mixed" belongs to groups only, its state is in words.
			expect(
				await box(page, 3).evaluate((input) => (input as HTMLInputElement).indeterminate),
			).toBe(false);
			await expect(box(page, 3)).not.toHaveAttribute('aria-checked', 'mixed');
			await expect(page.locator('[data-plan-item="day-7"]')).toContainText('Today');
			await expectAxeClean();
		});
	});
}

test('the plan travels with the progress: in the exported file and in the transfer link', async ({
	page,
	browser,
	baseURL,
}) => {
	await page.clock.setFixedTime(NOW);
	await page.goto(PLAN);
	const start = await localDay(page, -10);
	await page.getByLabel('Start date').fill(start);
	await page.getByLabel('Weekdays only').check();
	await box(page, 1).check();
	await page.goto('/progress/');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export progress' }).click(),
	]);
	const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
	expect(file).toMatchObject({
		version: 4,
		plans: { 'nodejs-140-days': { start, weekdaysOnly: true, estimate: 'min' } },
	});

	await page.getByRole('button', { name: 'Copy transfer link' }).click();
	const link = await page.getByRole('textbox', { name: 'Transfer link' }).inputValue();
	const other = await browser.newContext({ baseURL, timezoneId: 'America/Los_Angeles' });
	const phone = await other.newPage();
	await phone.clock.setFixedTime(NOW);
	await phone.goto(link.replace(/^https?:\/\/[^/]+/, ''));
	const dialog = phone.getByRole('dialog', { name: 'Add progress from a transfer link?' });
	await expect(dialog).toContainText('and 1 study plan');
	await dialog.getByRole('button', { name: 'Add to my progress' }).click();
	await expect(phone.locator('.progress-result')).toContainText('1 study plan added or updated');
	await phone.goto(PLAN);
	await expect(phone.getByLabel('Start date')).toHaveValue(start);
	await expect(phone.getByLabel('Weekdays only')).toBeChecked();
	await expect(box(phone, 1)).toBeChecked();

	// The file imports elsewhere too, plan included.
	const third = await browser.newContext({ baseURL });
	const laptop = await third.newPage();
	await laptop.goto('/progress/');
	await importProgress(laptop, (await download.path())!);
	await expect(laptop.locator('.progress-result')).toContainText('1 study plan added or updated');
	await laptop.goto(PLAN);
	await expect(laptop.getByLabel('Start date')).toHaveValue(start);
	await other.close();
	await third.close();
});
