import { format, resolveConfig } from 'prettier';
import { END, renderFrontmatterReference, START } from './frontmatter-reference.ts';

/** CONTRIBUTING.md with its reference section regenerated and the file Prettier-formatted. */
export async function updatedContributing(
	contributing: string,
	schemaSource: string,
): Promise<string> {
	const from = contributing.indexOf(START.slice(0, START.indexOf(' (')));
	const to = contributing.indexOf(END);
	if (from < 0 || to < from) {
		throw new Error(
			`CONTRIBUTING.md: markers not found. Put ${START} and ${END} where the frontmatter reference belongs.`,
		);
	}
	const replaced =
		contributing.slice(0, from) +
		renderFrontmatterReference(schemaSource) +
		contributing.slice(to + END.length);
	const options = (await resolveConfig('CONTRIBUTING.md')) ?? {};
	return format(replaced, { ...options, filepath: 'CONTRIBUTING.md' });
}
