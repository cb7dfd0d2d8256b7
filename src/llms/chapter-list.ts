import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { listChapterFiles, readRoadmaps } from '../content/roadmaps.ts';

/**
 * The "details" of `llms.txt`: every roadmap with a link to each of its chapters, so an assistant
 * given the file finds every page (starlight-llms-txt itself lists only the documentation sets).
 * A paragraph and a list per roadmap: llmstxt.org allows no headings there.
 * `root` is the site's URL with the base path and a trailing slash.
 */
export function llmsChapterList(contentDir: string, root: string): string {
	return readRoadmaps(contentDir)
		.map((roadmap) => {
			const chapters = listChapterFiles(contentDir, roadmap.id).map(({ path, contentPath }) => {
				const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'))?.[1];
				const title = (parseYaml(frontmatter ?? '') as { title?: string } | null)?.title;
				if (!title) throw new Error(`${path}: no \`title\` in the frontmatter; add one.`);
				return `- [${title}](${root}${contentPath.replace(/\.mdx?$/, '/')})`;
			});
			return [`**${roadmap.title}.** ${roadmap.summary}`, '', ...chapters].join('\n');
		})
		.join('\n\n');
}
