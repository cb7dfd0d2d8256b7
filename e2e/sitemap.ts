import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The one sitemap reader of the browser tests: every page a build lists, as site paths with the
 * base. `read` returns a file of the build by its site path, from disk (e2e/a11y.spec.ts lists its
 * tests before any server runs) or over HTTP (e2e-selfhost/site.ts, through nginx).
 */
export async function sitemapPaths(
	base: string,
	read: (sitePath: string) => Promise<string>,
): Promise<string[]> {
	const locs = async (sitePath: string) =>
		[...(await read(sitePath)).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
			(match) => new URL(match[1]!).pathname,
		);
	const sitemaps = await locs(`${base}sitemap-index.xml`);
	return (await Promise.all(sitemaps.map(locs))).flat();
}

/** A build's base path (`BASE_PATH`, docs/self-hosting.md) with one slash on each side. */
export function basePath(value = process.env.BASE_PATH ?? '/'): string {
	return `/${value.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
}

/**
 * The pages of a build on disk. Spec files list one test per page while Playwright collects them,
 * before any server runs; npm test and `npm run test:e2e` rebuild a stale build first.
 */
export function builtSitemapPaths(distDir: string, base: string): Promise<string[]> {
	return sitemapPaths(base, (sitePath) =>
		readFile(join(distDir, sitePath.slice(base.length)), 'utf8'),
	).catch((error: Error) => {
		throw new Error(
			`${distDir} has no sitemap (${error.message}): build it first (npm test does).`,
		);
	});
}
