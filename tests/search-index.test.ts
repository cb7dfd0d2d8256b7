import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { pagesGlob } from '../src/integrations/search-index.ts';

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
	const unnamed = ['a/print/index.html', 'a/b/index.html', 'a/x/index.html'];
	for (const file of [...named, ...unnamed]) {
		mkdirSync(dirname(join(dist, file)), { recursive: true });
		writeFileSync(join(dist, file), page(file));
	}

	it('matches exactly the named pages, glob syntax in their names included', async () => {
		const { index } = await pagefind.createIndex();
		const added = await index!.addDirectory({ path: dist, glob: pagesGlob(named) });
		expect(added.errors).toEqual([]);
		expect(added.page_count).toBe(named.length);
	});
});
