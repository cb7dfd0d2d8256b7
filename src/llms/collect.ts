import { getResources, getRoadmapsWithChapters } from '../navigation/chapters.ts';
import type { LlmsRoadmap } from './llms-txt.ts';

/**
 * Every roadmap (or one) with its chapters for the llms files, from the build's one list of
 * roadmaps and chapters (read and parsed once for all pages). `site` is the URL with the base path.
 */
export async function llmsRoadmaps(site: URL, only?: string): Promise<LlmsRoadmap[]> {
	const resources = await getResources();
	return (await getRoadmapsWithChapters())
		.filter(({ roadmap }) => only === undefined || roadmap.id === only)
		.map(({ roadmap, chapters }) => ({
			id: roadmap.id,
			title: roadmap.data.title,
			summary: roadmap.data.summary,
			chapters: chapters.map(({ entry, href, tree, sections, itemIds }) => ({
				title: entry.data.title,
				description: entry.data.description,
				url: new URL(href, site).href,
				body: entry.body ?? '',
				items: tree,
				sections,
				learn: new Map(itemIds.map((id) => [id, resources.of(roadmap.id, id)])),
			})),
		}));
}

/** The site's root URL (origin and base path, with a trailing slash). */
export const siteRoot = (site: URL | undefined): URL =>
	new URL(import.meta.env.BASE_URL.replace(/\/?$/, '/'), site ?? 'http://localhost/');

/** A text response, as the llms files are served. */
export const textResponse = (text: string) =>
	new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
