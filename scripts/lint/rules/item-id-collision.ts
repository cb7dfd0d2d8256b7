import { explainCollision, idCollisions } from '../../../src/content/items.ts';
import { chapterTree } from '../items.ts';
import type { Rule } from '../types.ts';

/**
 * An item's id is its anchor on the page; a heading's anchor or an id of the page layout with the
 * same value would make two elements share it (src/content/items.ts; the build refuses it too).
 */
export const itemIdCollision: Rule = {
	name: 'item-id-collision',
	description: "An item id differs from the page's heading anchors and layout ids.",
	check({ chapters }, report) {
		for (const chapter of chapters) {
			for (const collision of idCollisions(chapterTree(chapter))) {
				report({ file: chapter.file, ...collision.place, ...explainCollision(collision) });
			}
		}
	},
};
