/**
 * The finding format that the linter (`npm run lint:content`) and the build's content checks
 * print, so a contributor reads the same `file:line:column  rule  message` from either.
 */

/** One problem found in the content, at a place a contributor can jump to. */
export interface Finding {
	/** Path relative to the working directory, with `/` separators. */
	file: string;
	/** 1-based line. */
	line: number;
	/** 1-based column. */
	column: number;
	rule: string;
	message: string;
	/** What to do about it. */
	fix: string;
	/** Errors fail the run; warnings only inform (e.g. a check that could not run). */
	severity: 'error' | 'warning';
}

/** `file:line:column  rule  message` and, indented below, how to fix it. */
export function formatFinding(finding: Finding): string {
	const level = finding.severity === 'warning' ? 'warning: ' : '';
	return `${finding.file}:${finding.line}:${finding.column}  ${finding.rule}  ${level}${finding.message}\n  fix: ${finding.fix}`;
}
