import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { parseConcepts, readConceptsSource } from '../src/content/concepts.ts';
import { allItems, leaves, parseItemTree } from '../src/content/items.ts';
import { parseResources, readResourcesSource, siteResources } from '../src/content/resources.ts';
import { listChapterFiles, readRoadmaps } from '../src/content/roadmaps.ts';

const CONTENT = resolve(import.meta.dirname, '../content');
/** Whitespace, ligatures and the typographic quotes the Markdown renderer makes, made comparable. */
const normalize = (text: string) =>
	text.normalize('NFKC').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
/** Each item's pages (content/resources.yaml), as the build reads them. */
const RESOURCES = siteResources(
	parseResources(readResourcesSource(CONTENT) ?? '').resources,
	parseConcepts(readConceptsSource(CONTENT) ?? '').concepts,
);

for (const { id } of readRoadmaps(CONTENT)) {
	test(`the print page of ${id} prints every item's text and pages into the PDF`, async ({
		page,
	}) => {
		const trees = listChapterFiles(CONTENT, id).map(({ path }) =>
			parseItemTree(readFileSync(path, 'utf8')),
		);
		const items = trees.flatMap((tree) => allItems(tree.items).map((item) => item.plain));
		expect(items.length).toBeGreaterThan(0);
		// Every page an item lists, by its address: on paper a link shows where it leads.
		const urls = [
			...new Set(
				trees.flatMap((tree) =>
					leaves(tree.items).flatMap((leaf) => RESOURCES.of(id, leaf.id!).map((link) => link.url)),
				),
			),
		];
		expect(urls.length).toBeGreaterThan(0);

		await page.goto(`/${id}/print/`);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.page > header')).toBeHidden();
		await expect(page.locator('.sidebar-pane')).toBeHidden();
		const dir = mkdtempSync(join(tmpdir(), 'roadmaps-print-'));
		try {
			const pdf = join(dir, `${id}.pdf`);
			await page.pdf({ path: pdf, format: 'A4' });
			const text = normalize(
				execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }),
			);
			const missing = items.filter((item) => !text.includes(normalize(item)));
			expect(missing, `items missing from the PDF of /${id}/print/`).toEqual([]);
			// A long address wraps: compare without whitespace.
			const compact = text.replace(/\s+/g, '');
			const unprinted = urls.filter((url) => !compact.includes(url));
			expect(unprinted, `pages missing from the PDF of /${id}/print/`).toEqual([]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
}

test('the print page shows the boxes the learner ticked on a chapter', async ({ page }) => {
	await page.goto('/express-senior/01-core-express/');
	await page.getByRole('checkbox', { name: /^Routing/ }).check();
	await page.goto('/express-senior/print/');
	await expect(page.getByRole('checkbox', { name: /^Routing/ })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: /^Middleware/ })).not.toBeChecked();
	// One marker per item, on paper too: the box, no list bullet.
	await page.emulateMedia({ media: 'print' });
	const bullets = await page
		.locator('.print-phase ul.contains-task-list')
		.evaluateAll((lists) => lists.map((list) => getComputedStyle(list).listStyleType));
	expect(bullets.length).toBeGreaterThan(0);
	expect(new Set(bullets)).toEqual(new Set(['none']));
});

test('the printed roadmap shows each item’s status in words and its note', async ({ page }) => {
	await page.goto('/express-senior/01-core-express/');
	await page.getByRole('combobox', { name: /^Status of Routing/ }).selectOption('learning');
	await page.getByRole('button', { name: /^Add note for Middleware/ }).click();
	await page
		.getByRole('textbox', { name: /^Note for Middleware/ })
		.fill('Order of app.use matters');
	await page.getByRole('textbox', { name: /^Note for Middleware/ }).blur();
	await page.goto('/express-senior/print/');
	await page.emulateMedia({ media: 'print' });
	const dir = mkdtempSync(join(tmpdir(), 'roadmaps-print-'));
	try {
		const pdf = join(dir, 'statuses.pdf');
		await page.pdf({ path: pdf, format: 'A4' });
		const text = normalize(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
		expect(text).toMatch(/Routing.{0,80}Learning/);
		expect(text).toContain('Order of app.use matters');
		// Controls that mean nothing on paper stay off it.
		expect(text).not.toContain('Not started');
		expect(text).not.toContain('Status of the focused item');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
