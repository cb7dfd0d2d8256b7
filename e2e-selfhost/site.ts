import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sitemapPaths as readSitemap } from '../e2e/sitemap';

/** Origin of the nginx that playwright.config.ts starts for the selfhost project. */
export function origin(): string {
	const value = process.env.SELFHOST_ORIGIN;
	if (!value) throw new Error('SELFHOST_ORIGIN is unset: run through playwright.config.ts.');
	return value;
}

/** Site paths (with the base) of every page in the sitemap nginx serves. */
export function sitemapPaths(base: string): Promise<string[]> {
	return readSitemap(base, async (path) => {
		const response = await fetch(origin() + path);
		if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
		return response.text();
	});
}

/** Every HTML file under `dir`. */
export async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => join(e.parentPath, e.name));
}
