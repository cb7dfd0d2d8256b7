import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Origin of the nginx started by global setup. */
export function origin(): string {
	const value = process.env.SELFHOST_ORIGIN;
	if (!value)
		throw new Error('SELFHOST_ORIGIN is unset: run through playwright.selfhost.config.ts.');
	return value;
}

/** Site paths (with the base) of every page in the served sitemap. */
export async function sitemapPaths(base: string): Promise<string[]> {
	const locs = async (path: string) => {
		const response = await fetch(origin() + path);
		if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
		return [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
			(m) => new URL(m[1]!).pathname,
		);
	};
	const sitemaps = await locs(`${base}sitemap-index.xml`);
	return (await Promise.all(sitemaps.map(locs))).flat();
}

/** Every HTML file under `dir`. */
export async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => join(e.parentPath, e.name));
}
