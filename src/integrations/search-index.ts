import { AstroError } from 'astro/errors';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SearchIndexMessage, SearchIndexResult } from './search-index-worker.ts';
import { resetSearchState, searchState } from './search-state.ts';

/**
 * The search index, built by Pagefind while the pages render instead of after the build.
 *
 * Starlight runs Pagefind over the whole of `dist/` once every page is written: it reads and
 * parses every HTML file, the print, plan, topic and progress pages it does not index too, and
 * the build waits for it. Here Starlight's own run is off (`pagefind: false` in astro.config.mjs)
 * and the page middleware (./page-middleware.ts) posts each page that has a search body
 * (`data-pagefind-body`: chapters, landing pages, the home page) as soon as it is rendered to a
 * worker thread (./search-index-worker.ts), which hands it to Pagefind's own process: both work on
 * the other core while the next pages render. When the build is done, only the index files are
 * left to write. The index holds what Starlight's run indexed: Pagefind leaves out pages without a
 * search body whenever another page has one.
 */
export function searchIndexIntegration(): AstroIntegration {
	let worker: Worker | undefined;
	let failure: Error | undefined;
	return {
		name: 'backend-roadmaps:search',
		hooks: {
			'astro:config:setup': () => {
				resetSearchState();
			},
			'astro:build:start': () => {
				failure = undefined;
				const started = new Worker(new URL('./search-index-worker.ts', import.meta.url));
				started.on('error', (error) => (failure ??= error));
				// A build that fails before it is done must not wait for the index.
				started.unref();
				worker = started;
				searchState().add = (page, html) => {
					if (html.includes('data-pagefind-body'))
						started.postMessage({ page, html } satisfies SearchIndexMessage);
				};
			},
			'astro:build:done': async ({ dir, logger }) => {
				const log = logger.fork('backend-roadmaps:search');
				searchState().add = undefined;
				if (!worker) throw pagefindError(['the index was never started (astro:build:start)']);
				const running = worker;
				worker = undefined;
				const start = performance.now();
				running.ref();
				try {
					const result = await new Promise<SearchIndexResult>((resolve, reject) => {
						if (failure) reject(failure);
						running.once('message', resolve);
						running.once('error', reject);
						running.once('exit', (code) =>
							reject(new Error(`The search index's worker stopped with code ${code}.`)),
						);
						running.postMessage({
							write: fileURLToPath(new URL('./pagefind/', dir)),
						} satisfies SearchIndexMessage);
					});
					if (result.errors.length > 0) throw pagefindError(result.errors);
					if (result.pages === 0)
						throw new AstroError(
							'The search index holds no page: no page with data-pagefind-body reached it.',
							'Check that src/integrations/csp.ts registers src/integrations/page-middleware.ts, which hands each page to the index.',
						);
					const seconds = (performance.now() - start) / 1000;
					log.info(`${result.pages} pages were indexed as they were rendered.`);
					// The same words as Starlight's Pagefind step: bench/lib/phases.ts reads this line.
					log.info(
						`Finished building search index in ${seconds < 0.75 ? `${Math.round(seconds * 1000)}ms` : `${seconds.toFixed(2)}s`}.`,
					);
				} finally {
					await running.terminate();
				}
			},
		},
	};
}

function pagefindError(errors: string[]): AstroError {
	return new AstroError(
		`Pagefind could not build the search index:\n${errors.join('\n')}`,
		'See docs/search.md.',
	);
}
