import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLinks, detectBase } from '../../scripts/links/check.ts';

let dist: string;
const write = (path: string, text: string) => {
	mkdirSync(dirname(join(dist, path)), { recursive: true });
	writeFileSync(join(dist, path), text);
};
const page = (body: string) =>
	`<!doctype html><html><head><link rel="sitemap" href="/docs/sitemap-index.xml"></head><body>${body}</body></html>`;

beforeEach(() => {
	dist = join(mkdtempSync(join(tmpdir(), 'check-links-')), 'dist');
	write(
		'index.html',
		page(
			'<a href="/docs/demo/01-a/#one">ok</a><img src="logo.svg" srcset="logo.svg 1x, /docs/missing@2x.png 2x">',
		),
	);
	write('logo.svg', '<svg/>');
	write('sitemap-index.xml', '<sitemapindex/>');
	write(
		'_astro/site.css',
		'body{background:url(../logo.svg)} .x{background:url("/docs/_astro/font.woff2")}',
	);
	write(
		'demo/01-a/index.html',
		page(`<li id="one">x</li><a href="../02-b/">next</a><a href="/docs/demo/03-gone/">gone</a>
		<a href="#nope">bad anchor</a><a href="/demo/01-a/">no base</a><a href="https://example.org/x">ext</a>
		<link rel="stylesheet" href="/docs/_astro/site.css"><a href="../02-b/#two&amp;more">anchor</a>`),
	);
	write(
		'demo/02-b/index.html',
		page('<h2 id="two&amp;more">Two</h2><li id="twice">a</li><h3 id="twice">b</h3>'),
	);
});
afterEach(() => rmSync(dirname(dist), { recursive: true, force: true }));

describe('check:links over dist/', () => {
	it('reads the base path from the build', () => {
		expect(detectBase(dist)).toBe('/docs/');
	});

	it('reports missing files, missing anchors and links outside the base, and nothing else', () => {
		const broken = checkLinks(dist, '/docs/').map(
			(link) => `${link.file} ${link.reference} ${link.problem}`,
		);
		expect(broken).toEqual([
			'dist/_astro/site.css url(/docs/_astro/font.woff2) no file for /docs/_astro/font.woff2 in dist/',
			'dist/demo/01-a/index.html href="/docs/demo/03-gone/" no file for /docs/demo/03-gone/ in dist/',
			'dist/demo/01-a/index.html href="#nope" no element with id "nope" on dist/demo/01-a/index.html',
			'dist/demo/01-a/index.html href="/demo/01-a/" points outside the base path /docs/',
			'dist/demo/02-b/index.html id="twice" is used by more than one element on this page',
			'dist/index.html srcset="logo.svg 1x, /docs/missing@2x.png 2x" no file for /docs/missing@2x.png in dist/',
		]);
	});
});
