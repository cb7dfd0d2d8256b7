import { chapterItems } from '../items.ts';
import type { Rule } from '../types.ts';

/** Ids are lowercase ASCII words joined by dashes (`ITEM_ID_PATTERN`); the build refuses others. */
export const itemIdMalformed: Rule = {
	name: 'item-id-malformed',
	description: 'Item ids and aliases are lowercase words joined by dashes (^express-routing).',
	check({ chapters }, report) {
		for (const chapter of chapters) {
			for (const item of chapterItems(chapter)) {
				for (const marker of item.malformed) {
					const suggestion = marker
						.toLowerCase()
						.replace(/[^a-z0-9]+/g, '-')
						.replace(/^-|-$/g, '');
					report({
						file: chapter.file,
						...(item.markers.get(marker) ?? item.place),
						message: `malformed item id ^${marker}`,
						fix: `use lowercase letters, digits and single dashes, e.g. ^${suggestion || 'item-id'}`,
					});
				}
			}
		}
	},
};
