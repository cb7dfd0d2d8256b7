import { parseDocument, type Document } from 'yaml';
import { lineColumn } from '../markdown/parse.ts';

/**
 * YAML syntax errors of a chapter's frontmatter, at their line and column in the chapter file.
 * The linter's `frontmatter` rule and the build (src/integrations/content-checks.ts) report them
 * alike, so a contributor who skipped `npm run lint:content` still reads which file and where:
 * left to Astro's content sync, a broken block stops the build with a parser trace.
 */
export interface YamlSyntaxError {
	line: number;
	column: number;
	message: string;
	fix: string;
}

/** The errors of a parsed frontmatter `document` whose first line is `firstLine` of the file. */
export function yamlSyntaxErrors(
	document: Document,
	yamlSource: string,
	firstLine: number,
): YamlSyntaxError[] {
	return document.errors.map((error) => {
		const at = lineColumn(yamlSource, error.pos[0]);
		return {
			line: at.line + firstLine - 1,
			column: at.column,
			message: `YAML syntax: ${error.message.split('\n')[0]}`,
			fix: 'fix the YAML syntax of the frontmatter (quote values containing `: ` or `#`)',
		};
	});
}

/** The frontmatter block at the start of a chapter's source (`---` lines around YAML). */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** YAML syntax errors in a chapter's frontmatter, or none (also when it has no block). */
export function frontmatterSyntaxErrors(source: string): YamlSyntaxError[] {
	const yaml = FRONTMATTER.exec(source)?.[1];
	if (yaml === undefined) return [];
	return yamlSyntaxErrors(parseDocument(yaml), yaml, 2);
}
