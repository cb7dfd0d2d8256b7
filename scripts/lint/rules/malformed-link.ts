import type { Link, Node, Parent } from 'mdast';
import { lineColumn, textOf, walk } from '../../../src/markdown/parse.ts';
import type { Rule } from '../types.ts';

/** Link syntax that did not parse, as it stays in the source. The first pattern that fits wins. */
const BROKEN = [
	{
		pattern: /\[[^\]\n]+\][ \t]+\([^)\s]*\)/g,
		message: 'space between ] and ( breaks the link',
		fix: 'remove the space: [text](url)',
	},
	{
		pattern: /\[[^\]\n]*\]\([^)\n]*$/gm,
		message: 'link is missing its closing )',
		fix: 'close it: [text](url)',
	},
	{
		pattern: /\]\(/g,
		message: 'text looks like a link that did not parse',
		fix: 'check the brackets: [text](url)',
	},
];

/** Inline nodes whose source may legitimately contain `](`: they are blanked before matching. */
const OPAQUE = new Set(['inlineCode', 'image', 'html', 'mdxJsxTextElement', 'mdxTextExpression']);

/** Empty link text or target, `[text] (url)` spacing and unbalanced brackets. */
export const malformedLink: Rule = {
	name: 'malformed-link',
	description: 'Links have text and a target, no space in [text](url), balanced brackets.',
	check({ chapters }, report) {
		for (const chapter of chapters) {
			const { source, file } = chapter;
			walk(chapter.tree, (node) => {
				const start = node.position?.start;
				if (!start) return;
				if (node.type === 'link') {
					const link = node as Link;
					if (link.url.trim() === '') {
						report({
							file,
							line: start.line,
							column: start.column,
							message: 'link has an empty target',
							fix: 'put the URL between the parentheses: [text](https://…)',
						});
					}
					if (
						textOf(link).trim() === '' &&
						!link.children.some((child) => child.type === 'image')
					) {
						report({
							file,
							line: start.line,
							column: start.column,
							message: 'link has no text',
							fix: 'name what it points to: [Page title](url)',
						});
					}
					return;
				}
				if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell')
					return;
				const offset = start.offset!;
				const text = maskedSource(source, node as Parent, offset);
				const reported = new Set<number>();
				for (const { pattern, message, fix } of BROKEN) {
					for (const match of text.matchAll(pattern)) {
						const bracket = match.index + (match[0].startsWith('[') ? match[0].indexOf(']') : 0);
						if (reported.has(bracket)) continue;
						reported.add(bracket);
						report({ file, ...lineColumn(source, offset + match.index), message, fix });
					}
				}
			});
		}
	},
};

/**
 * The source of a paragraph with well-formed links, code spans and JSX blanked out (same length,
 * so offsets stay true). GFM autolink literals stay: `[text] (https://…)` turns the URL into one.
 */
function maskedSource(source: string, container: Parent, offset: number): string {
	const chars = source.slice(offset, container.position!.end.offset!).split('');
	walk(container, (node: Node) => {
		if (node === container) return;
		const opaque =
			OPAQUE.has(node.type) ||
			(node.type === 'link' && source[node.position!.start.offset!] === '[');
		if (!opaque) return;
		for (
			let i = node.position!.start.offset! - offset;
			i < node.position!.end.offset! - offset;
			i++
		) {
			if (chars[i] !== '\n') chars[i] = ' ';
		}
		return false;
	});
	return chars.join('');
}
