import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listFiles } from '../../src/content/roadmaps.ts';

/** A reference in the built site that does not resolve. */
export interface BrokenLink {
	/** The file that contains it, relative to the dist folder's parent (e.g. `dist/x/index.html`). */
	file: string;
	/** The attribute as written, e.g. `href="/express-senior/03-x/"`. */
	reference: string;
	problem: string;
}

const ATTRIBUTE = /\s(href|src|srcset|poster)\s*=\s*("[^"]*"|'[^']*')/gi;
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;
const ID = /\s(?:id|name)\s*=\s*("[^"]*"|'[^']*')/gi;
const ID_ONLY = /<[a-z][^>]*?\sid\s*=\s*("[^"]*"|'[^']*')/gi;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

const decodeEntities = (text: string) =>
	text.replace(
		/&(amp|quot|#39|lt|gt);/g,
		(_, name: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[name]!,
	);

/**
 * The base path the site was built with, read from the sitemap link Starlight writes into every
 * page (`<link rel="sitemap" href="/docs/sitemap-index.xml">`); `/` when there is none.
 */
export function detectBase(distDir: string): string | undefined {
	const home = join(distDir, 'index.html');
	if (!existsSync(home)) return undefined;
	const href = /<link\s+rel="sitemap"\s+href="([^"]*)sitemap-index\.xml"/.exec(
		readFileSync(home, 'utf8'),
	)?.[1];
	return href?.startsWith('/') ? href : undefined;
}

/**
 * Checks every internal `href`/`src`/`srcset` in every HTML file and every `url()` in every CSS
 * file of a build: the target file must exist under `distDir` (a path ending in `/` means its
 * `index.html`), and an `#anchor` must be an `id` (or `name`) on the target page. Links outside the
 * base path, and absolute URLs to other origins, are not checked. No `id` may appear twice on a
 * page: an item id equal to a heading's anchor or a layout id would make its anchor ambiguous.
 */
export function checkLinks(distDir: string, base = '/'): BrokenLink[] {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const files = listFiles(distDir);
	const idCache = new Map<string, Set<string>>();
	const idsOf = (file: string) => {
		if (!idCache.has(file)) {
			const html = readFileSync(file, 'utf8');
			idCache.set(
				file,
				new Set([...html.matchAll(ID)].map((match) => decodeEntities(match[1]!.slice(1, -1)))),
			);
		}
		return idCache.get(file)!;
	};
	const broken: BrokenLink[] = [];
	const shown = (file: string) => relative(join(distDir, '..'), file).split(sep).join('/');
	for (const file of files) {
		const isHtml = file.endsWith('.html');
		if (!isHtml && !file.endsWith('.css')) continue;
		const text = readFileSync(file, 'utf8');
		const pagePath = `/${relative(distDir, file).split(sep).join('/')}`;
		if (isHtml) {
			const seen = new Set<string>();
			for (const match of text.matchAll(ID_ONLY)) {
				const id = decodeEntities(match[1]!.slice(1, -1));
				if (!seen.has(id)) seen.add(id);
				else
					broken.push({
						file: shown(file),
						reference: `id="${id}"`,
						problem: 'is used by more than one element on this page',
					});
			}
		}
		const references = isHtml
			? [...text.matchAll(ATTRIBUTE)].flatMap((match) => {
					const value = decodeEntities(match[2]!.slice(1, -1));
					const urls =
						match[1]!.toLowerCase() === 'srcset'
							? value.split(',').map((part) => part.trim().split(/\s+/)[0]!)
							: [value];
					return urls.map((url) => ({ url, written: `${match[1]}="${value}"` }));
				})
			: [...text.matchAll(CSS_URL)].map((match) => ({
					url: match[2]!,
					written: `url(${match[2]})`,
				}));
		for (const { url, written } of references) {
			if (!url || EXTERNAL.test(url)) continue;
			// Resolve against the page's URL: `dist/a/index.html` is served as `<base>a/`.
			const resolved = new URL(
				url,
				`http://site${prefix}${pagePath.slice(1).replace(/index\.html$/, '')}`,
			);
			const path = decodeURIComponent(resolved.pathname);
			const hash = decodeURIComponent(resolved.hash.slice(1));
			const report = (problem: string) =>
				broken.push({ file: shown(file), reference: written, problem });
			if (!path.startsWith(prefix) && `${path}/` !== prefix) {
				report(`points outside the base path ${prefix}`);
				continue;
			}
			const target = resolveFile(distDir, path.slice(prefix.length));
			if (!target) {
				report(`no file for ${path} in ${shown(distDir)}/`);
				continue;
			}
			if (hash && target.endsWith('.html') && !idsOf(target).has(hash)) {
				report(`no element with id "${hash}" on ${shown(target)}`);
			}
		}
	}
	return broken;
}

/** The file a site path is served from: itself, or its `index.html` for a folder. */
function resolveFile(distDir: string, sitePath: string): string | undefined {
	const candidate = join(distDir, sitePath);
	if (!existsSync(candidate)) return undefined;
	if (!statSync(candidate).isDirectory()) return candidate;
	const index = join(candidate, 'index.html');
	return existsSync(index) ? index : undefined;
}
