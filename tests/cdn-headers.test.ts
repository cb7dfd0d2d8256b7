import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile, nginxHeaders, nginxLocations, parseHeadersFile } from '../src/cdn/headers';

const read = (name: string) =>
	readFileSync(join(import.meta.dirname, '../deploy/nginx', name), 'utf8');
const security = nginxHeaders(read('security-headers.conf'));
const locations = nginxLocations(read('site.conf'));

describe('the _headers file agrees with deploy/nginx', () => {
	it('sends every nginx security header, with the same value, on every path', () => {
		expect(security.map(([name]) => name)).toContain('Content-Security-Policy');
		for (const base of ['/', '/roadmaps/']) {
			const rules = parseHeadersFile(headersFile(base, security, locations));
			expect(rules.get(`${base}*`)).toEqual(security);
		}
	});

	it('caches each nginx location as nginx does: folders by rule, revalidation by host default', () => {
		const rules = parseHeadersFile(headersFile('/roadmaps/', security, locations));
		const cache = (pattern: string) =>
			locations
				.find((l) => l.pattern === pattern)
				?.headers.find(([name]) => name === 'Cache-Control')?.[1];
		expect(cache('/')).toBe('no-cache');
		expect(rules.get('/roadmaps/_astro/*')).toEqual([['Cache-Control', cache('/_astro/')]]);
		expect(rules.get('/roadmaps/pagefind/*')).toEqual([['Cache-Control', cache('/pagefind/')]]);
		// Every other rule is the security one: no path gets a Cache-Control nginx does not send.
		expect([...rules.keys()].sort()).toEqual(
			['/roadmaps/*', '/roadmaps/_astro/*', '/roadmaps/pagefind/*'].sort(),
		);
		expect(rules.get('/roadmaps/*')?.some(([name]) => name === 'Cache-Control')).toBe(false);
	});

	it('names the file and the fix for a location it cannot map', () => {
		expect(() =>
			headersFile('/', security, [
				{ pattern: '\\.woff2$', headers: [['Cache-Control', 'max-age=60']] },
			]),
		).toThrow(/deploy\/nginx\/site\.conf: location \\\.woff2\$ sets Cache-Control/);
	});
});
