/**
 * What `astro build` reads from the repository besides `node_modules`: the staleness check of
 * scripts/build-site.ts fingerprints these, and the bench copies them (all but `content/`) beside
 * its synthetic chapters. `deploy/` is here because the build writes `_headers` from
 * deploy/nginx/ (src/integrations/cdn-headers.ts).
 */
export const BUILD_INPUTS = [
	'src',
	'content',
	'public',
	'deploy',
	'astro.config.mjs',
	'tsconfig.json',
	'package.json',
	'package-lock.json',
] as const;
