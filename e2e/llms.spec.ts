import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { listChapterFiles, readRoadmaps } from '../src/content/roadmaps.ts';

const CONTENT = resolve(import.meta.dirname, '../content');

test('llms.txt links every chapter and one set per roadmap', async ({ request }) => {
	const response = await request.get('/llms.txt');
	expect(response.ok()).toBe(true);
	const text = await response.text();
	const paths = [...text.matchAll(/\]\((https?:\/\/[^)]+)\)/g)].map((m) => new URL(m[1]!).pathname);
	for (const { contentPath } of listChapterFiles(CONTENT))
		expect(paths, `llms.txt links ${contentPath}`).toContain(
			`/${contentPath.replace(/\.mdx?$/, '/')}`,
		);
	for (const file of ['/llms-full.txt', '/llms-small.txt'])
		expect(paths, `llms.txt links ${file}`).toContain(file);

	const sets = paths.filter((path) => path.startsWith('/llms/'));
	expect(sets).toHaveLength(readRoadmaps(CONTENT).length);
	for (const set of sets) expect((await request.get(set)).ok(), set).toBe(true);
});
