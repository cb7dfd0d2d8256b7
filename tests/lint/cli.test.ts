import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers.ts';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'lint-content.ts');

/** Runs `npm run lint:content`'s script in a fixture folder. */
function run(fixture: string): { status: number; stdout: string } {
	try {
		const stdout = execFileSync(process.execPath, [CLI, '--base', 'HEAD'], {
			cwd: join(FIXTURES, fixture),
			encoding: 'utf8',
		});
		return { status: 0, stdout };
	} catch (error) {
		const { status, stdout } = error as { status: number; stdout: string };
		return { status, stdout };
	}
}

describe('lint:content command', () => {
	it('prints file:line:column, rule, message and a fix, and exits 1 on errors', () => {
		const { status, stdout } = run('item-id-missing');
		expect(status).toBe(1);
		expect(stdout).toContain(
			'content/demo/01-demo.mdx:11:7  item-id-missing  task item has no id\n  fix: end the item',
		);
	});

	it('exits 0 on clean content', () => {
		const { status, stdout } = run('clean');
		expect(stdout).toContain('0 error(s)');
		expect(status).toBe(0);
	});
});
