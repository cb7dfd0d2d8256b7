import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx } from '../../e2e-selfhost/nginx-server.ts';
import { CHROMIUM_LAUNCH } from '../../scripts/system-tools.ts';
import { copySite, npmIn } from './site.ts';

/**
 * Hostile chapters through the real `npm run lint:content` and `npm run build` of a site copy: the
 * content policy stops each in both; the CSP pass stops a script that got past the policy; the
 * build environment stays out of pages (docs/security.md, "Content policy").
 */
const CHAPTER = 'content/demo/03-hostile.mdx';
/** Chapter sources have their first item on line 10; a test's body starts on line 12. */
const chapterSource = (body: string) =>
	`---\ntitle: 'Phase 3: Hostile'\nroadmap: demo\nphase: 3\nphaseTitle: Hostile\n---\n\n## A\n\n- [ ] An item ^hostile\n\n${body}\n`;
/** A value only the build environment has: it must never reach a page. */
const SECRET = `roadmaps-secret-${process.pid}-${Date.now()}`;
const ENV = { ROADMAPS_TEST_SECRET: SECRET };

let site: string;
const writeChapter = (body: string) => writeFileSync(join(site, CHAPTER), chapterSource(body));
const build = (env: Record<string, string> = {}) => {
	rmSync(join(site, 'dist'), { recursive: true, force: true });
	return npmIn(site, 'build', { ...ENV, ...env });
};
/** Every built file that contains the secret. */
const leaks = () => {
	const dist = join(site, 'dist');
	if (!existsSync(dist)) return [];
	return readdirSync(dist, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && readFileSync(join(e.parentPath, e.name)).includes(SECRET))
		.map((e) => e.name);
};

beforeAll(() => {
	site = copySite();
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('hostile chapters: lint and build both refuse them', { timeout: 300_000 }, () => {
	const pwned = () => join(site, 'pwned');
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
	let lint: ReturnType<typeof npmIn>;
	let result: ReturnType<typeof npmIn>;

	// One lint and one build over all the hostile chapters: both report every finding.
	beforeAll(() => {
		CASES.forEach(([, body], index) =>
			writeFileSync(join(site, file(index)), chapterSource(body())),
		);
		lint = npmIn(site, 'lint:content');
		result = build();
		CASES.forEach((_, index) => rmSync(join(site, file(index))));
	}, 300_000);

	it('the build fails and runs nothing: no side effect, no page', () => {
		expect(lint.status).toBe(1);
		expect(result.status, result.output).not.toBe(0);
		expect(existsSync(pwned()), 'the import ran during the build').toBe(false);
		expect(existsSync(join(site, 'dist'))).toBe(false);
	});

	it.each(CASES.map((entry, index) => [...entry, index] as const))(
		'%s',
		(_name, _body, rule, place, index) => {
			const finding = `${file(index)}:${place}  ${rule}  `;
			expect(lint.output).toContain(finding);
			expect(result.output).toContain(finding);
		},
	);
});

describe('defence in depth: past the content check', { timeout: 300_000 }, () => {
	// The content check is switched off (CONTENT_POLICY=off, for tests only) to carry the script
	// into the build. <Tabs> inlines its own (bundled, so hashed) script into the content too.
	const body =
		"import { Tabs, TabItem } from '@astrojs/starlight/components'\n\n" +
		'<Tabs><TabItem label="npm">npm i</TabItem><TabItem label="pnpm">pnpm i</TabItem></Tabs>\n\n' +
		'- [ ] Item <script>window.hostileRan = true</script> ^item';

	it('an import past the content check is stopped once compiled, before it runs', () => {
		const pwned = join(site, 'pwned');
		writeChapter(
			`import fs from 'node:fs'\n\nexport const x = fs.writeFileSync(${JSON.stringify(pwned)}, 'x')`,
		);
		const result = build({ CONTENT_POLICY: 'off' });
		expect(result.status, result.output).not.toBe(0);
		expect(result.output).toContain(`${CHAPTER}: the compiled chapter imports "node:fs"`);
		expect(existsSync(pwned), 'the import ran during the build').toBe(false);
	});

	it('fails the build in the CSP pass, naming the chapter', () => {
		writeChapter(body);
		const result = build({ CONTENT_POLICY: 'off' });
		expect(result.status, result.output).not.toBe(0);
		expect(result.output).toContain(`${CHAPTER}: 1 inline <script> in the built page`);
		expect(result.output).toContain('window.hostileRan = true');
	});

	it('is never hashed: the browser refuses to run it and reports a violation', async () => {
		writeChapter(body);
		const result = build({ CONTENT_POLICY: 'off', CSP_CHAPTER_SCRIPTS: 'warn' });
		expect(result.status, result.output).toBe(0);
		const nginx = await startNginx(join(site, 'dist'), '/');
		const browser = await chromium.launch(CHROMIUM_LAUNCH);
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

describe('the build environment stays out of pages', { timeout: 300_000 }, () => {
	it('a build with a secret in its environment publishes no trace of it', () => {
		// What the policy allows: literal component attributes; code that names the variable is text.
		writeChapter(
			"import { Aside } from '@astrojs/starlight/components'\n\n" +
				'<Aside title={\'ROADMAPS_TEST_SECRET\'} type="tip">Read `process.env.ROADMAPS_TEST_SECRET` ' +
				'or `import.meta.env.ROADMAPS_TEST_SECRET`.</Aside>\n\n' +
				'```js\nconsole.log(process.env.ROADMAPS_TEST_SECRET, import.meta.env.ROADMAPS_TEST_SECRET);\n```',
		);
		const result = build();
		expect(result.status, result.output).toBe(0);
		const html = readFileSync(join(site, 'dist', 'demo', '03-hostile', 'index.html'), 'utf8');
		expect(html).toContain('process.env.ROADMAPS_TEST_SECRET');
		expect(leaks()).toEqual([]);
	});
});
