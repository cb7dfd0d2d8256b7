import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCommitDates } from '../src/navigation/last-updated';

const repo = mkdtempSync(join(tmpdir(), 'last-updated-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** A repository holding a site at its root and one in `site/`, committed at a known time. */
function commitAt(seconds: number, files: string[]) {
	for (const file of files) {
		mkdirSync(join(repo, file, '..'), { recursive: true });
		writeFileSync(join(repo, file), `${file} ${seconds}\n`);
	}
	const git = (...args: string[]) =>
		execFileSync('git', args, {
			cwd: repo,
			env: {
				...process.env,
				GIT_AUTHOR_DATE: `${seconds} +0000`,
				GIT_COMMITTER_DATE: `${seconds} +0000`,
				GIT_AUTHOR_NAME: 't',
				GIT_AUTHOR_EMAIL: 't@example.org',
				GIT_COMMITTER_NAME: 't',
				GIT_COMMITTER_EMAIL: 't@example.org',
			},
		});
	git('add', '.');
	git('commit', '-q', '-m', `at ${seconds}`);
}
execFileSync('git', ['init', '-q'], { cwd: repo });
commitAt(1_700_000_000, ['content/a/01-x.mdx', 'site/content/a/01-x.mdx']);
commitAt(1_700_100_000, ['site/content/a/01-x.mdx']);

describe('last updated dates', () => {
	it('keys dates by the path relative to the project when it is the repository root', () => {
		const dates = readCommitDates(repo);
		expect(dates.get('content/a/01-x.mdx')?.getTime()).toBe(1_700_000_000_000);
	});

	it('keys dates by the path relative to the project when the site is in a subfolder', () => {
		const dates = readCommitDates(join(repo, 'site'));
		expect(dates.get('content/a/01-x.mdx')?.getTime()).toBe(1_700_100_000_000);
		expect([...dates.keys()]).toEqual(['content/a/01-x.mdx']);
	});

	it('gives no dates outside a git checkout', () => {
		expect(readCommitDates(tmpdir()).size).toBe(0);
	});
});
