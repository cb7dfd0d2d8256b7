import { THEMES, expect, test, type Page, type Seeds } from './fixtures';

/**
 * The accessibility gate in a real browser: axe on each page *template*, in both themes, with
 * progress of every kind stored, as Starlight samples its page types. What differs between pages
 * of one template (labels, ids, headings, links, image alternatives, HTML conformance) is checked
 * on every built page by the static pass, `npm run check:html` (scripts/check-html.ts). The plan
 * page with every plan state is checked in plan.spec.ts, where that state is built.
 */

const NOW = Date.now();
/**
 * Done, learning, skipped and a note, in two roadmaps; groups mixed (Express fundamentals) and done
 * (auth); an item done through another roadmap (Docker, a concept's copy: `via`).
 */
const SEEDS: Seeds = {
	'express-senior': { 'docker-containerization': 'done' },
	'node-express-mongodb': {
		middleware: 'done',
		routing: 'learning',
		'error-handling': 'skipped',
		'request-response-lifecycle': { status: 'open', at: NOW, note: 'Read it twice.', noteAt: NOW },
		jwt: 'done',
		'oauth-google-github': 'done',
		'session-auth': 'done',
		'docker-kubernetes': { status: 'done', at: NOW, via: 'express-senior' },
	},
	'nodejs-140-days': { 'day-1': 'done', 'day-2': 'learning', 'day-3': 'skipped' },
};

/** The stored progress shows on a page with a meter for the roadmap. */
const meterShowsSeeds = (page: Page) =>
	expect(
		page.locator('progress[data-roadmap="node-express-mongodb"]').first().locator('..'),
	).toContainText('1 learning · 1 skipped');

/** Each template: a page that uses it, and the state that says the page is ready to check. */
const TEMPLATES: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
	{ name: 'home', path: '/', ready: meterShowsSeeds },
	{
		name: 'roadmap landing, with items done in other roadmaps',
		path: '/node-express-mongodb/',
		ready: async (page) => {
			await meterShowsSeeds(page);
			await expect(page.getByRole('status').filter({ hasText: 'done in another' })).toBeVisible();
		},
	},
	{
		name: 'chapter with groups, mixed and done, every status, "Also in" links and an open "Learn"',
		path: '/node-express-mongodb/03-express/',
		ready: async (page) => {
			await expect(page.locator('#middleware .item-also a').first()).toBeVisible();
			await page.locator('#middleware details.item-learn summary').click();
			await expect(page.locator('#middleware details.item-learn a').first()).toBeVisible();
			const group = page.getByRole('checkbox', { name: /^Learn Express fundamentals/ });
			await expect(group).toHaveAttribute('aria-checked', 'mixed');
			await expect(page.getByRole('checkbox', { name: /^Implement Authentication/ })).toBeChecked();
			await expect(page.getByRole('combobox', { name: 'Status of Routing' })).toHaveValue(
				'learning',
			);
		},
	},
	{
		name: 'day-plan chapter',
		path: '/nodejs-140-days/01-days-1-20/',
		ready: (page) => expect(page.getByRole('checkbox', { name: /^Day 1:/ })).toBeChecked(),
	},
	{
		name: 'plan, before a plan is made',
		path: '/node-express-postgresql/plan/',
		ready: (page) => expect(page.getByRole('button', { name: 'Start today' })).toBeVisible(),
	},
	{
		name: 'print',
		path: '/node-express-mongodb/print/',
		ready: (page) => expect(page.getByRole('checkbox', { name: /^Middleware/ })).toBeChecked(),
	},
	{
		name: 'progress with data',
		path: '/progress/',
		ready: async (page) => {
			await meterShowsSeeds(page);
			await expect(page.locator('main')).toContainText('Read it twice.');
		},
	},
	{
		name: 'topics index',
		path: '/topics/',
		ready: (page) => expect(page.getByRole('link', { name: 'Express', exact: true })).toBeVisible(),
	},
	{
		name: 'topic',
		path: '/topics/express/',
		ready: (page) => expect(page.getByRole('progressbar').first()).toBeVisible(),
	},
	{
		name: '404',
		path: '/no-such-page/',
		ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible(),
	},
];

for (const theme of THEMES) {
	test.describe(`${theme} theme`, () => {
		test.use({ theme });
		for (const { name, path, ready } of TEMPLATES) {
			test(`${name} (${path}) has no serious or critical axe violations`, async ({
				page,
				seedProgress,
				expectAxeClean,
			}) => {
				await seedProgress(SEEDS);
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				await ready(page);
				await expectAxeClean();
			});
		}
	});
}
