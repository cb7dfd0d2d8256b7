import { expect, test } from '@playwright/test';
import { SELFHOST_BASE } from '../scripts/selfhost-paths.ts';
import { origin, sitemapPaths } from './site';

const SECURITY_HEADERS = {
	'content-security-policy': /frame-ancestors 'none'/,
	'x-content-type-options': /^nosniff$/,
	'referrer-policy': /\S/,
	'permissions-policy': /camera=\(\)/,
};
const HTML_CACHE = /^no-cache$/;
const CONTENT_TYPES: Record<string, RegExp> = {
	'.html': /^text\/html/,
	'/': /^text\/html/,
	'.js': /javascript/,
	'.css': /^text\/css/,
	'.svg': /^image\/svg\+xml/,
	'.xml': /xml/,
	'.json': /json/,
};

async function get(path: string) {
	const response = await fetch(origin() + path, { redirect: 'manual' });
	return { status: response.status, headers: response.headers, body: await response.text() };
}

function expectHeaders(path: string, headers: Headers, cache: RegExp) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		expect(headers.get(name) ?? '', `${path}: ${name}`).toMatch(value);
	}
	expect(headers.get('cache-control') ?? '', `${path}: cache-control`).toMatch(cache);
}

/** Same-site paths a page references: links, stylesheets, scripts, images, icons. */
function references(html: string, pageUrl: string): string[] {
	const paths = new Set<string>();
	for (const [, url] of html.matchAll(/\s(?:href|src)="([^"#]+)/g)) {
		const target = new URL(url!.replaceAll('&amp;', '&'), pageUrl);
		if (target.origin === origin()) paths.add(target.pathname);
	}
	return [...paths];
}

test('every sitemap page, internal link and asset answers 200 with its content type and headers', async () => {
	const pages = await sitemapPaths(SELFHOST_BASE);
	expect(pages).toContain(SELFHOST_BASE);
	const checked = new Set<string>();
	const queue = [...pages];
	for (let path = queue.shift(); path; path = queue.shift()) {
		if (checked.has(path)) continue;
		checked.add(path);
		expect(path.startsWith(SELFHOST_BASE), `${path} is outside the base path`).toBe(true);
		const { status, headers, body } = await get(path);
		expect(status, path).toBe(200);
		const extension = path.endsWith('/') ? '/' : (/\.[a-z0-9]+$/i.exec(path)?.[0] ?? '');
		const type = CONTENT_TYPES[extension];
		if (type) expect(headers.get('content-type') ?? '', `${path}: content-type`).toMatch(type);
		const cache = path.includes('/_astro/') ? /^public, max-age=31536000, immutable$/ : HTML_CACHE;
		expectHeaders(path, headers, cache);
		if (extension === '/') queue.push(...references(body, origin() + path));
	}
	expect(checked.size).toBeGreaterThan(pages.length);
});

test('pages load nothing from other hosts', async () => {
	for (const path of await sitemapPaths(SELFHOST_BASE)) {
		const { body } = await get(path);
		const external: string[] = [];
		// Every element the browser fetches for: stylesheets, scripts, images, preloads, fonts, frames.
		for (const [, , attributes = ''] of body.matchAll(
			/<(link|script|img|source|iframe|video|audio)\b([^>]*)>/g,
		)) {
			// rel="canonical"/"sitemap"/"alternate" only name a URL; nothing is fetched.
			if (/\srel="(?:canonical|sitemap|alternate)"/.test(attributes)) continue;
			const url = /\s(?:href|src)="([^"]+)"/.exec(attributes)?.[1];
			if (url && new URL(url, origin()).origin !== origin()) external.push(url);
		}
		expect(external, path).toEqual([]);
	}
});

test('text assets are compressed', async () => {
	const response = await fetch(`${origin()}${SELFHOST_BASE}`, {
		headers: { 'accept-encoding': 'gzip' },
	});
	expect(response.headers.get('content-encoding')).toBe('gzip');
});

test('Pagefind files are cached briefly', async () => {
	const { status, headers } = await get(`${SELFHOST_BASE}pagefind/pagefind.js`);
	expect(status).toBe(200);
	expectHeaders('pagefind.js', headers, /^public, max-age=300$/);
});

test('a missing path under the base answers the 404 page with status 404', async () => {
	for (const path of [
		`${SELFHOST_BASE}no-such-page/`,
		`${SELFHOST_BASE}_astro/missing.js`,
		`${SELFHOST_BASE}pagefind/missing.pf_meta`,
	]) {
		const { status, headers, body } = await get(path);
		expect(status, path).toBe(404);
		expect(body, path).toMatch(/<title>404/);
		expectHeaders(path, headers, HTML_CACHE);
	}
});

test('a directory without its trailing slash redirects inside the base path', async () => {
	const { status, headers } = await get(SELFHOST_BASE.replace(/\/$/, ''));
	expect(status).toBe(301);
	expect(headers.get('location')).toBe(SELFHOST_BASE);
});
