/**
 * The `_headers` file for Netlify and Cloudflare Pages (both read the same syntax), derived from
 * the nginx config in deploy/nginx/ so that a CDN serves the same security and cache headers as
 * the shipped server (docs/cdn-hosting.md).
 */

export type Header = readonly [name: string, value: string];

/** A location block of deploy/nginx/site.conf: its path pattern and the headers it adds. */
export interface NginxLocation {
	pattern: string;
	headers: Header[];
}

const ADD_HEADER = /^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/gm;

/** The `add_header Name "value" always;` lines of an nginx config text, in order. */
export function nginxHeaders(conf: string): Header[] {
	return [...conf.matchAll(ADD_HEADER)].map((m) => [m[1]!, m[2]!] as const);
}

/** The location blocks of an nginx config text (no nested blocks, as in site.conf). */
export function nginxLocations(conf: string): NginxLocation[] {
	return [...conf.matchAll(/^location\s+(?:~\s+)?(\S+)\s*\{([^}]*)\}/gm)].map((m) => ({
		pattern: m[1]!,
		headers: nginxHeaders(m[2]!),
	}));
}

/**
 * Netlify and Cloudflare Pages answer every file with `max-age=0, must-revalidate` unless told
 * otherwise: the same as nginx's `no-cache` (revalidate on every use). Rules only for the rest,
 * because both hosts join a header set by two matching rules with a comma.
 */
const HOST_DEFAULT_CACHE = 'no-cache';

/**
 * The `_headers` text for a site built under `base`: the security headers on every path, and each
 * nginx location's own Cache-Control on its folder. `file` names the config in errors.
 */
export function headersFile(
	base: string,
	security: readonly Header[],
	locations: readonly NginxLocation[],
	file = 'deploy/nginx/site.conf',
): string {
	const root = base.replace(/\/?$/, '/');
	const rules: { path: string; headers: Header[] }[] = [
		{ path: `${root}*`, headers: [...security] },
	];
	for (const { pattern, headers } of locations) {
		const cache = headers.find(([name]) => name.toLowerCase() === 'cache-control');
		if (!cache || cache[1] === HOST_DEFAULT_CACHE) continue;
		const folder = /^\/([\w-]+)\/$/.exec(pattern)?.[1];
		if (!folder) {
			throw new Error(
				`${file}: location ${pattern} sets Cache-Control "${cache[1]}", which src/cdn/headers.ts cannot turn into a _headers path. Use a folder pattern (/name/) or teach headersFile() the new one.`,
			);
		}
		rules.push({ path: `${root}${folder}/*`, headers: [cache] });
	}
	return (
		[
			'# Netlify and Cloudflare Pages: written by the build from deploy/nginx/ (src/cdn/headers.ts).',
			...rules.flatMap(({ path, headers }) => [
				path,
				...headers.map(([name, value]) => `  ${name}: ${value}`),
			]),
		].join('\n') + '\n'
	);
}

/** The rules of a `_headers` text: each path with its headers. */
export function parseHeadersFile(text: string): Map<string, Header[]> {
	const rules = new Map<string, Header[]>();
	let current: Header[] | undefined;
	for (const line of text.split('\n')) {
		if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.set(line.trim(), (current = []));
		else {
			const colon = line.indexOf(':');
			current?.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
		}
	}
	return rules;
}
