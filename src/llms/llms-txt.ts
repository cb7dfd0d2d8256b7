import { allItems, type ItemNode, type Section } from '../content/items.ts';
import { parseItemMarkers } from '../content/item-id.ts';
import type { ResourceLink } from '../content/resources.ts';

/**
 * The text files for language models (llmstxt.org), made from the chapters' Markdown sources: a
 * chapter is Markdown already, so nothing is rendered to HTML and converted back. A learner hands
 * `llms-full.txt`, or one roadmap's file, to their own assistant. Pure: the pages in
 * `src/pages/llms*.txt.ts` and `src/pages/llms/` feed it the content collections.
 */

export interface LlmsChapter {
	title: string;
	description?: string | undefined;
	/** Absolute URL of the chapter's page. */
	url: string;
	/** The chapter's Markdown source, without frontmatter. */
	body: string;
	/** Its item tree and headings (src/content/items.ts), for the short form. */
	items: ItemNode[];
	sections: Section[];
	/** The pages that teach each item, by item id (content/resources.yaml). */
	learn: ReadonlyMap<string, readonly ResourceLink[]>;
}

export interface LlmsRoadmap {
	id: string;
	title: string;
	summary: string;
	chapters: LlmsChapter[];
}

/** Where each file is served, relative to the site's base URL. */
export const LLMS_FILES = {
	index: 'llms.txt',
	full: 'llms-full.txt',
	small: 'llms-small.txt',
	roadmap: (id: string) => `llms/${id}.txt`,
};

/** `llms.txt`: the site, then each roadmap with a link to each chapter, then the full texts. */
export function llmsIndex(
	site: { title: string; description: string },
	root: string,
	roadmaps: readonly LlmsRoadmap[],
): string {
	const sets = [
		`- [Complete text](${root}${LLMS_FILES.full}): every roadmap, every chapter`,
		`- [Short text](${root}${LLMS_FILES.small}): every chapter's headings and items, without prose, tables or code`,
		...roadmaps.map(
			(roadmap) =>
				`- [${roadmap.title}](${root}${LLMS_FILES.roadmap(roadmap.id)}): ${roadmap.summary}`,
		),
	];
	return (
		[
			`# ${site.title}`,
			`> ${site.description}`,
			...roadmaps.map((roadmap) =>
				[
					`**${roadmap.title}.** ${roadmap.summary}`,
					'',
					...roadmap.chapters.map((chapter) => `- [${chapter.title}](${chapter.url})`),
				].join('\n'),
			),
			'## Documentation Sets',
			sets.join('\n'),
		].join('\n\n') + '\n'
	);
}

/**
 * The full text of some chapters: each one's title, description and Markdown, markers removed,
 * then the pages that teach its items.
 */
export function llmsFull(description: string, roadmaps: readonly LlmsRoadmap[]): string {
	return document(description, roadmaps, (chapter) =>
		[withoutMarkers(chapter.body).trim(), learnSection(chapter)].filter(Boolean).join('\n\n'),
	);
}

/** Markdown links to some pages, separated by semicolons. */
const linkList = (links: readonly ResourceLink[]) =>
	links.map(({ title, url }) => `[${title}](${url})`).join('; ');

/** "## Learn": each item that has pages, in page order, with its pages. */
function learnSection(chapter: LlmsChapter): string {
	const lines = allItems(chapter.items).flatMap((item) => {
		const links = item.id === undefined ? undefined : chapter.learn.get(item.id);
		return links?.length ? [`- ${item.text}: ${linkList(links)}`] : [];
	});
	return lines.length > 0 ? ['## Learn', '', ...lines].join('\n') : '';
}

/**
 * The short text: each chapter's headings and items (nested as on the page), each item followed
 * by the pages that teach it, nothing else.
 */
export function llmsSmall(description: string, roadmaps: readonly LlmsRoadmap[]): string {
	return document(description, roadmaps, outline);
}

function document(
	description: string,
	roadmaps: readonly LlmsRoadmap[],
	text: (chapter: LlmsChapter) => string,
): string {
	const pages = roadmaps.flatMap((roadmap) =>
		roadmap.chapters.map((chapter) =>
			[
				`# ${chapter.title}`,
				...(chapter.description ? [`> ${chapter.description}`] : []),
				`Source: ${chapter.url}`,
				text(chapter),
			]
				.filter(Boolean)
				.join('\n\n'),
		),
	);
	return [`<SYSTEM>${description}</SYSTEM>`, ...pages].join('\n\n') + '\n';
}

/** Item markers (`^id ^alias`) are addresses for progress, not text: removed from every line. */
function withoutMarkers(markdown: string): string {
	return markdown
		.split('\n')
		.map((line) => {
			const markers = parseItemMarkers(line);
			// Other lines stay as written (a trailing double space is a Markdown line break).
			return markers.id === undefined ? line : markers.text;
		})
		.join('\n');
}

/** Headings and items in page order; items nest under their group, two spaces a level. */
function outline(chapter: LlmsChapter): string {
	const lines: string[] = [];
	const sections = new Map(chapter.sections.map((section) => [section.slug, section]));
	let current: string | undefined;
	const write = (items: readonly ItemNode[], depth: number) => {
		for (const item of items) {
			if (depth === 0 && item.section !== current) {
				current = item.section;
				const section = current === undefined ? undefined : sections.get(current);
				if (section) lines.push('', `${'#'.repeat(section.depth)} ${section.title}`, '');
			}
			lines.push(`${'  '.repeat(depth)}- ${item.text}`);
			const links = item.id === undefined ? undefined : chapter.learn.get(item.id);
			if (links?.length) lines.push(`${'  '.repeat(depth + 1)}- Learn: ${linkList(links)}`);
			write(item.children, depth + 1);
		}
	};
	write(chapter.items, 0);
	return lines.join('\n').trim();
}
