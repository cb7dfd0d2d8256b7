import { slug } from 'github-slugger';
import { chapterItems } from '../items.ts';
import type { Rule } from '../types.ts';

/** A suggested id: the first words of the item text, slugged. */
export function suggestId(text: string): string {
	return (
		slug(text.replace(/`/g, ''))
			.replace(/[^a-z0-9-]/g, '')
			.split('-')
			.filter(Boolean)
			.slice(0, 4)
			.join('-') || 'item'
	);
}

/** Every task item needs an id: progress is keyed by it, and the build refuses an item without one. */
export const itemIdMissing: Rule = {
	name: 'item-id-missing',
	description: 'Every task item ends with an ^id marker.',
	check({ chapters }, report) {
		for (const chapter of chapters) {
			for (const item of chapterItems(chapter)) {
				if (item.id !== undefined) continue;
				report({
					file: chapter.file,
					...item.place,
					message: 'task item has no id',
					fix: `end the item's first line with an id unique in the roadmap, e.g. ^${suggestId(item.plain || 'item')}`,
				});
			}
		}
	},
};
