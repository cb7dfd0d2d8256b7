import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, nginxHeaders, nginxLocations } from '../cdn/headers.ts';

const NGINX = new URL('../../deploy/nginx/', import.meta.url);

/**
 * Writes `_headers` (Netlify, Cloudflare Pages) into the build, with the security and cache
 * headers of deploy/nginx/, under the base path (docs/cdn-hosting.md).
 */
export function cdnHeadersIntegration(): AstroIntegration {
	let base = '/';
	return {
		name: 'backend-roadmaps:cdn-headers',
		hooks: {
			'astro:config:setup': ({ config }) => {
				base = config.base;
			},
			'astro:build:done': async ({ dir }) => {
				const [security, site] = await Promise.all(
					['security-headers.conf', 'site.conf'].map((name) =>
						readFile(new URL(name, NGINX), 'utf8'),
					),
				);
				const text = headersFile(base, nginxHeaders(security!), nginxLocations(site!));
				await writeFile(join(fileURLToPath(dir), '_headers'), text);
			},
		},
	};
}
