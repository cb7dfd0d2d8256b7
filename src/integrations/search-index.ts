import { AstroError } from 'astro/errors';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import {
	handReady,
	notHanded,
	resetSearchState,
	searchState,
	type SearchPage,
} from './search-state.ts';

/**
 * The search index, built by Pagefind from the pages that have a search body only, each read as
 * soon as it is written, while the next pages render.
 *
 * Starlight runs Pagefind over every HTML file of `dist/` once the build is done: at 5,000
 * chapters it read and parsed 726 MB, the print, plan, topic and progress pages too, to leave them
 * out of the index (Pagefind leaves out pages without `data-pagefind-body` whenever another page
 * has one), and the build waited for it. Here Starlight's run is off (`pagefind: false` in
 * astro.config.mjs). The page middleware (./page-middleware.ts) notes each page as it renders, and
 * whether it has a search body (chapters, landing pages, the home page); each such page is handed
 * to Pagefind, which runs as a process of its own, once its file is complete on disk, so Pagefind
 * parses pages on the second core while the build renders the next ones on the first. Pages are
 * handed in the order they began to render (./search-state.ts), the same in every build; when the
 * build is done, the last pages are handed and the index is written.
 */
export function searchIndexIntegration(): AstroIntegration {
	let outDir = '';
	/** The index, created when the first page is handed to it. */
	let index: ReturnType<typeof pagefind.createIndex> | undefined;
	/** What Pagefind answered for each page, in order; failures are answers too, read at the end. */
	const added: Promise<{ page: string; count: number; errors: string[] }>[] = [];
	const written = ({ page, bytes }: SearchPage) =>
		statSync(join(outDir, page), { throwIfNoEntry: false })?.size === bytes;
	const addPage = (page: string) => {
		index ??= pagefind.createIndex().then((created) => {
			lowerPagefindPriority();
			return created;
		});
		added.push(
			index
				.then(async (created) => {
					if (!created.index) return { page, count: 0, errors: created.errors };
					const result = await created.index.addDirectory({ path: outDir, glob: pageGlob(page) });
					return { page, count: result.page_count, errors: result.errors };
				})
				.catch((error: unknown) => ({ page, count: 0, errors: [String(error)] })),
		);
	};
	return {
		name: 'backend-roadmaps:search',
		hooks: {
			'astro:config:setup': async () => {
				// A build that failed before its end (a test's, in the same process) left its Pagefind open.
				if (index) await pagefind.close();
				index = undefined;
				added.length = 0;
				resetSearchState();
			},
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': () => {
				const state = searchState();
				state.pump = () => handReady(state, written, addPage);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const log = logger.fork('backend-roadmaps:search');
				const state = searchState();
				const start = performance.now();
				const early = state.pages.length;
				// Every page is written now: the pages still waiting are handed on.
				handReady(state, written, addPage);
				const waiting = notHanded(state);
				log.info(
					`Building search index with Pagefind from ${state.pages.length} pages (${early} of them read while the build rendered)...`,
				);
				try {
					if (waiting.length > 0)
						throw new AstroError(
							`The search index is missing pages: ${waiting.join(', ')} did not reach dist/ as rendered.`,
							'See docs/search.md.',
						);
					if (state.pages.length === 0)
						throw new AstroError(
							'The search index would hold no page: no built page had data-pagefind-body.',
							'Check that src/integrations/csp.ts registers src/integrations/page-middleware.ts, which notes the pages to index.',
						);
					const results = await Promise.all(added);
					const errors = results.flatMap(({ page, count, errors }) =>
						errors.length > 0
							? errors.map((error) => `${page}: ${error}`)
							: count === 1
								? []
								: [`${page}: Pagefind found ${count} pages where it was named`],
					);
					if (errors.length > 0) throw pagefindError(errors);
					const created = await index!;
					const output = await created.index!.writeFiles({
						outputPath: fileURLToPath(new URL('./pagefind/', dir)),
					});
					if (output.errors.length > 0) throw pagefindError(output.errors);
				} finally {
					await pagefind.close();
					index = undefined;
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
 * A Pagefind glob that matches exactly `page` (a path relative to `dist/`), its glob syntax
 * escaped. A glob without wildcards is a path: Pagefind reads that one file and walks no folder.
 */
export function pageGlob(page: string): string {
	return page.replace(/[\\*?[\]{}<>,!:]/g, '\\$&');
}

/**
 * Pagefind, which reads pages while the build renders the next ones, gets a processor only when
 * the build leaves one idle. At full priority it took time the build needed (its garbage
 * collector's helper threads run on the second core too): paired 1,000-chapter builds took 1.01 of
 * the time, against 0.91 at the lowest priority (docs/benchmarks.md). Linux only (`/proc`);
 * elsewhere Pagefind keeps its priority.
 */
function lowerPagefindPriority(): void {
	let children: string[];
	try {
		children = readdirSync('/proc/self/task').flatMap((task) =>
			readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean),
		);
	} catch {
		return;
	}
	for (const pid of children) {
		try {
			if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('pagefind'))
				setPriority(Number(pid), 19);
		} catch {
			// The process ended, or is not ours to change: it keeps its priority.
		}
	}
}

function pagefindError(errors: string[]): AstroError {
	return new AstroError(
		`Pagefind could not build the search index:\n${errors.join('\n')}`,
		'See docs/search.md.',
	);
}
