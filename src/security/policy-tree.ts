import type { Node, Parent, Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { parseChapter } from '../markdown/parse.ts';

/**
 * The syntax tree the content policy (`checkChapter`) reads in the build, parsed in about a
 * twentieth of remark's time.
 *
 * Sätteri, the native parser the build renders chapters with, reads a chapter first. Most chapters
 * are plain Markdown (no ESM, no `{expression}`, no JSX element), and for them its tree is what the
 * policy needs: link, image and definition URLs, with positions. A chapter with any MDX syntax, or
 * one Sätteri cannot read, is parsed again with remark-mdx (`parseChapter`, as the linter does),
 * whose tree carries each snippet's estree and each attribute's place for the policy to judge.
 * tests/content-policy.test.ts checks every case with both parsers.
 */
export function readPolicyTree(source: string): Root {
	let tree: Root;
	try {
		tree = mdxToMdast(source) as unknown as Root;
	} catch {
		return parseChapter(source); // remark-mdx names the place of the syntax error
	}
	return holdsMdx(tree) ? parseChapter(source) : tree;
}

/**
 * Whether any node is MDX syntax (ESM, an `{expression}`, a JSX element) or raw HTML. Sätteri reads
 * raw HTML in MDX as JSX, so an `html` node never comes; should one, remark-mdx judges it.
 */
function holdsMdx(node: Node): boolean {
	return (
		node.type.startsWith('mdx') ||
		node.type === 'html' ||
		((node as Parent).children ?? []).some(holdsMdx)
	);
}
