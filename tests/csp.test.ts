import { describe, expect, it } from 'vitest';
import {
	hashSource,
	inlineScripts,
	pagePolicy,
	readPolicyMeta,
	splitScripts,
	withPolicyBytes,
	withPolicyMeta,
} from '../src/security/csp';

describe('inlineScripts', () => {
	it('finds executable inline scripts only, with their exact text', () => {
		const html = [
			'<script>one()</script>',
			'<script type="module">\n\ttwo()\n</script>',
			'<SCRIPT data-x="a>b">three()</SCRIPT >',
			'<script src="/a.js"></script>',
			'<script type="application/ld+json">{"a":1}</script>',
			'<!-- <script>never()</script> -->',
			"<script>const s = '<!-- not a comment';</script>",
		].join('');
		expect(inlineScripts(html)).toEqual([
			'one()',
			'\n\ttwo()\n',
			'three()',
			"const s = '<!-- not a comment';",
		]);
	});
});

describe('splitScripts', () => {
	const page = (content: string) =>
		`<html><head><script>theme()</script></head><body><script type="module">nav()</script>` +
		`<div class="sl-markdown-content">${content}</div><footer></footer></body></html>`;

	it('keeps the scripts before chapter content and refuses the ones in it', () => {
		expect(splitScripts(page('<p>x</p><script>alert(1)</script>'), new Set())).toEqual({
			site: ['theme()', 'nav()'],
			chapter: ['alert(1)'],
		});
	});

	it('keeps a bundled component script wherever it renders, by its exact code', () => {
		const html = page('<script type="module">tabs()\n</script><script>tabs();evil()</script>');
		expect(splitScripts(html, new Set(['tabs()']))).toEqual({
			site: ['theme()', 'nav()', 'tabs()\n'],
			chapter: ['tabs();evil()'],
		});
	});

	it('trusts the first content container only: a chapter cannot fake an earlier one', () => {
		const html = page('<div class="sl-markdown-content"></div></div><script>late()</script>');
		expect(splitScripts(html, new Set()).chapter).toEqual(['late()']);
	});

	it("treats every inline script on a page without chapter content as the site's", () => {
		expect(splitScripts('<head><script>a()</script></head>', new Set()).chapter).toEqual([]);
	});
});

describe('hashSource', () => {
	it('is the CSP sha256 source of the UTF-8 text', () => {
		// echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
		expect(hashSource('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
	});
});

describe('pagePolicy', () => {
	it('allows scripts only from the site and by hash, never unsafe-inline or eval', () => {
		const policy = pagePolicy(['a()', 'a()', 'b()']);
		const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '))!;
		expect(scriptSrc.split(' ').filter((s) => s.startsWith("'sha256-"))).toHaveLength(2);
		expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
		expect(policy).toMatch(/default-src 'self'/);
	});
});

describe('withPolicyMeta', () => {
	const page =
		'<!doctype html><html><head><meta charset="utf-8"><script>x()</script></head><body></body></html>';

	it('puts the policy after the charset and before every script, readable back, covering them', () => {
		const html = withPolicyMeta(page, 'index.html');
		// The charset stays within the first 1,024 bytes; the policy still precedes what it governs.
		expect(html.indexOf('<meta charset')).toBeLessThan(html.indexOf('Content-Security-Policy'));
		expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
		expect(readPolicyMeta(html)).toBe(pagePolicy(['x()']));
		expect(readPolicyMeta(html)).toContain(hashSource('x()'));
	});

	it('goes first in a <head> that does not open with a charset', () => {
		const html = withPolicyMeta(page.replace('<meta charset="utf-8">', ''), 'index.html');
		expect(html).toContain('<head><meta http-equiv="Content-Security-Policy"');
	});

	it('allows only the scripts it is given', () => {
		const html = withPolicyMeta(page, 'index.html', []);
		expect(readPolicyMeta(html)).not.toContain(hashSource('x()'));
	});

	it('refuses a page that already has a policy, naming the file', () => {
		expect(() => withPolicyMeta(withPolicyMeta(page, 'a.html'), 'a.html')).toThrow(
			/a\.html: already has/,
		);
	});

	it('reads a policy <meta> in <head> only, where browsers apply one', () => {
		const inBody = page.replace(
			'</body>',
			'<meta http-equiv="Content-Security-Policy" content="default-src *"></body>',
		);
		expect(inBody).not.toBe(page);
		expect(readPolicyMeta(withPolicyMeta(inBody, 'b.html'))).toBe(pagePolicy(['x()']));
	});
});

describe('withPolicyBytes', () => {
	// Characters outside ASCII everywhere: in the head, in the site's and the chapter's scripts (a
	// byte 0xA0 in "à" and in a no-break space, which a JavaScript \s would match), in the text.
	const html =
		'<!doctype html><html><head><meta charset="utf-8"><title>Déjà vu</title>' +
		'<script>greet("naïve café – à\u00a0la")</script></head><body>' +
		'<div class="sl-markdown-content"><p>“Quoted” → text</p><script>chapter("à")</script>' +
		'<script>tabs("é")</script></div></body></html>';
	const bytes = new TextEncoder().encode(html);

	it('writes the same page as withPolicyMeta, byte for byte, hashing each script’s UTF-8 text', () => {
		const built = withPolicyBytes(bytes, 'page.html', new Set(['tabs("é")']));
		const site = ['greet("naïve café – à\u00a0la")', 'tabs("é")'];
		const page = Buffer.concat(built.parts).toString('utf8');
		expect(page).toBe(withPolicyMeta(html, 'page.html', site));
		expect(readPolicyMeta(page)).toContain(hashSource(site[0]!));
		// The page's own bytes are not copied: the first and last parts are views of them.
		expect(built.parts[0].buffer).toBe(bytes.buffer);
		expect(built.parts[2].buffer).toBe(bytes.buffer);
		expect(built.chapter).toEqual(['chapter("à")']);
	});
});
