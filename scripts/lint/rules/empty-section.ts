import type { Heading } from 'mdast';
import { textOf } from '../../../src/markdown/parse.ts';
import type { Rule } from '../types.ts';

/** A heading with nothing under it before the next heading of the same or a higher level. */
export const emptySection: Rule = {
	name: 'empty-section',
	description: 'Every heading has content before the next heading of the same or a higher level.',
	check({ chapters }, report) {
		for (const chapter of chapters) {
			const nodes = chapter.tree.children;
			nodes.forEach((node, index) => {
				if (node.type !== 'heading') return;
				const next = nodes[index + 1];
				if (
					next &&
					!(next.type === 'heading' && (next as Heading).depth <= (node as Heading).depth)
				)
					return;
				report({
					file: chapter.file,
					line: node.position!.start.line,
					column: node.position!.start.column,
					message: `section "${textOf(node)}" is empty`,
					fix: 'add its items or text, or remove the heading',
				});
			});
		}
	},
};
