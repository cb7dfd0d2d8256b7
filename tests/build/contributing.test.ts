import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldChapter } from '../../scripts/scaffold/chapter.ts';
import { writeServiceWorker } from '../../src/integrations/offline.ts';
import {
	BUILD_TIMEOUT,
	buildSite,
	copySite,
	lintSite,
	once,
	resetChapters,
	SECRET,
} from './site.ts';

/**
 * One copy of the site with a tiny content folder; a contributor's chapters are added to it and the
 * linter (`npm run lint:content`) and the build (`npm run build`) run over it. Each scenario writes
 * the chapters it needs and builds once, when a test first asks for it, so each test runs alone or
 * in any order.
 */
const CHAPTER = 'content/demo/03-testing.mdx';
/** A chapter that names the build's secret variable in every way the content policy allows. */
const ENVIRONMENT_CHAPTER = 'content/demo/04-environment.mdx';

let site: string;
beforeAll(() => {
	site = copySite();
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

/**
 * Removes the chapters an earlier scenario added, then writes the scaffolder's untouched chapter
 * (`npm run new`'s output, CHAPTER) with `edit` applied, and any other `chapters`.
 */
function writeChapters(edit: (source: string) => string, chapters: Record<string, string> = {}) {
	resetChapters(site);
	const chapter = scaffoldChapter(join(site, 'content'), 'demo', 'Testing');
	expect(chapter.path).toBe(join(site, CHAPTER));
	writeFileSync(chapter.path, edit(chapter.source));
	for (const [path, source] of Object.entries(chapters)) writeFileSync(join(site, path), source);
}

/** A scenario: its chapters, then the linter and a build over them. */
const scenario = (edit: (source: string) => string, chapters?: Record<string, string>) =>
	once(async () => {
		writeChapters(edit, chapters);
		return { lint: lintSite(site), build: await buildSite(site) };
	});

/**
 * The scaffolded chapter untouched and a chapter that names the secret: both lint and build.
 * What the policy allows: literal component attributes; code that names the variable is text.
 */
const valid = scenario((source) => source, {
	[ENVIRONMENT_CHAPTER]:
		"---\ntitle: 'Phase 4: Environment'\nroadmap: demo\nphase: 4\nphaseTitle: Environment\n---\n\n" +
		'## A\n\n- [ ] An item ^environment\n\n' +
		"import { Aside } from '@astrojs/starlight/components'\n\n" +
		'<Aside title={\'ROADMAPS_TEST_SECRET\'} type="tip">Read `process.env.ROADMAPS_TEST_SECRET` ' +
		'or `import.meta.env.ROADMAPS_TEST_SECRET`.</Aside>\n\n' +
		'```js\nconsole.log(process.env.ROADMAPS_TEST_SECRET, import.meta.env.ROADMAPS_TEST_SECRET);\n```\n',
});
/** A frontmatter value the schema refuses. */
const invalidPhase = scenario((source) => source.replace('phase: 3', 'phase: three'));
/** Frontmatter that is not YAML. */
const notYaml = scenario((source) => source.replace('phase: 3\n', 'phase: 3\nbogus_field: [\n'));

describe(
	'a contributed chapter, through the real lint and build',
	{ timeout: BUILD_TIMEOUT },
	() => {
		it('the scaffolder output lints and builds untouched, with an Edit link to its file', async () => {
			const { lint, build } = await valid();
			expect(lint.ok, lint.output).toBe(true);
			expect(build.ok, build.output).toBe(true);
			const html = join(build.dist, 'demo', '03-testing', 'index.html');
			expect(existsSync(html)).toBe(true);
			expect(readFileSync(html, 'utf8')).toContain(`/edit/main/${CHAPTER}"`);
			// A task item with nested items keeps its id (the fixture's `^one` holds `^nested`).
			const fixturePage = readFileSync(join(build.dist, 'demo', '01-demo', 'index.html'), 'utf8');
			expect(fixturePage).toMatch(/<li class="task-list-item roadmap-item" id="one"[\s>]/);
			expect(fixturePage).toMatch(/<li class="task-list-item roadmap-item" id="nested"[\s>]/);
		});

		it('broken frontmatter fails both lint:content and build, naming the file', async () => {
			const { lint, build } = await invalidPhase();
			expect(lint.ok).toBe(false);
			expect(lint.output).toContain(`${CHAPTER}:5:1  frontmatter  field "phase"`);
			expect(build.ok).toBe(false);
			expect(build.output).toContain(CHAPTER);
			expect(build.output).toMatch(/phase/);
			expect(existsSync(build.dist), 'pages were written').toBe(false);
		});

		it('frontmatter that is not YAML fails the build at its file, line and column', async () => {
			const { lint, build } = await notYaml();
			const place = `${CHAPTER}:7:1  frontmatter  YAML syntax:`;
			expect(lint.ok).toBe(false);
			expect(lint.output).toContain(place);
			expect(build.ok).toBe(false);
			expect(build.output).toContain(place);
			expect(build.output).not.toContain('Unable to load your Astro config');
			expect(existsSync(build.dist), 'pages were written').toBe(false);
		});
	},
);

// docs/offline-and-print.md. Shares the build above.
describe('the service worker of a build', { timeout: BUILD_TIMEOUT }, () => {
	it('has the version of the files as written: the pages’ hashes taken as they were rendered hold', async () => {
		const { build } = await valid();
		expect(build.ok, build.output).toBe(true);
		const source = readFileSync(join(build.dist, 'sw.js'), 'utf8');
		const built = JSON.parse(/^const PRECACHE = (.*);$/m.exec(source)![1]!) as { version: string };
		// The same files hashed as read back from disk, in a copy (this writes its own sw.js).
		const copy = `${build.dist}-reread`;
		cpSync(build.dist, copy, { recursive: true });
		try {
			expect((await writeServiceWorker(copy, '/')).version).toBe(built.version);
		} finally {
			rmSync(copy, { recursive: true, force: true });
		}
	});
});

// docs/security.md, "Content policy". Shares the build above: one build proves both.
describe('the build environment stays out of pages', { timeout: BUILD_TIMEOUT }, () => {
	it('a build with a secret in its environment publishes no trace of it', async () => {
		const { lint, build } = await valid();
		expect(lint.ok, lint.output).toBe(true);
		expect(build.ok, build.output).toBe(true);
		const html = readFileSync(join(build.dist, 'demo', '04-environment', 'index.html'), 'utf8');
		expect(html).toContain('process.env.ROADMAPS_TEST_SECRET');
		/** Every built file that contains the secret. */
		const leaks = readdirSync(build.dist, { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile() && readFileSync(join(e.parentPath, e.name)).includes(SECRET))
			.map((e) => e.name);
		expect(leaks).toEqual([]);
	});
});
