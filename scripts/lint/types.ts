import type { Root } from 'mdast';
import type { Finding } from '../../src/content/finding.ts';
import type { Frontmatter } from '../../src/markdown/parse.ts';

export type { Finding, Frontmatter };

/** A roadmap folder: `content/<id>/_roadmap.yaml`. */
export interface RoadmapFolder {
	id: string;
	/** Path of its `_roadmap.yaml`, relative to the working directory. */
	file: string;
	source: string;
}

/** A chapter file, parsed once and shared by every rule. */
export interface ChapterFile {
	/** Path relative to the working directory, e.g. `content/express-senior/01-core-express.mdx`. */
	file: string;
	/** Path inside the content folder, e.g. `express-senior/01-core-express.mdx`. */
	contentPath: string;
	/** The roadmap folder it lives in (its first path segment). */
	folder: string;
	/** Site path of its page, without base and slashes, e.g. `express-senior/01-core-express`. */
	slug: string;
	source: string;
	/** Syntax tree (remark-parse + mdx + frontmatter + gfm), with positions. */
	tree: Root;
	/** The parsed frontmatter block, if the file has one. */
	frontmatter: Frontmatter | undefined;
}

/** Everything a rule may look at. */
export interface LintContext {
	/** Working directory that reported paths are relative to. */
	cwd: string;
	/** The content folder, relative to `cwd` (normally `content`). */
	contentDir: string;
	roadmaps: RoadmapFolder[];
	chapters: ChapterFile[];
	/** Site paths of pages built from `src/pages/` (e.g. `progress`), as patterns. */
	sitePages: RegExp[];
	/** Git revision to compare item ids against (`item-id-vanished`); undefined = auto. */
	base: string | undefined;
}

export type ReportedFinding = Omit<Finding, 'rule' | 'severity'> & {
	severity?: Finding['severity'];
};

/** A lint rule: one module in `scripts/lint/rules/`, named after the rule. */
export interface Rule {
	name: string;
	/** One line for `--help` and CONTRIBUTING.md. */
	description: string;
	check(context: LintContext, report: (finding: ReportedFinding) => void): void;
}
