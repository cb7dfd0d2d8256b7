import { describe, expect, it } from 'vitest';
import { serviceWorkerEnabled } from '../src/integrations/offline';
import { fileUrl, isPrecached, precacheOf, serviceWorkerSource } from '../src/offline/precache';

const file = (path: string, hash = 'h') => ({ path, hash, bytes: 10 });

describe('fileUrl', () => {
	it('requests pages by their directory and other files by their path, under the base', () => {
		expect(fileUrl('index.html', '/')).toBe('/');
		expect(fileUrl('express/01-intro/index.html', '/roadmaps/')).toBe(
			'/roadmaps/express/01-intro/',
		);
		expect(fileUrl('404.html', '/roadmaps/')).toBe('/roadmaps/404.html');
		expect(fileUrl('pagefind/pagefind.js', '/')).toBe('/pagefind/pagefind.js');
	});
});

describe('isPrecached', () => {
	it('leaves out the worker, host files, maps, llms.txt and unused Pagefind UIs', () => {
		for (const path of ['sw.js', '_headers', 'a.js.map', 'llms-full.txt', 'llms/x.txt'])
			expect(isPrecached(path), path).toBe(false);
		expect(isPrecached('pagefind/pagefind-modular-ui.js')).toBe(false);
		for (const path of ['index.html', 'pagefind/pagefind.js', 'pagefind/index/en_1.pf_index'])
			expect(isPrecached(path), path).toBe(true);
	});
});

describe('precacheOf', () => {
	it('versions the build by every file, whatever the listing order', () => {
		const a = precacheOf([file('b.css'), file('index.html')], '/');
		expect(a.urls).toEqual(['/b.css', '/']);
		expect(precacheOf([file('index.html'), file('b.css')], '/').version).toBe(a.version);
		expect(precacheOf([file('index.html'), file('b.css', 'new')], '/').version).not.toBe(a.version);
		expect(precacheOf([file('index.html')], '/').version).not.toBe(a.version);
		expect(precacheOf([file('index.html'), file('sw.js', 'x')], '/').version).toBe(
			precacheOf([file('index.html')], '/').version,
		);
		expect(a.bytes).toBe(20);
	});

	it('names the fix for a base path without slashes', () => {
		expect(() => precacheOf([], 'roadmaps')).toThrow(/leading and trailing slash/);
	});
});

describe('serviceWorkerSource', () => {
	it('defines PRECACHE (without sizes) in front of the template', () => {
		const source = serviceWorkerSource('run(PRECACHE);', precacheOf([file('index.html')], '/'));
		expect(source).toMatch(
			/^const PRECACHE = \{"base":"\/","version":"[0-9a-f]{16}","urls":\["\/"\]\};\nrun/,
		);
	});
});

describe('serviceWorkerEnabled', () => {
	it('is on unless switched off, and rejects typos', () => {
		expect(serviceWorkerEnabled(undefined)).toBe(true);
		expect(serviceWorkerEnabled('on')).toBe(true);
		expect(serviceWorkerEnabled('off')).toBe(false);
		expect(serviceWorkerEnabled('FALSE')).toBe(false);
		expect(() => serviceWorkerEnabled('of')).toThrow(/SERVICE_WORKER="of"/);
		expect(() => serviceWorkerEnabled('of')).toThrow(
			expect.objectContaining({ hint: expect.stringContaining('"off"') }),
		);
	});
});
