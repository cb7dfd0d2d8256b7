import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffoldChapter } from '../../scripts/scaffold/chapter.ts';
import { copySite, npmIn } from './site.ts';

/**
 * A copy of the site with a tiny content folder and one scaffolded chapter; the real
 * `npm run build` and `npm run lint:content` run in it. Each test gets its own copy, so each runs
 * alone or in any order.
 */
const sites: string[] = [];
function siteWithScaffoldedChapter() {
	const site = copySite();
	sites.push(site);
	const chapter = scaffoldChapter(join(site, 'content'), 'demo', 'Testing');
	writeFileSync(chapter.path, chapter.source);
	return {
		site,
		chapterPath: 'content/demo/03-testing.mdx',
		npm: (script: string) => npmIn(site, script),
	};
}
afterAll(() => {
	for (const site of sites) rmSync(site, { recursive: true, force: true });
});

describe('a contributed chapter, through the real lint and build', { timeout: 180_000 }, () => {
	it('the scaffolder output lints and builds untouched, with an Edit link to its file', () => {
		const { site, chapterPath, npm } = siteWithScaffoldedChapter();
		expect(npm('lint:content').status).toBe(0);
		const build = npm('build');
		expect(build.status, build.output).toBe(0);
		const html = join(site, 'dist', 'demo', '03-testing', 'index.html');
		expect(existsSync(html)).toBe(true);
		expect(readFileSync(html, 'utf8')).toContain(`/edit/main/${chapterPath}"`);
		// A task item with nested items keeps its id (the fixture's `^one` holds `^nested`).
		const fixturePage = readFileSync(join(site, 'dist', 'demo', '01-demo', 'index.html'), 'utf8');
		expect(fixturePage).toMatch(/<li class="task-list-item roadmap-item" id="one"[\s>]/);
		expect(fixturePage).toMatch(/<li class="task-list-item roadmap-item" id="nested"[\s>]/);
	});

	it('broken frontmatter fails both lint:content and build, naming the file', () => {
		const { site, chapterPath, npm } = siteWithScaffoldedChapter();
		const file = join(site, chapterPath);
		writeFileSync(file, readFileSync(file, 'utf8').replace('phase: 3', 'phase: three'));
		const lint = npm('lint:content');
		expect(lint.status).toBe(1);
		expect(lint.output).toContain(`${chapterPath}:5:1  frontmatter  field "phase"`);
		const build = npm('build');
		expect(build.status).not.toBe(0);
		expect(build.output).toContain(chapterPath);
		expect(build.output).toMatch(/phase/);
	});

	it('frontmatter that is not YAML fails the build at its file, line and column', () => {
		const { site, chapterPath, npm } = siteWithScaffoldedChapter();
		const file = join(site, chapterPath);
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace('phase: 3\n', 'phase: 3\nbogus_field: [\n'),
		);
		const place = `${chapterPath}:7:1  frontmatter  YAML syntax:`;
		expect(npm('lint:content').output).toContain(place);
		const build = npm('build');
		expect(build.status).not.toBe(0);
		expect(build.output).toContain(place);
		expect(build.output).not.toContain('Unable to load your Astro config');
	});
});
