import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The GitHub workflow runs the parts of `npm test` as parallel jobs. It must run each part once
 * (the linters used to run twice) and miss none, and `.ci/run` must run exactly `npm test`.
 */
const ROOT = join(import.meta.dirname, '..');
const scripts: Record<string, string> = JSON.parse(
	readFileSync(join(ROOT, 'package.json'), 'utf8'),
).scripts;
const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8')) as {
	jobs: Record<
		string,
		{ strategy?: { matrix?: Record<string, string[]> }; steps: { run?: string }[] }
	>;
};

/** The npm scripts `npm test` runs, in order (`npm run <name>` parts of its command). */
const testParts = scripts.test!.split('&&').flatMap((part) => {
	const match = /^npm run ([\w:-]+)$/.exec(part.trim());
	return match ? [match[1]!] : [];
});

/** Every `npm run` a job runs, with `${{ matrix.x }}` expanded for each matrix value. */
const jobRuns = Object.values(workflow.jobs).flatMap((job) => {
	const runs = job.steps.flatMap((step) => (step.run ? [step.run] : []));
	const matrix = Object.entries(job.strategy?.matrix ?? {});
	if (matrix.length === 0) return runs;
	const [key, values] = matrix[0]!;
	return values.flatMap((value) =>
		runs.map((run) => run.replaceAll(`\${{ matrix.${key} }}`, value)),
	);
});
const npmRuns = jobRuns.flatMap((run) => {
	const match = /^npm run ([\w:-]+)(?: -- (.*))?$/.exec(run.trim());
	return match ? [{ script: match[1]!, args: match[2] ?? '' }] : [];
});

describe('CI workflow', () => {
	it('runs exactly the parts of npm test, each part once', () => {
		expect(testParts).toEqual(['test:static', 'test:unit', 'test:e2e', 'test:bench']);
		expect(new Set(npmRuns.map((run) => run.script))).toEqual(new Set(testParts));
		for (const part of ['test:static', 'test:unit', 'test:bench'])
			expect(npmRuns.filter((run) => run.script === part)).toHaveLength(1);
	});

	it('runs the browser tests once per Playwright project, covering every project', async () => {
		const { default: config } = await import('../playwright.config');
		const projects = (config.projects ?? []).map((project) => project.name).sort();
		const e2e = npmRuns
			.filter((run) => run.script === 'test:e2e')
			.map((run) => /--project=(\S+)/.exec(run.args)?.[1])
			.sort();
		expect(e2e).toEqual(projects);
	});

	it('.ci/run ends with exactly npm test, after npm ci', () => {
		const commands = readFileSync(join(ROOT, '.ci', 'run'), 'utf8')
			.split('\n')
			.filter((line) => /^npm /.test(line));
		expect(commands).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
	});
});
