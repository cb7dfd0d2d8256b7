import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lintContent } from '../../scripts/lint/run.ts';
import { RULES } from '../../scripts/lint/rules/index.ts';
import { lintWith } from './helpers.ts';

const CHAPTER = 'content/demo/01-demo.mdx';
const chapter = (items: string) =>
	`---\ntitle: 'Phase 1: Demo'\nroadmap: demo\nphase: 1\nphaseTitle: Demo\n---\n\n## A\n\n${items}\n`;

let repo: string;
const git = (...args: string[]) =>
	execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
		cwd: repo,
		stdio: 'pipe',
	});
const commit = (message: string) => git('commit', '--quiet', '-am', message);
const write = (items: string) => writeFileSync(join(repo, CHAPTER), chapter(items));

beforeEach(() => {
	repo = mkdtempSync(join(tmpdir(), 'lint-vanished-'));
	mkdirSync(join(repo, 'content', 'demo'), { recursive: true });
	writeFileSync(join(repo, 'content/demo/_roadmap.yaml'), 'title: Demo\n');
	write('- [ ] Routing ^routing\n- [ ] Middleware ^middleware');
	git('init', '--quiet', '--initial-branch=main');
	git('add', '.');
	commit('Add chapter');
});

afterEach(() => {
	vi.unstubAllEnvs();
	rmSync(repo, { recursive: true, force: true });
});

describe('item-id-vanished', () => {
	it('passes when every id of the main branch is still there', () => {
		write('- [ ] Middleware, corrected ^middleware\n- [ ] Routing, moved ^routing');
		expect(lintWith('item-id-vanished', repo)).toEqual([]);
	});

	it('reports an id that disappeared without an alias', () => {
		write('- [ ] Routing ^express-routing\n- [ ] Middleware ^middleware');
		const findings = lintContent({
			cwd: repo,
			rules: RULES.filter((rule) => rule.name === 'item-id-vanished'),
		});
		expect(findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column}`)).toEqual([
			`item-id-vanished ${CHAPTER}:1:1`,
		]);
		expect(findings[0]?.message).toContain('^routing (main:content/demo/01-demo.mdx line 10)');
		expect(findings[0]?.fix).toContain('^new-id ^routing');
	});

	it('passes when the old id is kept as an alias', () => {
		write('- [ ] Routing ^express-routing ^routing\n- [ ] Middleware ^middleware');
		expect(lintWith('item-id-vanished', repo)).toEqual([]);
	});

	it('reports ids whose whole file was deleted', () => {
		rmSync(join(repo, CHAPTER));
		expect(lintWith('item-id-vanished', repo)).toEqual([
			`item-id-vanished ${CHAPTER}:1:1`,
			`item-id-vanished ${CHAPTER}:1:1`,
		]);
	});

	it('compares against the revision given as base', () => {
		git('checkout', '--quiet', '-b', 'feature');
		write('- [ ] Routing ^routing');
		commit('Drop middleware');
		expect(lintWith('item-id-vanished', repo, 'feature')).toEqual([]);
		expect(lintWith('item-id-vanished', repo)).toHaveLength(1);
		vi.stubEnv('LINT_BASE', 'feature');
		expect(lintWith('item-id-vanished', repo)).toEqual([]);
	});

	it('on main itself, reports an id the last commit dropped (a direct push, CI on push)', () => {
		write('- [ ] Routing ^routing');
		commit('Drop middleware on main');
		expect(lintWith('item-id-vanished', repo)).toEqual([`item-id-vanished ${CHAPTER}:1:1`]);
		// CI on a push of several commits names the commit before the push.
		write('- [ ] Routing ^routing\n- [ ] Sessions ^sessions');
		commit('Add sessions');
		expect(lintWith('item-id-vanished', repo)).toEqual([]);
		vi.stubEnv('LINT_BASE', 'HEAD~2');
		expect(lintWith('item-id-vanished', repo)).toEqual([`item-id-vanished ${CHAPTER}:1:1`]);
	});

	it('ignores ids added on main after the branch left it', () => {
		git('branch', 'feature');
		write('- [ ] Routing ^routing\n- [ ] Middleware ^middleware\n- [ ] Sessions ^sessions');
		commit('Add sessions on main');
		git('checkout', '--quiet', 'feature');
		expect(lintWith('item-id-vanished', repo)).toEqual([]);
	});

	it('is skipped with a warning outside a git checkout', () => {
		rmSync(join(repo, '.git'), { recursive: true });
		const findings = lintContent({
			cwd: repo,
			rules: RULES.filter((rule) => rule.name === 'item-id-vanished'),
		});
		expect(findings).toMatchObject([
			{ severity: 'warning', file: 'content', message: expect.stringContaining('check skipped') },
		]);
	});
});
