import { join } from 'node:path';
import { lintContent } from '../../scripts/lint/run.ts';
import { RULES } from '../../scripts/lint/rules/index.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'lint');

/** Runs one rule over a directory holding a `content/` folder; returns `rule file:line:column`. */
export function lintWith(ruleName: string, cwd: string, base?: string): string[] {
	const rule = RULES.find((candidate) => candidate.name === ruleName);
	if (!rule) throw new Error(`no rule ${ruleName}`);
	return lintContent({ cwd, rules: [rule], base }).map(
		(f) => `${f.rule} ${f.file}:${f.line}:${f.column}`,
	);
}
