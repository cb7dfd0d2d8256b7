import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rule in eslint.config.js, run with the project's own config on imports placed in
 * each folder: the site never imports its tools, the tools never their tests or the bench.
 */
const ROOT = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

/** The `no-restricted-imports` messages for `source` as if it were the file at `path`. */
async function layeringErrors(path: string, source: string): Promise<string[]> {
	const [result] = await eslint.lintText(source, { filePath: join(ROOT, path) });
	return result!.messages
		.filter((message) => message.ruleId === 'no-restricted-imports')
		.map((message) => message.message);
}

describe('layering (eslint no-restricted-imports)', () => {
	it.each([
		['src/integrations/fixture.ts', '../../scripts/lint/run.ts', 'src/'],
		['src/fixture.ts', '../e2e/fixtures.ts', 'src/'],
		['src/content/fixture.ts', '../../bench/lib/build.ts', 'src/'],
		['src/fixture.ts', '../e2e-selfhost/nginx-server.ts', 'src/'],
		['scripts/fixture.ts', '../e2e/fixtures.ts', 'scripts/'],
		['scripts/lint/fixture.ts', '../../bench/lib/build.ts', 'scripts/'],
		['e2e/fixture.ts', '../bench/lib/weight.ts', 'e2e/'],
		['e2e-selfhost/fixture.ts', '../bench/lib/weight.ts', 'e2e-selfhost/'],
	])('%s may not import %s', async (path, target, folder) => {
		const errors = await layeringErrors(path, `import { x } from '${target}';\nexport { x };\n`);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain(`${folder} must not import from`);
	});

	it.each([
		['src/integrations/fixture.ts', '../markdown/parse.ts'],
		['scripts/fixture.ts', '../src/content/finding.ts'],
		['e2e/fixture.ts', '../scripts/system-tools.ts'],
		['bench/fixture.ts', '../scripts/serve-dist.ts'],
		['tests/fixture.ts', '../bench/lib/report.ts'],
	])('%s may import %s', async (path, target) => {
		expect(await layeringErrors(path, `import { x } from '${target}';\nexport { x };\n`)).toEqual(
			[],
		);
	});
});
