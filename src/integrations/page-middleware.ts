import { defineMiddleware } from 'astro:middleware';
import { hashSource, splitScripts, withPolicyMeta } from '../security/csp';
import { cspState } from './csp-state';
import { searchState } from './search-state';

/**
 * What every built page goes through while its HTML is in memory, so that no step reads and
 * rewrites the files of `dist/` after the build: its Content-Security-Policy is written into a
 * `<meta http-equiv>` (src/integrations/csp.ts says why this site computes its own), and a page
 * with a search body is noted for the search index (./search-index.ts). Registered for builds
 * only, by ./csp.ts.
 */
export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const state = cspState();
	const html = await response.text();
	// The built file, as dist/ names it: `express-senior/01-core-express/index.html`, `404.html`.
	const path = context.url.pathname.slice(import.meta.env.BASE_URL.replace(/\/?$/, '/').length);
	const page = path === '' || path.endsWith('/') ? `${path}index.html` : `${path}.html`;
	const scripts = splitScripts(html, state.bundled);
	// A page with a script in chapter content still gets its policy (without that script); the
	// build then fails (./csp.ts).
	if (scripts.chapter.length > 0) state.refused.push({ page, scripts: scripts.chapter });
	state.pages++;
	const hash = (text: string) => {
		let source = state.hashes.get(text);
		if (!source) state.hashes.set(text, (source = hashSource(text)));
		return source;
	};
	if (html.includes('data-pagefind-body')) searchState().pages.push(page);
	return new Response(withPolicyMeta(html, `dist/${page}`, scripts.site, hash), {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers,
	});
});
