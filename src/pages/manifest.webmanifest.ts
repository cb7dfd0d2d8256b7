import type { APIRoute } from 'astro';
import { webManifest } from '../offline/manifest';

/** `<base>manifest.webmanifest`, linked from every page's head (astro.config.mjs). */
export const GET: APIRoute = () =>
	new Response(JSON.stringify(webManifest(import.meta.env.BASE_URL), null, '\t'), {
		headers: { 'Content-Type': 'application/manifest+json' },
	});
