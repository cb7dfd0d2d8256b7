import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { pageGlob } from '../src/integrations/search-index.ts';
import {
	beginPage,
	handReady,
	notHanded,
	pageRendered,
	resetSearchState,
	type SearchPage,
} from '../src/integrations/search-state.ts';

const page = (title: string) =>
	`<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${title} words</p></main></body></html>`;

describe('the search index reads only the pages it names', () => {
	const dist = mkdtempSync(join(tmpdir(), 'search-index-'));
	afterAll(async () => {
		await pagefind.close();
		rmSync(dist, { recursive: true, force: true });
	});
	// Names with glob syntax in them, which the glob must match as text.
	const named = ['index.html', 'a/01-one/index.html', 'a/{b,c}/index.html', 'a/[x]*?/index.html'];
	const unnamed = [
		'a/print/index.html',
		'a/b/index.html',
		'a/c/index.html',
		'a/x/index.html',
		'a/[x]yz/index.html',
	];
	for (const file of [...named, ...unnamed]) {
		mkdirSync(dirname(join(dist, file)), { recursive: true });
		writeFileSync(join(dist, file), page(file));
	}

	it('matches exactly the named page, glob syntax in its name included', async () => {
		const { index } = await pagefind.createIndex();
		for (const file of named) {
			const added = await index!.addDirectory({ path: dist, glob: pageGlob(file) });
			expect(added.errors).toEqual([]);
			expect(added.page_count, file).toBe(1);
		}
		const { files } = await index!.getFiles();
		const entry = files.find((file) => file.path === 'pagefind-entry.json');
		expect(JSON.parse(Buffer.from(entry!.content).toString()).languages.en.page_count).toBe(
			named.length,
		);
	});
});

describe('pages reach the search index in the order they began to render, once written', () => {
	const searched = (page: string): SearchPage => ({ page, bytes: 10 });

	it('waits for a page still rendering, and for one not yet written, and passes over the rest', () => {
		const state = resetSearchState();
		const written = new Set<string>();
		const indexed: string[] = [];
		const pump = () =>
			handReady(
				state,
				(page) => written.has(page.page),
				(page) => indexed.push(page),
			);
		const [a, b, c, d] = [beginPage(state), beginPage(state), beginPage(state), beginPage(state)];
		// The second and third pages finish first; the first still renders: nothing is handed on.
		pageRendered(b, null, state);
		pageRendered(c, searched('c/index.html'), state);
		written.add('c/index.html');
		pump();
		expect(indexed).toEqual([]);
		// The first finishes, but its file is not complete yet.
		pageRendered(a, searched('a/index.html'), state);
		pump();
		expect(indexed).toEqual([]);
		written.add('a/index.html');
		pump();
		// a, then b passed over (no search body), then c; d still renders.
		expect(indexed).toEqual(['a/index.html', 'c/index.html']);
		expect(state.handed).toBe(3);
		pageRendered(d, searched('d/index.html'), state);
		written.add('d/index.html');
		pump();
		expect(indexed).toEqual(['a/index.html', 'c/index.html', 'd/index.html']);
		expect(state.pages).toEqual(indexed);
	});

	it('hands pages on as they are rendered once the integration has set its pump', () => {
		const state = resetSearchState();
		const indexed: string[] = [];
		state.pump = () =>
			handReady(
				state,
				() => true,
				(page) => indexed.push(page),
			);
		const slot = beginPage(state);
		expect(indexed).toEqual([]);
		pageRendered(slot, searched('x/index.html'), state);
		expect(indexed).toEqual(['x/index.html']);
	});

	it('names what it could not hand on: a page not written as rendered, one still rendering', () => {
		const state = resetSearchState();
		const [a, b, c] = [beginPage(state), beginPage(state), beginPage(state)];
		beginPage(state);
		pageRendered(a, searched('a/index.html'), state);
		pageRendered(b, null, state);
		pageRendered(c, searched('c/index.html'), state);
		handReady(
			state,
			(page) => page.page !== 'a/index.html',
			() => {},
		);
		// The page without a search body behind them is not named.
		expect(notHanded(state)).toEqual([
			'a/index.html',
			'c/index.html',
			'a page that never finished rendering',
		]);
	});
});
