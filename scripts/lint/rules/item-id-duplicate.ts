import { chapterItems } from '../items.ts';
import type { Rule } from '../types.ts';

/**
 * Progress is keyed by roadmap + id, so an id (or alias) may appear once per roadmap, across all its
 * chapters; two items sharing one would tick together.
 */
export const itemIdDuplicate: Rule = {
	name: 'item-id-duplicate',
	description: 'An id or alias is used once per roadmap, across all its chapters.',
	check({ chapters }, report) {
		const seen = new Map<string, string>();
		for (const chapter of chapters) {
			for (const item of chapterItems(chapter)) {
				for (const marker of [item.id, ...item.aliases]) {
					if (marker === undefined || item.malformed.includes(marker)) continue;
					const key = `${chapter.folder}\0${marker}`;
					const at = item.markers.get(marker) ?? item.place;
					const first = seen.get(key);
					if (first === undefined) {
						seen.set(key, `${chapter.file}:${at.line}:${at.column}`);
						continue;
					}
					report({
						file: chapter.file,
						...at,
						message: `item id ^${marker} is already used in roadmap "${chapter.folder}" at ${first}`,
						fix: 'give this item a new id that was never used in this roadmap (never reuse an old id)',
					});
				}
			}
		}
	},
};
