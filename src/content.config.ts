import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { chapterFields, requireChapterFields, roadmapIdSchema, roadmapSchema } from './schema.ts';
import { CHAPTER_PATTERN, readRoadmaps } from './content/roadmaps.ts';

/**
 * `roadmap` must name a folder with a `_roadmap.yaml`. Astro's `reference()` only logs a missing
 * entry and lets the build pass, so the ids are read up front and checked as an enum instead.
 */
const roadmapIds = readRoadmaps('./content').map((roadmap) => roadmap.id);
const starlightDocs = docsSchema({ extend: chapterFields(roadmapIdSchema(roadmapIds)) });

export const collections = {
	docs: defineCollection({
		loader: glob({ base: './content', pattern: CHAPTER_PATTERN }),
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
