/**
 * The one rule for learnable-item ids, shared by the Markdown plugin, the content linter and the
 * progress store. An item is a GFM task-list item whose text ends with one or more `^id` markers:
 *
 *     - [ ] Routing (`app.get`, `app.post`) ^express-routing ^routing
 *
 * The first marker is the item's id; any further markers are aliases (ids the item had before), so
 * a learner's tick follows the item when its id has to change. Ids never derive from the text or
 * the position, so correcting or reordering an item keeps its progress.
 */

/** A well-formed id: lowercase ASCII letters and digits in dash-separated words. */
export const ITEM_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Trailing `^marker` run at the end of an item's text. */
const TRAILING_MARKERS = /(?:\s+\^[^\s^]+)+\s*$/;

/** A task-list line: indentation, a bullet, `[ ]` or `[x]`, then the item text. */
const TASK_LINE = /^(\s*)(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.*)$/;

export interface ItemMarkers {
	/** The item text without its markers. */
	text: string;
	/** The item id (first marker), or `undefined` when the text has no marker. */
	id: string | undefined;
	/** Former ids of this item, oldest last. */
	aliases: string[];
	/** Markers that are not well-formed ids (reported by the linter, refused by the build). */
	malformed: string[];
}

/** Splits the trailing `^id ^alias…` markers off an item's text. */
export function parseItemMarkers(text: string): ItemMarkers {
	const match = TRAILING_MARKERS.exec(text);
	if (!match) return { text: text.trimEnd(), id: undefined, aliases: [], malformed: [] };
	const markers = match[0]
		.trim()
		.split(/\s+/)
		.map((marker) => marker.slice(1));
	return {
		text: text.slice(0, match.index).trimEnd(),
		id: markers[0],
		aliases: markers.slice(1),
		malformed: markers.filter((marker) => !ITEM_ID_PATTERN.test(marker)),
	};
}

export interface SourceItem extends ItemMarkers {
	/** 1-based line of the item in the source. */
	line: number;
	/** 1-based column where the item text starts. */
	column: number;
	/** Nesting depth (0 for a top-level item), from the indentation. */
	depth: number;
}

/**
 * Lists the task items of a Markdown/MDX body, line by line, skipping fenced code blocks. Fast and
 * dependency-free, so pages can count items at build time without re-rendering Markdown.
 * `lineOffset` is added to line numbers (e.g. the frontmatter's length when given a body).
 */
export function extractItems(markdown: string, lineOffset = 0): SourceItem[] {
	const items: SourceItem[] = [];
	let fence: string | undefined;
	markdown.split('\n').forEach((raw, index) => {
		const line = raw.replace(/\r$/, '');
		const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
		if (fenceMatch) {
			const marker = fenceMatch[1]!;
			if (!fence) fence = marker;
			else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
			return;
		}
		if (fence) return;
		const task = TASK_LINE.exec(line);
		if (!task) return;
		const text = task[3]!;
		items.push({
			...parseItemMarkers(text),
			line: index + 1 + lineOffset,
			column: line.length - text.length + 1,
			depth: Math.floor(task[1]!.replace(/\t/g, '    ').length / 2),
		});
	});
	return items;
}
