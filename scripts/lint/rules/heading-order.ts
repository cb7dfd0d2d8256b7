import type { Heading } from 'mdast';
import type { Rule } from '../types.ts';

/**
 * The page title (frontmatter `title`) is the only h1; body headings start at `##` and never skip
 * a level, so the table of contents and screen-reader navigation stay a tree.
 */
export const headingOrder: Rule = {
	name: 'heading-order',
	description: 'No # heading in the body; heading levels never skip (## then ###, not ####).',
	check({ chapters }, report) {
		for (const chapter of chapters) {
			let previous = 1;
			for (const node of chapter.tree.children) {
				if (node.type !== 'heading') continue;
				const { depth, position } = node as Heading;
				const at = {
					file: chapter.file,
					line: position!.start.line,
					column: position!.start.column,
				};
				if (depth === 1) {
					report({
						...at,
						message: 'h1 in the body: the frontmatter `title` is the page heading',
						fix: 'make it a `##` heading',
					});
				} else if (depth > previous + 1) {
					report({
						...at,
						message: `heading level ${depth} follows level ${previous}`,
						fix: `use ${'#'.repeat(previous + 1)} here, or add the missing level above it`,
					});
				}
				previous = depth;
			}
		}
	},
};
