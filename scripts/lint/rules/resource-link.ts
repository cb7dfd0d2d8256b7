import type { Heading, Link, List, ListItem } from 'mdast';
import { urlProblem } from '../../../src/content/resources.ts';
import { textOf, walk } from '../../../src/markdown/parse.ts';
import type { Rule } from '../types.ts';

/** The heading a chapter's resource list stands under. */
const RESOURCES = /^resources:?$/i;

/**
 * Resource lists (`## Resources`) have one shape, so learners can scan them and tools can read
 * them: each item is the resource's name, linked to its canonical https page when it has one,
 * optionally followed by plain text (`- [Name](https://…) (publisher)`). A resource with no
 * unambiguous home stays plain text. CONTRIBUTING.md, "Resource links".
 */
export const resourceLink: Rule = {
	name: 'resource-link',
	description:
		'Items under "## Resources" start with their one link, [Name](https://…), or have no link.',
	check({ chapters }, report) {
		for (const chapter of chapters) {
			const nodes = chapter.tree.children;
			nodes.forEach((node, index) => {
				if (node.type !== 'heading' || !RESOURCES.test(textOf(node).trim())) return;
				const depth = (node as Heading).depth;
				for (const next of nodes.slice(index + 1)) {
					if (next.type === 'heading' && (next as Heading).depth <= depth) break;
					if (next.type !== 'list') continue;
					for (const item of (next as List).children) checkItem(item);
				}
			});

			function checkItem(item: ListItem): void {
				const links: Link[] = [];
				walk(item, (node) => {
					if (node.type === 'link') links.push(node as Link);
				});
				const [first, ...others] = links;
				if (!first) return;
				const at = (link: Link) => ({
					file: chapter.file,
					line: link.position!.start.line,
					column: link.position!.start.column,
				});
				// The same URL rule as content/resources.yaml (src/content/resources.ts).
				const invalid = urlProblem(first.url);
				if (invalid) {
					report({
						...at(first),
						message: `resource link "${first.url}" ${invalid}`,
						fix: 'link the resource’s canonical https page: [Name](https://…)',
					});
				}
				const paragraph = item.children[0];
				const lead = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
				if (lead !== first) {
					report({
						...at(first),
						message: 'a resource item starts with its name as the link',
						fix: 'write it as - [Name](https://…) followed by any plain text',
					});
				}
				for (const link of others) {
					report({
						...at(link),
						message: 'a resource item has one link',
						fix: 'give each resource its own list item',
					});
				}
			}
		}
	},
};
