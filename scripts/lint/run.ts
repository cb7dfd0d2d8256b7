import { loadContent } from './load.ts';
import { RULES } from './rules/index.ts';
import type { Finding, Rule } from './types.ts';

export interface LintOptions {
	/** Working directory; reported paths are relative to it. */
	cwd: string;
	/** Content folder relative to `cwd`. */
	contentDir?: string;
	/** Git revision for `item-id-vanished`; default `LINT_BASE`, else `origin/main`, else `main`. */
	base?: string;
	/** Only these rules (default: all). */
	rules?: readonly Rule[];
}

/** Runs every rule over the content folder; findings come back sorted by file and position. */
export function lintContent(options: LintOptions): Finding[] {
	const context = loadContent({
		cwd: options.cwd,
		contentDir: options.contentDir ?? 'content',
		base: options.base,
	});
	const findings: Finding[] = [];
	for (const rule of options.rules ?? RULES) {
		rule.check(context, (finding) =>
			findings.push({ severity: 'error', ...finding, rule: rule.name }),
		);
	}
	return findings.sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			a.line - b.line ||
			a.column - b.column ||
			a.rule.localeCompare(b.rule),
	);
}
