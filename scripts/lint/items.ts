import { allItems, parseItemTree, type ItemNode, type ItemTree } from '../../src/content/items.ts';
import type { ChapterFile } from './types.ts';

const cache = new WeakMap<ChapterFile, ItemTree>();

/** A chapter's item tree (src/content/items.ts), parsed once per lint run. */
export function chapterTree(chapter: ChapterFile): ItemTree {
	let tree = cache.get(chapter);
	if (!tree) cache.set(chapter, (tree = parseItemTree(chapter.source)));
	return tree;
}

/** Every item of a chapter, groups included, in page order. */
export function chapterItems(chapter: ChapterFile): ItemNode[] {
	return allItems(chapterTree(chapter).items);
}
