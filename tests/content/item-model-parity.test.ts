import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Element } from 'hast';
import { mdxToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { parseItemTree, type ItemNode } from '../../src/content/items.ts';
import { listChapterFiles, listFiles } from '../../src/content/roadmaps.ts';
import { taskItemsHtml } from '../../src/markdown/task-items.ts';

/**
 * The item model (src/content/items.ts) and the pass that renders items
 * (src/markdown/task-items.ts) are two code paths over one parser's output. Over every chapter and every
 * lint fixture they must find the same ids, in the same order, with the same nesting; where the
 * plugin refuses a chapter (an item without an id or with a malformed one), the model must see
 * that item too.
 */

interface Shape {
	id: string | undefined;
	children: Shape[];
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Chapter files: the real content and every lint fixture. */
const files = [
	...listChapterFiles(join(ROOT, 'content')).map((file) => file.path),
	...listFiles(join(ROOT, 'tests/fixtures/lint')).filter((path) => /\.mdx?$/.test(path)),
];

const modelShape = (nodes: ItemNode[]): Shape[] =>
	nodes.map((node) => ({ id: node.id, children: modelShape(node.children) }));

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (char) => ESCAPES[char]!);
const VOID = new Set(['input', 'br', 'hr', 'img']);

/**
 * The HTML a chapter renders to, as Astro writes it: elements with their attributes, escaped text;
 * MDX components render their children, imports and expressions nothing.
 */
function toHtml(node: { type: string; [key: string]: unknown }): string {
	const children = () =>
		((node.children ?? []) as { type: string }[]).map((child) => toHtml(child)).join('');
	switch (node.type) {
		case 'root':
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
			return children();
		case 'text':
			return escape(String(node.value));
		case 'raw':
			return String(node.value);
		case 'element': {
			const { tagName, properties = {} } = node as unknown as Element;
			const attributes = Object.entries(properties)
				.filter(([, value]) => value !== false && value !== null && value !== undefined)
				.map(([name, value]) => {
					const attribute =
						name === 'className' ? 'class' : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
					if (value === true) return ` ${attribute}`;
					return ` ${attribute}="${escape(Array.isArray(value) ? value.join(' ') : String(value))}"`;
				})
				.join('');
			return VOID.has(tagName)
				? `<${tagName}${attributes}>`
				: `<${tagName}${attributes}>${children()}</${tagName}>`;
		}
		default:
			return '';
	}
}

/**
 * Items as the rendered page holds them: each `li.roadmap-item` the task-item pass produced
 * (src/markdown/task-items.ts, over the chapter's HTML as the build renders it), nested under its
 * nearest `li.roadmap-item` ancestor, in document order.
 */
function renderedShape(source: string): Shape[] {
	const html = taskItemsHtml(toHtml(mdxToHast(source) as never), 'chapter.mdx');
	const roots: Shape[] = [];
	/** Open `<li>`s: each item's shape, or `undefined` for a plain list item. */
	const open: (Shape | undefined)[] = [];
	for (const [tag, attributes = ''] of html.matchAll(/<li\b([^>]*)>|<\/li>/g)) {
		if (tag === '</li>') {
			open.pop();
			continue;
		}
		const id = /\bclass="[^"]*\broadmap-item\b[^"]*"[^>]*\bid="([^"]+)"/.exec(attributes)?.[1];
		const shape = id === undefined ? undefined : { id, children: [] };
		if (shape) {
			const owner = open.findLast((entry) => entry !== undefined);
			(owner ? owner.children : roots).push(shape);
		}
		open.push(shape);
	}
	return roots;
}

describe('item model parity with the rendered items', () => {
	it('has chapters and fixtures to compare', () => {
		expect(files.length).toBeGreaterThan(30);
	});

	for (const path of files) {
		it(path.slice(ROOT.length + 1), () => {
			const source = readFileSync(path, 'utf8');
			const model = parseItemTree(source).items;
			let rendered: Shape[];
			try {
				rendered = renderedShape(source);
			} catch (error) {
				// The pass refuses an item without a well-formed id: the model must see that item.
				const broken = (function find(nodes: ItemNode[]): ItemNode | undefined {
					for (const node of nodes) {
						if (node.id === undefined || node.malformed.length > 0) return node;
						const inner = find(node.children);
						if (inner) return inner;
					}
				})(model);
				expect(broken, String(error)).toBeDefined();
				expect(String(error)).toMatch(broken!.plain.slice(0, 20));
				return;
			}
			expect(rendered).toEqual(modelShape(model));
		});
	}

	it('finds an id on a wrapped line, an item in a blockquote and nested items alike', () => {
		const source = [
			'## Section',
			'',
			'- [ ] A long item that wraps',
			'  onto a second line ^wrapped',
			'',
			'> - [ ] Quoted item ^quoted',
			'',
			'- [ ] Parent ^parent',
			'  - [ ] Child one ^child-one',
			'  - Plain bullet',
			'    - [ ] Grandchild ^grandchild',
			'',
		].join('\n');
		const model = modelShape(parseItemTree(source).items);
		expect(model).toEqual([
			{ id: 'wrapped', children: [] },
			{ id: 'quoted', children: [] },
			{
				id: 'parent',
				children: [
					{ id: 'child-one', children: [] },
					{ id: 'grandchild', children: [] },
				],
			},
		]);
		expect(renderedShape(source)).toEqual(model);
	});
});
