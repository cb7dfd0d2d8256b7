/**
 * Turns a source roadmap (a seed: loose Markdown from a chat answer) into the lines a learner must
 * find on the site, in a normal form that both the seed and the published chapters reduce to. The
 * fidelity test (tests/content-fidelity.test.ts) compares the two. Pure: no DOM, no file system.
 */

/** A line of learning content in a source. */
export interface LearnableLine {
	/** 1-based line in the source. */
	line: number;
	/** The line as the source writes it. */
	raw: string;
	/** Its normal form (`normalizeLine`), never empty. */
	text: string;
}

/** `^id ^alias` markers at the end of a task item (src/content/item-id.ts). */
const ITEM_MARKERS = /(?:\s+\^[a-z0-9-]+)+\s*$/;

/** Block prefixes: headings, quotes, bullets, task boxes, list numbers (`1.`, `2)`), in any mix. */
const BLOCK_PREFIX = /^\s*(?:(?:#{1,6}|>|[-*+•]|\d+[.)]|\[[ xX]\])\s*)+/;

/**
 * The normal form of one line, the same for a seed and for a chapter: Markdown syntax (heading
 * marks, bullets, list numbers, task boxes, emphasis, code ticks, links and URLs, `^id` markers),
 * decorative emoji, punctuation, quotes and dashes all reduce to single spaces between lowercase
 * words. What is left is the wording, which must survive publishing; formatting may change
 * (`sequelize` gains code ticks, "Topics:" becomes a `##` heading, `**Goal:**` moves to
 * frontmatter). Numbering is dropped because a chapter turns "1. **Setting Up Express**" into a
 * heading.
 */
export function normalizeLine(line: string): string {
	return (
		line
			.normalize('NFKC')
			.replace(ITEM_MARKERS, '')
			.replace(BLOCK_PREFIX, '')
			// A resource may gain its link on the site: compare what a reader reads, the link's text.
			// Bare URLs drop out too, so "Docs: https://…" in a source matches "[Docs](https://…)".
			.replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1')
			.replace(/\bhttps?:\/\/\S+/g, ' ')
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]+/gu, ' ')
			.trim()
	);
}

/**
 * Lists the learnable lines of a source, in order: every line whose normal form is not empty.
 * Separators (`---`), blank lines and emoji-only lines drop out by themselves; the caller decides
 * which of the rest are not content (chat artefacts) and says why.
 */
export function learnableLines(source: string): LearnableLine[] {
	return source.split(/\r?\n/).flatMap((raw, index) => {
		const text = normalizeLine(raw);
		return text ? [{ line: index + 1, raw, text }] : [];
	});
}

/**
 * Lists the learnable lines missing from the published text. Each is looked for in source order:
 * line k must appear, as whole words within one published line, after where line k−1 was found.
 * Order matters because a short line ("Routing") would otherwise be found anywhere; a line that
 * is not found is reported and the search goes on from where it was.
 */
export function findMissingLines(
	lines: readonly LearnableLine[],
	publishedLines: readonly string[],
): LearnableLine[] {
	// One published line per row, padded so a match is always whole words; `\n` keeps a source
	// line from matching across two published lines.
	const haystack = publishedLines.map((line) => ` ${normalizeLine(line)} `).join('\n');
	const missing: LearnableLine[] = [];
	let cursor = 0;
	for (const line of lines) {
		const at = haystack.indexOf(` ${line.text} `, cursor);
		if (at === -1) missing.push(line);
		else cursor = at + line.text.length + 1;
	}
	return missing;
}
