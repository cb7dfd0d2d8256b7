import GithubSlugger from 'github-slugger';
import { extractItems } from '../progress/item-id';

/**
 * A chapter's `##` sections with the ids of the items under each.
 *
 * Stopgap until the item tree (#11, `src/content/items.ts`) gives `ChapterSummary.sections`:
 * then this file goes. It reads headings only and takes items from `extractItems`, so there is no
 * second item parser. Slugs follow the heading anchors of the built page (github-slugger over the
 * heading text).
 */
export interface Section {
	slug: string;
	title: string;
	depth: number;
	leafIds: string[];
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const HEADING = /^(#{2,6})\s+(.*?)\s*#*\s*$/;

/** Heading text as the page shows it: emphasis, code ticks and link syntax dropped. */
const plain = (text: string) =>
	text
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`]/g, '')
		.trim();

export function sectionsOf(body: string): Section[] {
	const slugger = new GithubSlugger();
	const sections: (Section & { line: number })[] = [];
	let fence: string | undefined;
	body.split('\n').forEach((line, index) => {
		const marker = FENCE.exec(line)?.[1];
		if (marker) {
			if (!fence) fence = marker;
			else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
			return;
		}
		const heading = fence ? undefined : HEADING.exec(line);
		if (!heading) return;
		const title = plain(heading[2]!);
		const slug = slugger.slug(title);
		if (heading[1]!.length === 2)
			sections.push({ slug, title, depth: 2, leafIds: [], line: index + 1 });
	});
	for (const item of extractItems(body)) {
		const section = sections.findLast((s) => s.line < item.line);
		if (section && item.id) section.leafIds.push(item.id);
	}
	return sections.map(({ line: _line, ...section }) => section);
}
