import { defineMiddleware } from 'astro:middleware';
import { fileHash } from '../offline/precache';
import { hashSource, withPolicyBytes } from '../security/csp';
import { cspState } from './csp-state';
import { offlineState } from './offline-state';
import { beginPage, pageRendered } from './search-state';

/** Starlight's mark of a page's searchable part; Pagefind indexes only pages that have one. */
const SEARCH_BODY = 'data-pagefind-body';

/**
 * What every built page goes through while its HTML is in memory, so that no step reads and
 * rewrites the files of `dist/` after the build, and as bytes, never decoded whole
 * (`withPolicyBytes`): its Content-Security-Policy is written into a `<meta http-equiv>`
 * (src/integrations/csp.ts says why this site computes its own), a page with a search body is
 * handed to the search index as soon as it is written (./search-index.ts), and every page's hash
 * is kept for the service worker's version (./offline.ts). Registered for builds only, by ./csp.ts.
 */
export const onRequest = defineMiddleware(async (context, next) => {
	// Its place in the search index's order, taken before it renders: pages finish in any order.
	const slot = beginPage();
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) {
		pageRendered(slot, null);
		return response;
	}
	const state = cspState();
	const bytes = await bodyBytes(response);
	// The built file, as dist/ names it: `express-senior/01-core-express/index.html`, `404.html`.
	const path = context.url.pathname.slice(import.meta.env.BASE_URL.replace(/\/?$/, '/').length);
	const page = path === '' || path.endsWith('/') ? `${path}index.html` : `${path}.html`;
	const hash = (text: string) => {
		let source = state.hashes.get(text);
		if (!source) state.hashes.set(text, (source = hashSource(text)));
		return source;
	};
	const built = withPolicyBytes(bytes, `dist/${page}`, state.bundled, hash);
	// A page with a script in chapter content still gets its policy (without that script); the
	// build then fails (./csp.ts).
	if (built.chapter.length > 0) state.refused.push({ page, scripts: built.chapter });
	state.pages++;
	const size = built.parts.reduce((sum, part) => sum + part.byteLength, 0);
	// The page's hash as it will be written, for the service worker's version (./offline.ts).
	offlineState().pages.set(page, { hash: fileHash(built.parts), bytes: size });
	pageRendered(slot, bytes.includes(SEARCH_BODY) ? { page, bytes: size } : null);
	// The parts as they are, streamed: a byte body would be copied by the Response, then again
	// by the build as it reads it.
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const part of built.parts) controller.enqueue(part);
			controller.close();
		},
	});
	return new Response(body, {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers,
	});
});

/**
 * A response's body as bytes. A rendered page's body is its bytes in one chunk: read as it is, not
 * through `arrayBuffer()`, which copies it into a buffer of its own (at 5,000 chapters about 1 s of
 * the render's main thread went to reading bodies).
 */
async function bodyBytes(response: Response): Promise<Buffer> {
	if (!response.body) return Buffer.alloc(0);
	const chunks: Uint8Array[] = [];
	const reader = response.body.getReader();
	for (let read = await reader.read(); !read.done; read = await reader.read())
		chunks.push(read.value);
	if (chunks.length !== 1) return Buffer.concat(chunks);
	const [chunk] = chunks as [Uint8Array];
	return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
