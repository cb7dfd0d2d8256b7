import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { slug as slugify } from 'github-slugger';
import { isChapterFile, listFiles, ROADMAP_FILE, toPosix } from '../../src/content/roadmaps.ts';
import { parseChapter, readFrontmatter } from '../../src/markdown/parse.ts';
import type { ChapterFile, LintContext, RoadmapFolder } from './types.ts';

/** Reads and parses everything under the content folder once; rules only look at the result. */
export function loadContent(options: {
	cwd: string;
	contentDir: string;
	base?: string;
}): LintContext {
	const { cwd, contentDir } = options;
	const root = join(cwd, contentDir);
	const roadmaps: RoadmapFolder[] = [];
	const chapters: ChapterFile[] = [];
	for (const path of listFiles(root)) {
		const contentPath = toPosix(relative(root, path));
		const file = toPosix(relative(cwd, path));
		const name = contentPath.split('/').at(-1)!;
		const folder = contentPath.split('/')[0]!;
		if (name === ROADMAP_FILE && contentPath === `${folder}/${name}`) {
			roadmaps.push({ id: folder, file, source: readFileSync(path, 'utf8') });
		} else if (isChapterFile(name)) {
			const source = readFileSync(path, 'utf8');
			const tree = parseChapter(source);
			const frontmatter = readFrontmatter(tree);
			chapters.push({
				file,
				contentPath,
				folder,
				slug: pageSlug(contentPath, frontmatter?.data),
				source,
				tree,
				frontmatter,
			});
		}
	}
	return {
		cwd,
		contentDir: toPosix(contentDir),
		roadmaps,
		chapters,
		sitePages: readSitePages(cwd),
		base: options.base,
	};
}

/** Astro's glob loader: a `slug` field wins, else the path without extension, slugged per segment. */
function pageSlug(contentPath: string, data: unknown): string {
	const slug = (data as { slug?: unknown } | undefined)?.slug;
	if (typeof slug === 'string') return slug.replace(/^\/|\/$/g, '');
	return contentPath
		.replace(/\.mdx?$/, '')
		.split('/')
		.map((segment) => slugify(segment))
		.join('/')
		.replace(/\/index$/, '');
}

/**
 * Routes built from `src/pages/` (home, landing pages, anything helpers add), as patterns over
 * site paths without slashes: `[roadmap]/index.astro` → `^[^/]+$`.
 */
function readSitePages(cwd: string): RegExp[] {
	const pages = join(cwd, 'src', 'pages');
	if (!existsSync(pages)) return [];
	return listFiles(pages)
		.map((path) => toPosix(relative(pages, path)))
		.filter(
			(path) =>
				/\.(astro|md|mdx|html)$/.test(path) &&
				!path.split('/').some((part) => part.startsWith('_')),
		)
		.map((path) => {
			const route = path.replace(/\.\w+$/, '').replace(/(^|\/)index$/, '');
			const pattern = route
				.split('/')
				.map((part) =>
					part.replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]|[.*+?^${}()|\\]/g, (token) =>
						token.startsWith('[...') ? '.*' : token.startsWith('[') ? '[^/]+' : `\\${token}`,
					),
				)
				.join('/');
			return new RegExp(`^${pattern}$`);
		});
}
