import { allItems, parseItemTree } from '../../../src/content/items.ts';
import { readBaseline } from '../git-baseline.ts';
import { chapterItems } from '../items.ts';
import type { Rule } from '../types.ts';

/**
 * Never lose a tick: every id (or alias) an item had on the main branch must still exist in the
 * same roadmap, as an id or an alias. Learners' stored progress refers to those ids.
 */
export const itemIdVanished: Rule = {
	name: 'item-id-vanished',
	description:
		'An id on the main branch still exists, as an id or an alias (`--base REV` / LINT_BASE to compare elsewhere).',
	check({ cwd, contentDir, chapters, base }, report) {
		const baseline = readBaseline(cwd, contentDir, base);
		if (!baseline.ok) {
			report({
				file: contentDir,
				line: 1,
				column: 1,
				severity: 'warning',
				message: `check skipped: ${baseline.reason}`,
				fix: baseline.fix,
			});
			return;
		}
		const current = new Set<string>();
		for (const chapter of chapters) {
			for (const item of chapterItems(chapter)) {
				for (const marker of [item.id, ...item.aliases])
					if (marker) current.add(`${chapter.folder}\0${marker}`);
			}
		}
		const stillThere = new Set(chapters.map((chapter) => chapter.contentPath));
		for (const { contentPath, source } of baseline.files) {
			const folder = contentPath.split('/')[0]!;
			for (const item of allItems(parseItemTree(source).items)) {
				for (const marker of [item.id, ...item.aliases]) {
					if (!marker || current.has(`${folder}\0${marker}`)) continue;
					const file = `${contentDir}/${contentPath}`;
					report({
						file,
						line: 1,
						column: 1,
						message: `item id ^${marker} (${baseline.revision}:${file} line ${item.place.line}) is gone${stillThere.has(contentPath) ? '' : ' with its file'}; learners' ticks on it would be lost`,
						fix: `keep ^${marker} on the item it became, as an alias after its id: \`- [ ] … ^new-id ^${marker}\``,
					});
				}
			}
		}
	},
};
