import { AstroError } from 'astro/errors';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { resetSearchState, searchState } from './search-state.ts';

/**
 * The search index, built by Pagefind from the pages that have a search body only.
 *
 * Starlight runs Pagefind over every HTML file of `dist/`: at 5,000 chapters it read and parsed
 * 726 MB, the print, plan, topic and progress pages too, to leave them out of the index (Pagefind
 * leaves out pages without `data-pagefind-body` whenever another page has one). Here Starlight's
 * run is off (`pagefind: false` in astro.config.mjs); the page middleware (./page-middleware.ts)
 * notes each page with a search body as it renders (chapters, landing pages, the home page), and
 * Pagefind reads those pages alone, named in one glob. The index holds the same pages.
 */
export function searchIndexIntegration(): AstroIntegration {
	return {
		name: 'backend-roadmaps:search',
		hooks: {
			'astro:config:setup': () => {
				resetSearchState();
			},
			'astro:build:done': async ({ dir, logger }) => {
				const log = logger.fork('backend-roadmaps:search');
				const { pages } = searchState();
				if (pages.length === 0)
					throw new AstroError(
						'The search index would hold no page: no built page had data-pagefind-body.',
						'Check that src/integrations/csp.ts registers src/integrations/page-middleware.ts, which notes the pages to index.',
					);
				const start = performance.now();
				log.info(`Building search index with Pagefind from ${pages.length} pages...`);
				try {
					const created = await pagefind.createIndex();
					if (!created.index || created.errors.length > 0) throw pagefindError(created.errors);
					const added = await created.index.addDirectory({
						path: fileURLToPath(dir),
						glob: pagesGlob(pages),
					});
					if (added.errors.length > 0) throw pagefindError(added.errors);
					if (added.page_count !== pages.length)
						throw pagefindError([
							`it found ${added.page_count} of the ${pages.length} pages to index in ${fileURLToPath(dir)}`,
						]);
					const written = await created.index.writeFiles({
						outputPath: fileURLToPath(new URL('./pagefind/', dir)),
					});
					if (written.errors.length > 0) throw pagefindError(written.errors);
				} finally {
					await pagefind.close();
				}
				const seconds = (performance.now() - start) / 1000;
				// The same words as Starlight's Pagefind step: bench/lib/phases.ts reads this line.
				log.info(
					`Finished building search index in ${seconds < 0.75 ? `${Math.round(seconds * 1000)}ms` : `${seconds.toFixed(2)}s`}.`,
				);
			},
		},
	};
}

/**
 * One Pagefind glob that matches exactly `pages` (paths relative to `dist/`): `{a,b,…}`, each
 * path's glob syntax escaped.
 */
export function pagesGlob(pages: readonly string[]): string {
	return `{${pages.map((page) => page.replace(/[\\*?[\]{}<>,!:]/g, '\\$&')).join(',')}}`;
}

function pagefindError(errors: string[]): AstroError {
	return new AstroError(
		`Pagefind could not build the search index:\n${errors.join('\n')}`,
		'See docs/search.md.',
	);
}
