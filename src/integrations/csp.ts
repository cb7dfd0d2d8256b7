import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withPolicyMeta } from '../security/csp';

/**
 * Writes each built page's Content-Security-Policy into a `<meta http-equiv>` after the build.
 *
 * Astro's own `security.csp` hashes only the scripts it bundles, not `is:inline` ones (Starlight's
 * theme provider, search button, theme pickers), and adds style hashes, which switch off the
 * 'unsafe-inline' Starlight's style attributes need. So every HTML file in the output is scanned
 * here instead, whatever component emitted its inline scripts, and each one is hashed.
 */
export function cspIntegration(): AstroIntegration {
	return {
		name: 'backend-roadmaps:csp',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				const pages = await htmlFiles(root);
				await Promise.all(
					pages.map(async (file) => {
						const html = await readFile(file, 'utf8');
						await writeFile(file, withPolicyMeta(html, relative(process.cwd(), file)));
					}),
				);
				logger.info(`Content-Security-Policy written into ${pages.length} HTML files.`);
			},
		},
	};
}

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => join(e.parentPath, e.name));
}
