import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { roadmapSchema, type RoadmapData } from '../schema.ts';

/**
 * The one list of roadmaps and chapters on disk: `content/<roadmap>/_roadmap.yaml` and the
 * chapter files beside it. The Astro config (sidebar), the content collections, the linter, the
 * scaffolder, the tests and the benchmark all read them here. Plain Node imports it.
 */

/** Chapters: `.md`/`.mdx` files whose name does not start with `_` (glob for Astro's loader). */
export const CHAPTER_PATTERN = '**/[^_]*.{md,mdx}';

/** The same rule for one file name. */
export const isChapterFile = (name: string) => /^[^_].*\.mdx?$/.test(name);

/** A roadmap's metadata file, inside its folder. */
export const ROADMAP_FILE = '_roadmap.yaml';

export interface RoadmapEntry extends RoadmapData {
	/** Folder name under `content/`, also the URL segment. */
	id: string;
}

/** Every file under `dir`, recursively, as sorted absolute-or-relative paths (as `dir` is given). */
export function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}

/** `a\b` → `a/b`. */
export const toPosix = (path: string) => path.split(sep).join('/');

/** Ids of the folders of `contentDir` that hold a `_roadmap.yaml`, alphabetically. */
export function roadmapFolders(contentDir: string): string[] {
	return readdirSync(contentDir, { withFileTypes: true })
		.filter((dir) => dir.isDirectory() && existsSync(join(contentDir, dir.name, ROADMAP_FILE)))
		.map((dir) => dir.name)
		.sort();
}

/**
 * Every roadmap's validated metadata, in home-page `order`. The Starlight sidebar needs the list
 * before content collections exist, so this reads the files with the schema the `roadmaps`
 * collection uses, and names the file and field of any problem.
 */
export function readRoadmaps(contentDir: string): RoadmapEntry[] {
	return roadmapFolders(contentDir)
		.map((id) => {
			const file = join(contentDir, id, ROADMAP_FILE);
			const parsed = roadmapSchema.safeParse(parse(readFileSync(file, 'utf8')));
			if (!parsed.success) {
				const issues = parsed.error.issues.map(
					(i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`,
				);
				throw new Error(`${file}: invalid roadmap metadata:\n${issues.join('\n')}`);
			}
			return { id, ...parsed.data };
		})
		.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export interface ChapterFileEntry {
	/** Path as found under `contentDir` (joined with it). */
	path: string;
	/** Path inside the content folder, with `/`: `express-senior/01-core-express.mdx`. */
	contentPath: string;
	/** The roadmap folder: the path's first segment. */
	roadmap: string;
}

/** Every chapter file under `contentDir` (or under one roadmap's folder), sorted by path. */
export function listChapterFiles(contentDir: string, roadmap?: string): ChapterFileEntry[] {
	const root = roadmap ? join(contentDir, roadmap) : contentDir;
	if (!existsSync(root)) return [];
	return listFiles(root)
		.filter((path) => isChapterFile(path.split(sep).at(-1)!))
		.map((path) => {
			const contentPath = toPosix(relative(contentDir, path));
			return { path, contentPath, roadmap: contentPath.split('/')[0]! };
		});
}
