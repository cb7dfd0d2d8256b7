import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Element } from 'hast';
import { defineHastPlugin, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { parseItemTree, type ItemNode } from '../../src/content/items.ts';
import { listChapterFiles, listFiles } from '../../src/content/roadmaps.ts';
import { taskItemsPlugin } from '../../src/markdown/task-items.ts';

/**
 * The item model (src/content/items.ts) and the Markdown plugin that renders items
 * (src/markdown/task-items.ts) are two code paths over one parser. Over every chapter and every
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

const isItem = (node: Readonly<Element>) => {
	const classes = node.properties?.className;
	return node.tagName === 'li' && Array.isArray(classes) && classes.includes('roadmap-item');
};

/**
 * Items as the rendered page holds them: each `li.roadmap-item` the plugin produced, nested under
 * its nearest `li.roadmap-item` ancestor, in document order. Read by a second hast plugin that
 * runs after the task-item plugin, in the same MDX compile the build does.
 */
function renderedShape(source: string): Shape[] {
	const roots: Shape[] = [];
	const shapes = new Map<string, Shape>();
	const collector = defineHastPlugin({
		name: 'collect-items',
		element: {
			filter: ['li'],
			visit(li, ctx) {
				if (!isItem(li)) return;
				const shape: Shape = { id: String(li.properties.id), children: [] };
				shapes.set(shape.id!, shape);
				let parent: ReturnType<typeof ctx.parent> = ctx.parent(li);
				while (parent && !(parent.type === 'element' && isItem(parent as Element))) {
					parent = ctx.parent(parent);
				}
				const owner = parent ? shapes.get(String((parent as Element).properties.id)) : undefined;
				(owner ? owner.children : roots).push(shape);
			},
		},
	});
	mdxToJs(source, { hastPlugins: [taskItemsPlugin, collector] });
	return roots;
}

describe('item model parity with the Markdown plugin', () => {
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
				// The plugin refuses an item without a well-formed id: the model must see that item.
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
