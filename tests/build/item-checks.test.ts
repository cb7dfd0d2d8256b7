import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentChecks } from '../../src/integrations/content-checks.ts';

/**
 * The build's own item checks (src/integrations/content-checks.ts), run as Astro runs them (in a
 * worker during a build, awaited when it starts), on a git repository holding one chapter: a build that skips the linter still
 * fails on an id that vanished without an alias or collides with another id on its page, and on
 * a broken resources file.
 */

const CHAPTER = 'content/demo/01-demo.mdx';
let repo: string;
const write = (body: string) =>
	writeFileSync(
		join(repo, CHAPTER),
		`---\ntitle: 'Phase 1: Demo'\nroadmap: demo\nphase: 1\nphaseTitle: Demo\n---\n\n${body}\n`,
	);
const git = (...args: string[]) =>
	execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], {
		cwd: repo,
		stdio: 'pipe',
	});
const warnings: string[] = [];
/** The integration's hooks as Astro calls them: setup, then (in a build) the build's start. */
const build = async (command: 'build' | 'dev' = 'build') => {
	const { hooks } = contentChecks();
	const logger = { warn: (message: string) => warnings.push(message) };
	(hooks['astro:config:setup'] as (options: unknown) => void)({
		command,
		config: { root: pathToFileURL(`${repo}/`) },
		logger,
	});
	if (command === 'build')
		await (hooks['astro:build:start'] as (options: unknown) => Promise<void>)({ logger });
};

beforeEach(() => {
	repo = mkdtempSync(join(tmpdir(), 'build-checks-'));
	mkdirSync(join(repo, 'content/demo'), { recursive: true });
	write('## A\n\n- [ ] Routing ^routing\n- [ ] Middleware ^middleware');
	git('init', '--quiet', '--initial-branch=main');
	git('add', '.');
	git('commit', '--quiet', '-m', 'Add chapter');
	warnings.length = 0;
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('the build refuses item problems the linter reports', () => {
	it('passes content whose ids are all still there', async () => {
		write('## A\n\n- [ ] Routing ^express-routing ^routing\n- [ ] Middleware ^middleware');
		await expect(build()).resolves.toBeUndefined();
		expect(warnings).toEqual([]);
	});

	it('fails on an id dropped without an alias, uncommitted or in the last commit on main', async () => {
		write('## A\n\n- [ ] Routing ^express-routing\n- [ ] Middleware ^middleware');
		await expect(build()).rejects.toThrow(
			`${CHAPTER}:1:1  item id ^routing (main:${CHAPTER} line 10) is gone`,
		);
		git('commit', '--quiet', '-am', 'Rename routing without an alias');
		await expect(build()).rejects.toThrow(
			`${CHAPTER}:1:1  item id ^routing (HEAD~1:${CHAPTER} line 10) is gone`,
		);
		// The dev server does not read git: authors see this in the linter and the build.
		await expect(build('dev')).resolves.toBeUndefined();
	});

	it('fails on an item id equal to a heading anchor on its page', async () => {
		write('## Routing\n\n- [ ] Routing ^routing\n- [ ] Middleware ^middleware');
		await expect(build('dev')).rejects.toThrow(
			`${CHAPTER}:10:15  item id ^routing is also the id of the heading "Routing" (line 8) on this page`,
		);
	});

	it('fails on a broken resources file, naming its line and field', async () => {
		writeFileSync(
			join(repo, 'content/resources.yaml'),
			'pages:\n  http://nodejs.org/api/stream.html:\n    title: "Node.js: Stream"\n    source: RFC 1\n',
		);
		await expect(build('dev')).rejects.toThrow(
			'content/resources.yaml:2:3  resources  pages: "http://nodejs.org/api/stream.html" is not https',
		);
		// An Astro error, so Astro prints what to do under the message.
		await expect(build('dev')).rejects.toThrow(
			expect.objectContaining({
				name: 'AstroUserError',
				hint: expect.stringContaining('lint:content'),
			}),
		);
	});

	it('warns and builds outside a git checkout', async () => {
		rmSync(join(repo, '.git'), { recursive: true });
		await expect(build()).resolves.toBeUndefined();
		expect(warnings).toEqual([expect.stringContaining('vanished-id check skipped')]);
	});
});
