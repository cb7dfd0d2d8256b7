import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { listChapterFiles } from '../src/content/roadmaps.ts';

/**
 * Progress budgets (issue 4), measured on a built site: the progress code the browser loads
 * (at most 5 KB min+gzip on a chapter) and, with 5,000 stored items in Chromium, the time to restore a
 * chapter's checkboxes and meters and to update every counter after a click (each under one
 * frame, 16 ms). Called by `npm run bench`; never by `npm test` (timings are not test asserts).
 */

export interface Measure {
	value: number;
	unit: string;
	budget: number;
	ok: boolean;
}

const KEY = 'backend-roadmaps:progress:/';
const TICKS = 5000;
/** Of the stored items, how many carry a note (issue 12: 5,000 items set and 500 notes). */
const NOTES = 500;
/** Chapter pages: checkboxes, status controls, notes and meters (issue 12: 5 KB). */
const JS_BUDGET = 5120;
/**
 * The progress page also carries the file importer, the transfer-link codec and the learning and
 * notes lists; its QR code generator loads only when asked for and is not counted.
 */
const PAGE_JS_BUDGET = 10240;
/** The study planner (issue 13): at most 5 KB, on plan pages only; chapter pages carry none of it. */
const PLAN_JS_BUDGET = 5120;
const FRAME_MS = 16;

export const measure = (value: number, unit: string, budget: number): Measure => ({
	value,
	unit,
	budget,
	ok: value <= budget,
});
export const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The built chapter with the most checkboxes (the most work to restore), e.g. `express-senior/01-core-express/`. */
async function largestChapter(dist: string): Promise<string> {
	let best = { path: '', boxes: 0 };
	// Chapters only (src/content/roadmaps.ts): the plan and print pages list a whole roadmap's boxes.
	for (const { contentPath } of listChapterFiles('content')) {
		const path = `${contentPath.replace(/\.mdx?$/, '')}/`;
		const html = await readFile(join(dist, path, 'index.html'), 'utf8').catch(() => '');
		const boxes = html.split('class="item-check"').length - 1;
		if (boxes > best.boxes) best = { path, boxes };
	}
	if (!best.path)
		throw new Error(`${dist} has no chapter with checkboxes: run \`npm run build\` first.`);
	return best.path;
}

/** Module scripts a built page loads, with every chunk they import, as dist-relative paths. */
async function moduleGraph(dist: string, htmlPath: string): Promise<Map<string, string>> {
	const html = await readFile(join(dist, htmlPath), 'utf8');
	const files = new Map<string, string>();
	const queue = [...html.matchAll(/<script type="module" src="\/([^"]+\.js)"/g)].map(
		(match) => match[1]!,
	);
	while (queue.length > 0) {
		const file = queue.shift()!;
		if (files.has(file)) continue;
		const code = await readFile(join(dist, file), 'utf8');
		files.set(file, code);
		const dir = file.slice(0, file.lastIndexOf('/') + 1);
		for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g))
			queue.push(dir + match[1]);
	}
	return files;
}

/** Gzipped bytes (gzip -9, file by file, as served) of script files' code. */
const gzipTotal = (codes: Iterable<string>) =>
	[...codes].reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);

/**
 * Bytes (gzip -9 of the minified build output, file by file, as served) of the progress scripts
 * a page loads: those holding the store (found by its storage key) and the entry scripts
 * that import them.
 */
async function progressBytes(dist: string, htmlPath: string): Promise<number> {
	const graph = await moduleGraph(dist, htmlPath);
	const isProgress = (code: string) => code.includes('backend-roadmaps:progress:');
	const storeChunks = [...graph]
		.filter(([, code]) => isProgress(code))
		.map(([file]) => file.split('/').pop()!);
	if (storeChunks.length === 0)
		throw new Error(`${htmlPath} loads no progress script: is dist/ a fresh build?`);
	return gzipTotal(
		[...graph.values()].filter(
			(code) => isProgress(code) || storeChunks.some((chunk) => code.includes(`./${chunk}`)),
		),
	);
}

/**
 * The planner's bytes: what a plan page loads beyond a chapter page's scripts, and the bytes of
 * chapter scripts holding planner code (its calendar writer or its storage key), which must be 0.
 */
async function planBytes(dist: string, chapter: string) {
	const chapterGraph = await moduleGraph(dist, `${chapter}index.html`);
	const roadmap = chapter.split('/')[0]!;
	const planGraph = await moduleGraph(dist, `${roadmap}/plan/index.html`);
	const planner = (code: string) => code.includes('VCALENDAR') || code.includes(':plan:');
	if (![...planGraph.values()].some(planner))
		throw new Error(`${roadmap}/plan/ loads no planner script: is dist/ a fresh build?`);
	return {
		// What a plan page loads beyond a chapter page's scripts.
		plan: gzipTotal(
			[...planGraph].filter(([file]) => !chapterGraph.has(file)).map(([, code]) => code),
		),
		chapter: gzipTotal([...chapterGraph.values()].filter(planner)),
	};
}

/** Runs the progress measurements against a served build (`baseURL`) and its `dist/`. */
export async function measureProgress({
	baseURL,
	browser,
	distDir = 'dist',
}: {
	baseURL: string;
	browser: Browser;
	distDir?: string;
}): Promise<Record<string, Measure>> {
	const dist = resolve(distDir);
	const chapter = await largestChapter(dist);
	const chapterBytes = await progressBytes(dist, `${chapter}index.html`);
	const pageBytes = await progressBytes(dist, 'progress/index.html');
	const planner = await planBytes(dist, chapter);

	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	// The chapter's own items, each set with a note, and 5,000 other items of its roadmap (500
	// with notes), in the current layout (one key per item, src/progress/store.ts), stored once.
	// A page reads only the keys of what it shows: the 5,000 must cost nothing.
	const roadmap = chapter.split('/')[0]!;
	await page.goto(chapter);
	const own = await page
		.locator('input.item-check[data-item]')
		.evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).dataset.item!));
	await page.addInitScript(
		({ key, roadmap, count, notes, own }) => {
			if (localStorage.getItem(key)) return;
			localStorage.setItem(key, JSON.stringify({ version: 2 }));
			const note = (text: string) => ({
				status: 'learning',
				at: 1,
				note: text.padEnd(120, 'x'),
				noteAt: 2,
			});
			for (const id of own)
				localStorage.setItem(`${key}#${roadmap}/${id}`, JSON.stringify(note(id)));
			for (let i = 0; i < count; i++) {
				localStorage.setItem(
					`${key}#${roadmap}/stored-item-${i}`,
					JSON.stringify(
						i < notes ? note(`Note ${i}: `) : { status: 'done', at: 1_700_000_000_000 + i },
					),
				);
			}
		},
		{ key: KEY, roadmap, count: TICKS, notes: NOTES, own },
	);
	const restores: number[] = [];
	for (let run = 0; run < 5; run++) {
		await page.goto(chapter);
		restores.push(
			await page.evaluate(
				() => performance.getEntriesByName('progress-restore')[0]?.duration ?? Number.NaN,
			),
		);
	}
	const clicks = await page.evaluate(() => {
		const boxes = [...document.querySelectorAll<HTMLInputElement>('input.item-check')];
		return Array.from({ length: 10 }, (_, i) => {
			const start = performance.now();
			boxes[i % boxes.length]!.click(); // fires `change` synchronously: save + every counter
			return performance.now() - start;
		});
	});
	await context.close();

	return {
		'progress JS on a chapter page (min+gzip)': measure(chapterBytes, 'bytes', JS_BUDGET),
		'progress JS on the progress page (min+gzip)': measure(pageBytes, 'bytes', PAGE_JS_BUDGET),
		'planner JS on a plan page, beyond a chapter page’s (min+gzip)': measure(
			planner.plan,
			'bytes',
			PLAN_JS_BUDGET,
		),
		'planner JS on a chapter page (min+gzip)': measure(planner.chapter, 'bytes', 0),
		[`restore ${chapter}, its items all set with notes, beside ${TICKS} other stored items (${NOTES} with notes; median of 5 loads)`]:
			measure(median(restores), 'ms', FRAME_MS),
		[`update every counter on ${chapter} after a click, ${TICKS} items stored (median of 10)`]:
			measure(median(clicks), 'ms', FRAME_MS),
	};
}
