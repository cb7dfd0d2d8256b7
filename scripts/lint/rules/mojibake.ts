import { findMojibake } from '../../../src/text/mojibake.ts';
import type { Rule } from '../types.ts';

/** Garbled encodings (`â€™`, `Ã©`, `ðŸš€`) and U+FFFD, in chapters and roadmap metadata. */
export const mojibake: Rule = {
	name: 'mojibake',
	description: 'No mis-decoded UTF-8 (â€™, Ã©, ðŸ…) and no U+FFFD replacement characters.',
	check({ chapters, roadmaps }, report) {
		for (const { file, source } of [...chapters, ...roadmaps]) {
			for (const hit of findMojibake(source)) {
				report({
					file,
					line: hit.line,
					column: hit.column,
					message: `garbled text ${hit.found === '\uFFFD' ? 'U+FFFD (replacement character)' : `"${hit.found}"`}`,
					fix: hit.repaired
						? `replace "${hit.found}" with "${hit.repaired}" (the text was decoded with the wrong encoding)`
						: 'restore the lost character from the source and save the file as UTF-8',
				});
			}
		}
	},
};
