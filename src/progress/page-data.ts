import type { Group, Item } from './entries.ts';

/**
 * The items a page's progress meters count, embedded once per page as JSON
 * (`<script type="application/json" id="progress-data">`) so meters do not repeat item lists.
 * A chapter's leaf items are one string of space-separated `id` or `id:alias:alias` tokens; its
 * groups (items with children), when it has any, a second string of `id:alias=leaf,leaf` tokens.
 */
export interface PageData {
	/** The roadmap the page's checkboxes belong to (chapter pages only). */
	page?: string;
	/** Roadmap id → its chapters as `[href, leaves, groups?]`, in phase order. */
	roadmaps: Record<string, [href: string, items: string, groups?: string][]>;
	/**
	 * The concepts (content/concepts.yaml) of the items in `roadmaps`: each concept's member keys,
	 * `roadmap/item-id` (`memberKey`), every member, in all roadmaps.
	 */
	concepts: string[][];
	/**
	 * Whether the page reads every stored key (the progress page: its lists, activity and reset
	 * cover everything stored). Other pages read only the keys of the items they list and of their
	 * concepts' members.
	 */
	all?: boolean;
}

/**
 * The page data in `json` (the text of `#progress-data`), typed; a page without it reads as no
 * roadmaps and no concepts. The client reads it here: `readPageData(text).concepts`.
 */
export function readPageData(json: string | null | undefined): PageData {
	const data = JSON.parse(json || '{}') as Partial<PageData>;
	return { ...data, roadmaps: data.roadmaps ?? {}, concepts: data.concepts ?? [] };
}

/** `[{ id: 'b', aliases: ['old-b'] }]` → `'b:old-b'`. */
export function encodeItems(items: readonly Item[]): string {
	return items.map((item) => [item.id, ...item.aliases].join(':')).join(' ');
}

/** The reverse of `encodeItems`. */
export function decodeItems(text: string): Item[] {
	return text
		.split(' ')
		.filter(Boolean)
		.map((token) => {
			const [id, ...aliases] = token.split(':');
			return { id: id!, aliases };
		});
}

/** `[{ item: { id: 'g', aliases: [] }, leaves: [a, b] }]` → `'g=a,b'`. */
export function encodeGroups(groups: readonly Group[]): string {
	return groups
		.map(({ item, leaves }) => `${encodeItems([item])}=${leaves.map((leaf) => leaf.id).join(',')}`)
		.join(' ');
}

/** The reverse of `encodeGroups`. */
export function decodeGroups(text = ''): Group[] {
	return text
		.split(' ')
		.filter(Boolean)
		.map((token) => {
			const [head = '', leaves = ''] = token.split('=');
			return { item: decodeItems(head)[0]!, leaves: decodeItems(leaves.replaceAll(',', ' ')) };
		});
}

/**
 * The stored keys a page reads (`roadmap/id`): its items with their aliases, its groups (`chapters`,
 * the page's roadmaps as decoded from `data`), and the members of their concepts; `undefined` when
 * it reads every key (`all`, the progress page).
 */
export function scopeOf(
	data: PageData,
	chapters: ReadonlyMap<string, readonly { items: readonly Item[]; groups: readonly Group[] }[]>,
): Set<string> | undefined {
	if (data.all) return undefined;
	const scope = new Set(data.concepts.flat());
	for (const [roadmap, list] of chapters) {
		const add = ({ id, aliases }: Item) => {
			for (const name of [id, ...aliases]) scope.add(`${roadmap}/${name}`);
		};
		for (const { items, groups } of list) {
			items.forEach(add);
			for (const group of groups) add(group.item);
		}
	}
	return scope;
}
