import { findMojibake } from '../../../src/text/mojibake.ts';
import { lineColumn } from '../parse.ts';
import type { Rule } from '../types.ts';

/** Garbled encodings (`â€™`, `Ã©`, `ðŸš€`) and U+FFFD, in chapters and roadmap metadata. */
export const mojibake: Rule = {
	name: 'mojibake',
	description: 'No mis-decoded UTF-8 (â€™, Ã©, ðŸ…) and no U+FFFD replacement characters.',
	check({ chapters, roadmaps }, report) {
		for (const { file, source } of [...chapters, ...roadmaps]) {
			for (const found of findMojibake(source)) {
				const shown =
					found.sequence === '\uFFFD' ? 'U+FFFD (replacement character)' : `"${found.sequence}"`;
				report({
					file,
					...lineColumn(source, found.index),
					message: `garbled text ${shown}`,
					fix: found.repaired
						? `replace "${found.sequence}" with "${found.repaired}" (the text was decoded with the wrong encoding)`
						: 'restore the lost character from the source and save the file as UTF-8',
				});
			}
		}
	},
};
