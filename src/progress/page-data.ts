import type { Item } from './store';

/**
 * The items a page's progress meters count, embedded once per page as JSON
 * (`<script type="application/json" id="progress-data">`) so meters do not repeat item lists.
 * Items of a chapter are one string: space-separated `id` or `id:alias:alias` tokens.
 */
export interface PageData {
	/** The roadmap the page's checkboxes belong to (chapter pages only). */
	page?: string;
	/** Roadmap id → its chapters as `[href, items]`, in phase order. */
	roadmaps: Record<string, [href: string, items: string][]>;
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
