import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { chapterFields, requireChapterFields, roadmapIdSchema, roadmapSchema } from './schema.ts';
import { CHAPTER_PATTERN, readRoadmaps } from './content/roadmaps.ts';

/**
 * `roadmap` must name a folder with a `_roadmap.yaml`. Astro's `reference()` only logs a missing
 * entry and lets the build pass, so the ids are read up front and checked as an enum instead.
 */
const roadmapIds = readRoadmaps('./content').map((roadmap) => roadmap.id);
const starlightDocs = docsSchema({ extend: chapterFields(roadmapIdSchema(roadmapIds)) });

/**
 * `loader`, reporting frontmatter that is not valid YAML as the linter's `frontmatter` rule does,
 * at its file, line and column: Astro's glob loader stops on the first such block with a parser
 * trace. Only a failed load reads the frontmatter a second time; a build that passes never does.
 */
function reportingBrokenFrontmatter(loader: Loader): Loader {
	return {
		...loader,
		load: async (context) => {
			try {
				await loader.load(context);
			} catch (error) {
				const { frontmatterProblems } = await import('./content/checks.ts');
				const { refuse } = await import('./integrations/content-checks.ts');
				refuse(frontmatterProblems(fileURLToPath(context.config.root), 'content'), 'content');
				throw error;
			}
		},
	};
}

export const collections = {
	docs: defineCollection({
		loader: reportingBrokenFrontmatter(glob({ base: './content', pattern: CHAPTER_PATTERN })),
		schema: (context) => starlightDocs(context).superRefine(requireChapterFields),
	}),
	roadmaps: defineCollection({
		loader: glob({
			base: './content',
			pattern: '*/_roadmap.yaml',
			// The folder is the roadmap's id: `content/express-senior/_roadmap.yaml` → `express-senior`.
			generateId: ({ entry }) => entry.split('/')[0]!,
		}),
		schema: roadmapSchema,
	}),
};
