import type { APIRoute } from 'astro';
import { llmsRoadmaps, siteRoot, textResponse } from '../../llms/collect';
import { llmsFull } from '../../llms/llms-txt';
import { roadmapPaths } from '../../navigation/chapters';

/** `llms/<roadmap>.txt`: one roadmap's chapters, as Markdown, to hand to an assistant. */
export const getStaticPaths = roadmapPaths;

export const GET: APIRoute = async ({ params, site }) => {
	const [roadmap] = await llmsRoadmaps(siteRoot(site), params.roadmap);
	if (!roadmap) throw new Error(`No roadmap "${params.roadmap}"`);
	return textResponse(llmsFull(`The full text of the roadmap ${roadmap.title}`, [roadmap]));
};
