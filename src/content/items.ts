import GithubSlugger from 'github-slugger';
import { mdxToMdast } from 'satteri';
import type { Heading, ListItem, Node, Paragraph, Parent, PhrasingContent, Text } from 'mdast';
import { parseItemMarkers } from './item-id.ts';

export { ITEM_ID_PATTERN, parseItemMarkers, type ItemMarkers } from './item-id.ts';

/**
 * The one item model. A chapter is a tree of learnable items: GFM task-list items whose own text
 * ends with `^id` markers. Everything that needs a chapter's items reads them here: the meters,
 * landing, topic and progress pages, the content linter, the vanished-id check, the scaffolder and
 * the benchmark. The task-item pass (`src/markdown/task-items.ts`) renders them; a parity test
 * (`tests/content/item-model-parity.test.ts`) keeps the two in agreement over every chapter and fixture.
 *
 * Chapters are parsed with Sätteri, the same native parser the build renders them with, so an
 * item on a wrapped line, inside a blockquote or nested under another item is found exactly where
 * the page shows it. Pure: no DOM, no Astro; plain Node imports it. The id rule is `item-id.ts`.
 */

/**
 * Ids a page already uses outside the chapter's content (Starlight's layout and our components).
 * An item id equal to one of them would make two elements share an id. `npm run check:links`
 * checks every built page for duplicate ids, so a new layout id shows up there first.
 */
export const RESERVED_PAGE_IDS: ReadonlySet<string> = new Set([
	'_top',
	'progress-data',
	'theme-icons',
	'starlight__sidebar',
	'starlight__mobile-toc',
	'starlight__on-this-page',
	'starlight__on-this-page--mobile',
	'starlight__search',
	'starlight-theme-select',
	'starlight-developer-tools',
	'menu-button',
	'sl-sidebar-state-persist',
	'footnote-label',
]);

/** A 1-based place in the chapter source. */
export interface Place {
	line: number;
	column: number;
}

/** A learnable item and the items nested under it. An item with children is a group. */
export interface ItemNode {
	/** The id, or `undefined` when the item has no marker (the linter and the build refuse it). */
	id: string | undefined;
	aliases: string[];
	malformed: string[];
	/** The item's own text as Markdown, without markers, on one line. */
	text: string;
	/** The same text as plain text (code spans and emphasis unwrapped, links as their text). */
	plain: string;
	/** Slug of the heading the item sits under, if any. */
	section: string | undefined;
	/** Where the item's text starts. */
	place: Place;
	/** Where each marker (`^id`, `^alias`) starts. */
	markers: Map<string, Place>;
	children: ItemNode[];
}

/** A heading of the chapter and the leaf items under it (up to the next heading). */
export interface Section {
	/** The heading's anchor, as the page renders it. */
	slug: string;
	/** Plain text of the heading. */
	title: string;
	depth: number;
	place: Place;
	/** Ids of the leaf items under this heading, in page order. */
	leafIds: string[];
}

export interface ItemTree {
	/** Top-level items, each with its nested items. */
	items: ItemNode[];
	sections: Section[];
}

/** An item as progress counts it: its id and former ids. */
export interface Item {
	id: string;
	aliases: readonly string[];
}

const isParent = (node: Node): node is Parent => Array.isArray((node as Parent).children);

/** Plain text of mdast nodes, like the rendered text content. */
function plainText(nodes: readonly Node[]): string {
	return nodes
		.map((node) =>
			'value' in node && typeof node.value === 'string' && node.type !== 'html'
				? node.value
				: isParent(node)
					? plainText(node.children)
					: '',
		)
		.join('');
}

/**
 * Parses a chapter (frontmatter and MDX allowed; a body alone works too) into its item tree and
 * sections. `lineOffset` is added to every line (e.g. the frontmatter's length when given a body).
 */
export function parseItemTree(source: string, lineOffset = 0): ItemTree {
	const root = mdxToMdast(source) as unknown as Parent;
	const slugger = new GithubSlugger();
	const sections: Section[] = [];
	let section: Section | undefined;
	const place = (node: Node): Place => ({
		line: (node.position?.start.line ?? 1) + lineOffset,
		column: node.position?.start.column ?? 1,
	});

	const readItem = (node: ListItem): ItemNode => {
		const paragraph = node.children[0]?.type === 'paragraph' ? (node.children[0] as Paragraph) : undefined;
		const inline: PhrasingContent[] = paragraph?.children ?? [];
		const last = inline.at(-1);
		const markers =
			last?.type === 'text'
				? parseItemMarkers((last as Text).value)
				: { text: '', id: undefined, aliases: [], malformed: [] };
		const own = last?.type === 'text' ? [...inline.slice(0, -1), { ...last, value: markers.text }] : inline;
		const start = paragraph?.position?.start.offset;
		const markerStart =
			last?.type === 'text' && last.position
				? last.position.start.offset! + markers.text.length
				: paragraph?.position?.end.offset;
		const text =
			start !== undefined && markerStart !== undefined
				? source.slice(start, markerStart).replace(/\s+/g, ' ').trim()
				: '';
		const markerPlaces = new Map<string, Place>();
		if (last?.type === 'text' && last.position) {
			const value = (last as Text).value;
			for (const marker of [markers.id, ...markers.aliases]) {
				if (marker === undefined) continue;
				const offset = last.position.start.offset! + value.lastIndexOf(`^${marker}`);
				markerPlaces.set(marker, lineColumn(source, offset, lineOffset));
			}
		}
		return {
			id: markers.id,
			aliases: markers.aliases,
			malformed: markers.malformed,
			text,
			plain: plainText(own).replace(/\s+/g, ' ').trim(),
			section: section?.slug,
			place: place(paragraph ?? node),
			markers: markerPlaces,
			children: [],
		};
	};

	/** Walks `node`'s children, attaching task items to `into` (their nearest task-item ancestor). */
	const visit = (node: Parent, into: ItemNode[]): void => {
		for (const child of node.children as Node[]) {
			if (child.type === 'heading') {
				section = {
					slug: slugger.slug(plainText((child as Heading).children)),
					title: plainText((child as Heading).children).trim(),
					depth: (child as Heading).depth,
					place: place(child),
					leafIds: [],
				};
				sections.push(section);
				continue;
			}
			if (child.type === 'listItem' && typeof (child as ListItem).checked === 'boolean') {
				const item = readItem(child as ListItem);
				into.push(item);
				visit(child as Parent, item.children);
				if (item.children.length === 0 && item.id !== undefined) section?.leafIds.push(item.id);
				continue;
			}
			if (isParent(child)) visit(child, into);
		}
	};
	const items: ItemNode[] = [];
	visit(root, items);
	return { items, sections };
}

/** Every item of a tree, parents before their children, in page order. */
export function allItems(nodes: readonly ItemNode[]): ItemNode[] {
	return nodes.flatMap((node) => [node, ...allItems(node.children)]);
}

/** The items progress counts: those without children, in page order. */
export function leaves(nodes: readonly ItemNode[]): ItemNode[] {
	return nodes.flatMap((node) => (node.children.length === 0 ? [node] : leaves(node.children)));
}

/** Items with children: each group's id with the leaves it stands for. */
export function groups(nodes: readonly ItemNode[]): { item: ItemNode; leaves: ItemNode[] }[] {
	return allItems(nodes)
		.filter((node) => node.children.length > 0)
		.map((item) => ({ item, leaves: leaves(item.children) }));
}

/** An id that would appear twice on the chapter's page. */
export interface IdCollision {
	id: string;
	place: Place;
	/** What else on the page has this id. */
	with: string;
}

/**
 * Item ids (and aliases, which become anchors' former names) that equal a heading's anchor on the
 * same page, or an id the layout uses: the page would have two elements with one id.
 */
export function idCollisions(tree: ItemTree): IdCollision[] {
	const headings = new Map(tree.sections.map((section) => [section.slug, section]));
	const found: IdCollision[] = [];
	for (const item of allItems(tree.items)) {
		if (item.id === undefined) continue;
		const heading = headings.get(item.id);
		const place = item.markers.get(item.id) ?? item.place;
		if (heading) {
			found.push({
				id: item.id,
				place,
				with: `the heading "${heading.title}" (line ${heading.place.line})`,
			});
		} else if (RESERVED_PAGE_IDS.has(item.id)) {
			found.push({ id: item.id, place, with: 'an element of the page layout' });
		}
	}
	return found;
}

/** What a contributor reads about a collision, in the linter and in a failed build. */
export function explainCollision({ id, with: other }: IdCollision): { message: string; fix: string } {
	return {
		message: `item id ^${id} is also the id of ${other} on this page`,
		fix: `give the item another id, e.g. ^${id}-item (if ^${id} was published, rename the heading instead)`,
	};
}

/** Converts an offset in `text` to a 1-based line and column. */
function lineColumn(text: string, offset: number, lineOffset: number): Place {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line: line + lineOffset, column: offset - lineStart + 1 };
}
