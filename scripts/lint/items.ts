import type { ListItem, Paragraph } from 'mdast';
import { parseItemMarkers, type ItemMarkers } from '../../src/progress/item-id.ts';
import { walk } from './parse.ts';
import type { ChapterFile } from './types.ts';

export interface ChapterItem extends ItemMarkers {
	/** Where the item's text starts. */
	line: number;
	column: number;
	/** Where each marker (`^id`) starts, keyed by marker. */
	markerPositions: Map<string, { line: number; column: number }>;
}

const cache = new WeakMap<ChapterFile, ChapterItem[]>();

/**
 * The task items of a chapter, read from the GFM syntax tree (so code blocks, HTML and JSX never
 * count), with their markers split off by the shared item-id rule.
 */
export function chapterItems(chapter: ChapterFile): ChapterItem[] {
	let items = cache.get(chapter);
	if (items) return items;
	items = [];
	const lines = chapter.source.split('\n');
	walk(chapter.tree, (node) => {
		if (node.type !== 'listItem' || typeof (node as ListItem).checked !== 'boolean') return;
		const paragraph = (node as ListItem).children[0] as Paragraph | undefined;
		const start = paragraph?.position?.start ?? node.position!.start;
		const last = paragraph?.children.at(-1);
		// Markers end the item's own text; an item ending in code, a link or JSX has none.
		const markers =
			last?.type === 'text'
				? parseItemMarkers(last.value)
				: { text: '', id: undefined, aliases: [], malformed: [] };
		const markerPositions = new Map<string, { line: number; column: number }>();
		const endLine = last?.position?.end.line;
		if (endLine !== undefined) {
			const lineText = lines[endLine - 1] ?? '';
			for (const marker of [markers.id, ...markers.aliases]) {
				if (marker === undefined) continue;
				const index = lineText.lastIndexOf(`^${marker}`);
				markerPositions.set(marker, { line: endLine, column: index + 1 });
			}
		}
		items!.push({ ...markers, line: start.line, column: start.column, markerPositions });
	});
	cache.set(chapter, items);
	return items;
}
