import type { APIRoute } from 'astro';
import { llmsRoadmaps, siteRoot, textResponse } from '../llms/collect';
import { llmsSmall } from '../llms/llms-txt';
import { SITE } from '../site';

/** `llms-small.txt`: every chapter's headings and items, for smaller context windows. */
export const GET: APIRoute = async ({ site }) =>
	textResponse(
		llmsSmall(
			`The headings and items of every chapter of ${SITE.title}`,
			await llmsRoadmaps(siteRoot(site)),
		),
	);
