import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Link } from 'mdast';
import { chapterItems, chapterTree } from '../items.ts';
import { walk } from '../../../src/markdown/parse.ts';
import type { ChapterFile, LintContext, Rule } from '../types.ts';

/** Anchors Starlight puts on every page. */
const PAGE_ANCHORS = ['_top'];

/**
 * Links to pages of this site (`../01-core-express/`, `#routing`,
 * `/express-senior/02-database-integration/`) must reach a page that exists: a chapter, a roadmap landing page, a page from
 * `src/pages/` or a file in `public/`, and an anchor on a chapter must be one of its headings or
 * item ids. Site-absolute links are reported too: they miss the base path of a self-hosted copy.
 */
export const internalLink: Rule = {
	name: 'internal-link',
	description:
		'Links to site pages and anchors (#item-id, #heading) point at something that exists.',
	check(context, report) {
		const chapters = new Map(context.chapters.map((chapter) => [chapter.slug, chapter]));
		const anchorCache = new Map<ChapterFile, Set<string>>();
		const anchorsOf = (chapter: ChapterFile) => {
			if (!anchorCache.has(chapter)) anchorCache.set(chapter, pageAnchors(chapter));
			return anchorCache.get(chapter)!;
		};
		for (const chapter of context.chapters) {
			walk(chapter.tree, (node) => {
				if (node.type !== 'link') return;
				const { url } = node as Link;
				if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.trim() === '') return;
				const at = {
					file: chapter.file,
					line: node.position!.start.line,
					column: node.position!.start.column,
				};
				const [rawPath = '', hash] = url.split('#') as [string, string | undefined];
				const pathname = decodeURI(
					new URL(rawPath || './', `http://site/${chapter.slug}/`).pathname,
				);
				if (/\.mdx?$/.test(pathname)) {
					report({
						...at,
						message: `link to a source file ${url}`,
						fix: 'link to the page instead: ../02-database-integration/ (no .mdx)',
					});
					return;
				}
				const path = pathname.replace(/^\/|\/$/g, '');
				const target = chapters.get(path);
				if (!target && !pageExists(context, path)) {
					report({
						...at,
						message: `link to a page that does not exist: ${url}`,
						fix: `use the URL of an existing chapter, e.g. ${closest(context, chapter, path)}`,
					});
					return;
				}
				if (!pathname.endsWith('/') && !/\.\w+$/.test(pathname)) {
					report({
						...at,
						message: `link ${url} lacks the trailing slash`,
						fix: `write ${rawPath}/${hash === undefined ? '' : `#${hash}`} (the site uses trailing slashes)`,
					});
				}
				if (rawPath.startsWith('/')) {
					// Markdown links are not rewritten for BASE_PATH: `/x/` would leave a self-hosted copy.
					const relative = posix.relative(`/${chapter.slug}/`, pathname) || '.';
					report({
						...at,
						message: `site-absolute link ${url} breaks when the site is served under a base path`,
						fix: `write it relative to this page: ${relative}/${hash === undefined ? '' : `#${hash}`}`,
					});
				}
				if (hash && target && !anchorsOf(target).has(decodeURIComponent(hash))) {
					report({
						...at,
						message: `no anchor #${hash} on ${target.file}`,
						fix: `link to one of its item ids or headings, e.g. #${[...anchorsOf(target)].find((a) => !PAGE_ANCHORS.includes(a)) ?? '_top'}`,
					});
				}
			});
		}
	},
};

/** Heading anchors (github-slugger, as Sätteri makes them) and item ids of a chapter. */
function pageAnchors(chapter: ChapterFile): Set<string> {
	const anchors = new Set(PAGE_ANCHORS);
	for (const section of chapterTree(chapter).sections) anchors.add(section.slug);
	for (const item of chapterItems(chapter)) if (item.id) anchors.add(item.id);
	return anchors;
}

function pageExists({ roadmaps, sitePages, cwd }: LintContext, path: string): boolean {
	return (
		roadmaps.some((roadmap) => roadmap.id === path) ||
		sitePages.some((page) => page.test(path)) ||
		path === '' ||
		existsSync(join(cwd, 'public', path))
	);
}

/** Another chapter, of the broken link's roadmap if it has one, as a link relative to `from`. */
function closest({ chapters }: LintContext, from: ChapterFile, path: string): string {
	const [roadmap] = path.split('/');
	const target =
		chapters.find((chapter) => chapter.folder === roadmap && chapter !== from) ??
		chapters.find((chapter) => chapter !== from) ??
		from;
	return `${posix.relative(`/${from.slug}/`, `/${target.slug}/`) || '.'}/`;
}
