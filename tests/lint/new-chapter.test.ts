import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintContent } from '../../scripts/lint/run.ts';
import { RULES } from '../../scripts/lint/rules/index.ts';
import { scaffoldChapter } from '../../scripts/scaffold/chapter.ts';
import { FIXTURES } from './helpers.ts';

let site: string;
const content = () => join(site, 'content');

beforeEach(() => {
	site = mkdtempSync(join(tmpdir(), 'new-chapter-'));
	cpSync(join(FIXTURES, 'clean', 'content'), content(), { recursive: true });
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

describe('npm run new (scaffoldChapter)', () => {
	it('writes the next phase with valid frontmatter that lints clean untouched', () => {
		const chapter = scaffoldChapter(content(), 'demo', "Testing: what's next");
		expect(chapter.path).toBe(join(content(), 'demo', '03-testing-whats-next.mdx'));
		expect(chapter.phase).toBe(3);
		writeFileSync(chapter.path, chapter.source);
		const rules = RULES.filter((rule) => rule.name !== 'item-id-vanished');
		expect(lintContent({ cwd: site, rules })).toEqual([]);
		expect(chapter.source).toContain("title: 'Phase 3: Testing: what''s next'");
	});

	it('generates an item id no chapter of the roadmap uses yet', () => {
		const file = join(content(), 'demo', '02-demo.mdx');
		writeFileSync(file, `${readFileSync(file, 'utf8')}- [ ] Taken ^security-first-topic\n`);
		const chapter = scaffoldChapter(content(), 'demo', 'Security');
		expect(chapter.itemId).toBe('security-first-topic-2');
		writeFileSync(chapter.path, chapter.source);
		expect(
			lintContent({ cwd: site, rules: RULES.filter((rule) => rule.name === 'item-id-duplicate') }),
		).toEqual([]);
	});

	it('refuses a roadmap that does not exist, naming the ones that do', () => {
		expect(() => scaffoldChapter(content(), 'cobol', 'Intro')).toThrow('use one of demo');
	});

	it('asks for the roadmap and the title when run without arguments', () => {
		const cli = join(import.meta.dirname, '..', '..', 'scripts', 'new-chapter.ts');
		const output = execFileSync(process.execPath, [cli], {
			input: '1\nSecurity Basics\n',
			env: { ...process.env, CONTENT_DIR: content() },
			encoding: 'utf8',
		});
		expect(output).toContain('1. demo');
		expect(existsSync(join(content(), 'demo', '03-security-basics.mdx'))).toBe(true);
	});
});
