import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { Node, Parent, Root, Yaml } from 'mdast';

/**
 * The one Markdown parse of a chapter's source, with positions: the linter's rules and the build's
 * content policy (src/integrations/content-policy.ts) read the same tree.
 */

/** A chapter's frontmatter block, parsed. */
export interface Frontmatter {
	/** Line of the first YAML line (the line after the opening `---`). */
	firstLine: number;
	document: Document;
	data: unknown;
}

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm);

/** Parses a chapter's source into a syntax tree with positions. `.md` files are parsed as MDX too. */
export function parseChapter(source: string): Root {
	return processor.parse(source);
}

/** The frontmatter block of a parsed chapter, with its YAML document (for key positions). */
export function readFrontmatter(tree: Root): Frontmatter | undefined {
	const node = tree.children[0];
	if (node?.type !== 'yaml') return undefined;
	const document = parseDocument((node as Yaml).value, { keepSourceTokens: false });
	return { firstLine: (node.position?.start.line ?? 1) + 1, document, data: document.toJS() };
}

/** Depth-first walk; `visit` returns `false` to skip a node's children. */
export function walk(
	node: Node,
	visit: (node: Node, parent: Parent | undefined) => boolean | void,
	parent?: Parent,
): void {
	if (visit(node, parent) === false) return;
	const children = (node as Parent).children;
	if (children) for (const child of children) walk(child, visit, node as Parent);
}

/** Converts offsets in a text to 1-based line and column. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: offset - lineStart + 1 };
}

/** The text of a node and its descendants. */
export function textOf(node: Node): string {
	if ('value' in node && typeof node.value === 'string') return node.value;
	return ((node as Parent).children ?? []).map(textOf).join('');
}
