import type { APIRoute } from 'astro';
import { llmsRoadmaps, siteRoot, textResponse } from '../llms/collect';
import { llmsFull } from '../llms/llms-txt';
import { SITE } from '../site';

/** `llms-full.txt`: every chapter of every roadmap, as Markdown. */
export const GET: APIRoute = async ({ site }) =>
	textResponse(llmsFull(`The full text of ${SITE.title}`, await llmsRoadmaps(siteRoot(site))));
