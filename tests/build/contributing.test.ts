import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldChapter } from '../../scripts/scaffold/chapter.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * A copy of the site with a tiny content folder, inside the project (`.tmp/`, git-ignored) so it
 * resolves the project's node_modules. The real `npm run build` and `npm run lint:content` run in it.
 */
let site: string;
const npm = (script: string) => {
	const result = spawnSync('npm', ['run', '--silent', script], { cwd: site, encoding: 'utf8' });
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
};

beforeAll(() => {
	mkdirSync(join(ROOT, '.tmp'), { recursive: true });
	site = mkdtempSync(join(ROOT, '.tmp', 'site-'));
	for (const entry of [
		'astro.config.mjs',
		'tsconfig.json',
		'package.json',
		'src',
		'public',
		'scripts',
		// The build writes _headers from the nginx config (src/integrations/cdn-headers.ts).
		'deploy',
	]) {
		cpSync(join(ROOT, entry), join(site, entry), { recursive: true });
	}
	cpSync(join(ROOT, 'tests', 'fixtures', 'lint', 'clean', 'content'), join(site, 'content'), {
		recursive: true,
	});
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('a contributed chapter, through the real lint and build', { timeout: 180_000 }, () => {
	let chapterPath = '';

	it('the scaffolder output lints and builds untouched, with an Edit link to its file', () => {
		const chapter = scaffoldChapter(join(site, 'content'), 'demo', 'Testing');
		writeFileSync(chapter.path, chapter.source);
		chapterPath = 'content/demo/03-testing.mdx';
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
});
