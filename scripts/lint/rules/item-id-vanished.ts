import { explainVanished, findVanishedIds, readBaseline } from '../../../src/content/vanished.ts';
import { chapterTree } from '../items.ts';
import type { Rule } from '../types.ts';

/**
 * Never lose a tick: every id (or alias) an item had where this change started must still exist in
 * the same roadmap, as an id or an alias (src/content/vanished.ts; the build runs it too).
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
		const current = new Map(chapters.map((chapter) => [chapter.contentPath, chapterTree(chapter)]));
		for (const gone of findVanishedIds(current, baseline.files, contentDir)) {
			report({
				file: `${contentDir}/${gone.contentPath}`,
				line: 1,
				column: 1,
				...explainVanished(gone),
			});
		}
	},
};
