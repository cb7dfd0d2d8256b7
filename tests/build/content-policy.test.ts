import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx } from '../../e2e-selfhost/nginx-server.ts';
import { TEST_CHROMIUM_LAUNCH } from '../../scripts/system-tools.ts';
import { BUILD_TIMEOUT, buildSite, copySite, lintSite, once, resetChapters } from './site.ts';

/**
 * Hostile chapters through the real lint (`npm run lint:content`) and build (`npm run build`) of a
 * site copy: the content policy stops each in both; the CSP pass stops a script that got past the
 * policy (docs/security.md, "Content policy"). That the build environment stays out of pages is in
 * contributing.test.ts, which shares its build with a contributed chapter. Each scenario writes its
 * chapters and builds once, when a test first asks for it, so each test runs alone or in any order.
 */
const CHAPTER = 'content/demo/03-hostile.mdx';
/** Chapter sources have their first item on line 10; a test's body starts on line 12. */
const chapterSource = (body: string) =>
	`---\ntitle: 'Phase 3: Hostile'\nroadmap: demo\nphase: 3\nphaseTitle: Hostile\n---\n\n## A\n\n- [ ] An item ^hostile\n\n${body}\n`;

let site: string;
beforeAll(() => {
	site = copySite();
});
afterAll(() => rmSync(site, { recursive: true, force: true }));
/** Written by a chapter's import if it ever runs. */
const pwned = () => join(site, 'pwned');

/** Removes what an earlier scenario added, then writes `chapters` (path → body). */
function writeChapters(chapters: Record<string, string>) {
	resetChapters(site);
	rmSync(pwned(), { force: true });
	for (const [path, body] of Object.entries(chapters)) {
		writeFileSync(join(site, path), chapterSource(body));
	}
}

describe('hostile chapters: lint and build both refuse them', { timeout: BUILD_TIMEOUT }, () => {
	/** [case, chapter body (line 12 on), rule, place]. Each is a chapter of its own. */
	const CASES: [string, () => string, string, string][] = [
		['a raw script', () => '<script>alert(1)</script>', 'html-element', '12:1'],
		[
			'a script inside a task item',
			() => '- [ ] Item <script>alert(1)</script> ^item',
			'html-element',
			'12:12',
		],
		[
			'a meta refresh to another site',
			() => '<meta http-equiv="refresh" content="0;url=https://example.org/phish" />',
			'html-element',
			'12:1',
		],
		[
			'an import with a side effect during the build',
			() =>
				`import fs from 'node:fs'\n\nexport const x = fs.writeFileSync(${JSON.stringify(pwned())}, 'x')`,
			'import-export',
			'12:1',
		],
		[
			'child_process output rendered into the page',
			() => "import { execSync } from 'node:child_process'\n\nBuilt by: {execSync('whoami')}",
			'import-export',
			'12:1',
		],
		[
			'an exported build environment value',
			() => 'export const x = process.env.ROADMAPS_TEST_SECRET\n\n{x}',
			'import-export',
			'12:1',
		],
		[
			'a build environment value in the text',
			() => 'Secret: {process.env.ROADMAPS_TEST_SECRET}',
			'js-expression',
			'12:9',
		],
		[
			'an onerror handler',
			() => '<img src="a.png" alt="" onerror="alert(1)" />',
			'event-handler',
			'12:25',
		],
		['a javascript: link in Markdown', () => '[Docs](javascript:alert(1))', 'unsafe-url', '12:1'],
		[
			'a javascript: link in JSX',
			() => '<a href="javascript:alert(1)">Docs</a>',
			'unsafe-url',
			'12:4',
		],
	];
	const file = (index: number) => `content/demo/${String(index + 10)}-hostile.mdx`;

	// One lint and one build over all the hostile chapters: both report every finding.
	const hostile = once(async () => {
		writeChapters(Object.fromEntries(CASES.map(([, body], index) => [file(index), body()])));
		return { lint: lintSite(site), build: await buildSite(site) };
	});

	it('the build fails and runs nothing: no side effect, no page', async () => {
		const { lint, build } = await hostile();
		expect(lint.ok).toBe(false);
		expect(build.ok, build.output).toBe(false);
		expect(existsSync(pwned()), 'the import ran during the build').toBe(false);
		expect(existsSync(build.dist)).toBe(false);
	});

	it.each(CASES.map((entry, index) => [...entry, index] as const))(
		'%s',
		async (_name, _body, rule, place, index) => {
			const { lint, build } = await hostile();
			const finding = `${file(index)}:${place}  ${rule}  `;
			expect(lint.output).toContain(finding);
			expect(build.output).toContain(finding);
		},
	);
});

describe('defence in depth: past the content check', { timeout: BUILD_TIMEOUT }, () => {
	// The content check is switched off (CONTENT_POLICY=off, for tests only) to carry the script
	// into the build. <Tabs> inlines its own (bundled, so hashed) script into the content too.
	const body =
		"import { Tabs, TabItem } from '@astrojs/starlight/components'\n\n" +
		'<Tabs><TabItem label="npm">npm i</TabItem><TabItem label="pnpm">pnpm i</TabItem></Tabs>\n\n' +
		'- [ ] Item <script>window.hostileRan = true</script> ^item';

	it('an import past the content check is stopped once compiled, before it runs', async () => {
		writeChapters({
			[CHAPTER]: `import fs from 'node:fs'\n\nexport const x = fs.writeFileSync(${JSON.stringify(pwned())}, 'x')`,
		});
		const build = await buildSite(site, { CONTENT_POLICY: 'off' });
		expect(build.ok, build.output).toBe(false);
		expect(build.output).toContain(`${CHAPTER}: the compiled chapter imports "node:fs"`);
		expect(existsSync(pwned()), 'the import ran during the build').toBe(false);
	});

	it('fails the build in the CSP pass, naming the chapter', async () => {
		writeChapters({ [CHAPTER]: body });
		const build = await buildSite(site, { CONTENT_POLICY: 'off' });
		expect(build.ok, build.output).toBe(false);
		expect(build.output).toContain(`${CHAPTER}: 1 inline <script> in the built page`);
		expect(build.output).toContain('window.hostileRan = true');
	});

	it('is never hashed: the browser refuses to run it and reports a violation', async () => {
		writeChapters({ [CHAPTER]: body });
		const build = await buildSite(site, { CONTENT_POLICY: 'off', CSP_CHAPTER_SCRIPTS: 'warn' });
		expect(build.ok, build.output).toBe(true);
		expect(build.output).toContain(`${CHAPTER}: 1 inline <script> in the built page`);
		const nginx = await startNginx(build.dist, '/');
		const browser = await chromium.launch(TEST_CHROMIUM_LAUNCH);
		try {
			const page = await browser.newPage();
			await page.addInitScript(() => {
				const violations: string[] = [];
				Object.assign(window, { violations });
				document.addEventListener('securitypolicyviolation', (event) =>
					violations.push(`${event.effectiveDirective} ${event.blockedURI}`),
				);
			});
			const global = (name: string) =>
				page.evaluate((key) => typeof (window as unknown as Record<string, unknown>)[key], name);
			await page.goto(`${nginx.origin}/demo/03-hostile/`);
			await expect
				.poll(() => page.evaluate(() => (window as unknown as { violations: string[] }).violations))
				.toEqual(['script-src-elem inline']);
			expect(await global('hostileRan')).toBe('undefined');
			// The site's own inline scripts ran: Starlight's theme provider and the bundled Tabs one.
			expect(await global('StarlightThemeProvider')).toBe('object');
			expect(await page.evaluate(() => !!customElements.get('starlight-tabs'))).toBe(true);
		} finally {
			await browser.close();
			await nginx.stop();
		}
	});
});
