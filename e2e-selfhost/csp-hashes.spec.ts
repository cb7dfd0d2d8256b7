import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { hashSource, inlineScripts, readPolicyMeta } from '../src/security/csp';
import { SELFHOST_DIST } from '../scripts/selfhost-paths.ts';
import { htmlFiles } from './site';

// A build test (no browser): every page of the build carries a policy that allows each of its
// inline scripts by hash, and nothing else inline.
test('every inline script in the build is hashed in its page policy', async () => {
	const files = await htmlFiles(SELFHOST_DIST);
	expect(files.length).toBeGreaterThan(3);
	let scripts = 0;
	for (const file of files) {
		const name = relative(SELFHOST_DIST, file);
		const html = await readFile(file, 'utf8');
		const policy = readPolicyMeta(html);
		expect(policy, `${name}: no CSP <meta>`).toBeTruthy();
		const scriptSrc = policy!
			.split(';')
			.map((d) => d.trim())
			.find((d) => d.startsWith('script-src '));
		expect(scriptSrc, name).toBeTruthy();
		expect(scriptSrc, name).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
		// The policy must come before any script it governs.
		expect(html.search(/<meta http-equiv="Content-Security-Policy"/), name).toBeLessThan(
			html.search(/<script/),
		);
		for (const text of inlineScripts(html)) {
			expect(
				scriptSrc!.split(' '),
				`${name}: inline script not hashed: ${text.trim().slice(0, 80)}`,
			).toContain(hashSource(text));
			scripts++;
		}
		// Inline event handlers and javascript: URLs cannot be hashed without 'unsafe-hashes'.
		expect(html, name).not.toMatch(
			/<[a-z][^>]*\son[a-z]+\s*=\s*["']|\s(?:href|src|action)\s*=\s*["']?\s*javascript:/i,
		);
	}
	expect(scripts).toBeGreaterThan(files.length); // Starlight alone has several per page
});
