import type { Link } from 'mdast';
import { walk } from '../../../src/markdown/parse.ts';
import type { Rule } from '../types.ts';

/**
 * GFM turns a URL written in running text into a link whose text is the URL itself. Resources
 * need a readable name, so such "autolink literals" are reported: the source at the link's start
 * is not `[` (a Markdown link) or `<` (an explicit autolink).
 */
export const bareUrl: Rule = {
	name: 'bare-url',
	description: 'URLs are written as [descriptive text](url), not pasted bare into the text.',
	check({ chapters }, report) {
		for (const chapter of chapters) {
			walk(chapter.tree, (node) => {
				if (node.type !== 'link') return;
				const start = node.position!.start;
				const opener = chapter.source[start.offset!];
				if (opener === '[' || opener === '<') return;
				report({
					file: chapter.file,
					line: start.line,
					column: start.column,
					message: `bare URL ${(node as Link).url}`,
					fix: `write it as a link with a name: [Page title](${(node as Link).url})`,
				});
			});
		}
	},
};
