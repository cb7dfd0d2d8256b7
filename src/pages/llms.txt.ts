import type { APIRoute } from 'astro';
import { llmsRoadmaps, siteRoot, textResponse } from '../llms/collect';
import { llmsIndex } from '../llms/llms-txt';
import { SITE } from '../site';

/** `llms.txt`: every roadmap and chapter by URL, and the full texts (src/llms/llms-txt.ts). */
export const GET: APIRoute = async ({ site }) => {
	const root = siteRoot(site);
	return textResponse(llmsIndex(SITE, root.href, await llmsRoadmaps(root)));
};
