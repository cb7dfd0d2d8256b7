/**
 * The id rule of learnable items, alone in a file without dependencies, because the browser's
 * progress store needs it too. The item tree that uses it is `items.ts`.
 *
 *     - [ ] Routing (`app.get`, `app.post`) ^express-routing ^routing
 *
 * The first marker is the id; further markers are aliases (ids the item had before), so a tick
 * follows an item whose id had to change. Ids never derive from the text or the position.
 */

/** A well-formed id: lowercase ASCII letters and digits in dash-separated words. */
export const ITEM_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Trailing `^marker` run at the end of an item's own text. */
const TRAILING_MARKERS = /(?:\s+\^[^\s^]+)+\s*$/;

export interface ItemMarkers {
	/** The item text without its markers. */
	text: string;
	/** The item id (first marker), or `undefined` when the text has no marker. */
	id: string | undefined;
	/** Former ids of this item. */
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

