import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

/** Bytes of one kind of resource: as sent uncompressed and gzipped (each file on its own). */
export interface Bytes {
	raw: number;
	gzip: number;
}

export interface PageWeight {
	path: string;
	requests: number;
	html: Bytes;
	css: Bytes;
	/** External scripts plus inline `<script>` bodies. */
	js: Bytes;
	/** Every response, including fonts and images. */
	total: Bytes;
	/** Each script (URL, or `inline`), with a hash of its body to match it across sites. */
	scripts: { source: string; sha1: string; gzip: number }[];
}

const gz = (body: Buffer | string): number => gzipSync(body, { level: 9 }).length;
const add = (a: Bytes, body: Buffer | string): void => {
	a.raw += Buffer.byteLength(body);
	a.gzip += gz(body);
};
const zero = (): Bytes => ({ raw: 0, gzip: 0 });
const sha1 = (body: Buffer | string) => createHash('sha1').update(body).digest('hex');

/** Inline scripts count as JS the reader downloads, even though they ride in the HTML. */
function inlineScripts(html: string): string[] {
	return [
		...html.matchAll(
			/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g,
		),
	]
		.map((match) => match[1]!)
		.filter((body) => body.trim() !== '');
}

/** What a first visit to `path` downloads (fresh context: empty cache, no storage). */
export async function measurePage(
	browser: Browser,
	baseURL: string,
	path: string,
): Promise<PageWeight> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const weight: PageWeight = {
		path,
		requests: 0,
		html: zero(),
		css: zero(),
		js: zero(),
		total: zero(),
		scripts: [],
	};
	const pending: Promise<void>[] = [];
	page.on('response', (response) => {
		weight.requests++;
		const type = response.request().resourceType();
		pending.push(
			response.body().then(
				(body) => {
					add(weight.total, body);
					if (type === 'document') {
						add(weight.html, body);
						for (const script of inlineScripts(body.toString('utf8'))) {
							add(weight.js, script);
							weight.scripts.push({ source: 'inline', sha1: sha1(script), gzip: gz(script) });
						}
					} else if (type === 'stylesheet') add(weight.css, body);
					else if (type === 'script') {
						add(weight.js, body);
						weight.scripts.push({ source: response.url(), sha1: sha1(body), gzip: gz(body) });
					}
				},
				() => undefined, // Redirects have no body.
			),
		);
	});
	await page.goto(baseURL + path, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	await context.close();
	return weight;
}

/**
 * Scripts on `page` whose content `baseline` does not load (hashed file names differ between
 * builds): which scripts differ. The added-JS budget compares totals instead, since a library
 * re-bundled with other options differs in content without adding its whole size.
 */
export function addedScripts(page: PageWeight, baseline: PageWeight): PageWeight['scripts'] {
	const known = new Set(baseline.scripts.map((script) => script.sha1));
	return page.scripts.filter((script) => !known.has(script.sha1));
}
