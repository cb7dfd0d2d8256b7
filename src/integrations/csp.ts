import { AstroError } from 'astro/errors';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cspState, resetCspState } from './csp-state.ts';

/**
 * Test-only switch: `CSP_CHAPTER_SCRIPTS=warn` lets a build with a script in chapter content finish
 * (the script stays unhashed, so browsers refuse it), so a test can show that. Never set it anywhere
 * else: by default such a build fails.
 */
export const CHAPTER_SCRIPTS_SWITCH = 'CSP_CHAPTER_SCRIPTS';

/**
 * Writes each built page's Content-Security-Policy into a `<meta http-equiv>`, as the page is
 * rendered (./page-middleware.ts), and fails the build when a chapter carries a script.
 *
 * Astro's own `security.csp` hashes only the scripts it bundles, not `is:inline` ones (Starlight's
 * theme provider, search button, theme pickers), and adds style hashes, which switch off the
 * 'unsafe-inline' Starlight's style attributes need. So each page's HTML is scanned instead, and
 * each of the site's own inline scripts is hashed, whatever component emitted it. A script inside
 * chapter content is never hashed, and the build fails naming the chapter (docs/security.md,
 * "Content policy").
 */
export function cspIntegration(options: { contentDir: string }): AstroIntegration {
	let root = '';
	return {
		name: 'backend-roadmaps:csp',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig, addMiddleware }) => {
				root = fileURLToPath(config.root);
				const state = resetCspState();
				// Builds only: the dev server injects scripts of its own.
				if (command !== 'build') return;
				// Last, so that the policy covers what every other middleware added to the page.
				addMiddleware({
					entrypoint: new URL('./page-middleware.ts', import.meta.url),
					order: 'post',
				});
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'backend-roadmaps:csp-bundled-scripts',
								applyToEnvironment: (environment) => environment.name === 'client',
								// Before Astro's own generateBundle removes the chunks it inlines into pages.
								// The client build runs before the pages are rendered.
								generateBundle: {
									order: 'pre',
									handler(_options, bundle) {
										for (const output of Object.values(bundle)) {
											if (output.type === 'chunk') state.bundled.add(output.code.trim());
										}
									},
								},
							},
						],
					},
				});
			},
			'astro:build:done': ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const { refused, pages, hashes } = cspState();
				if (pages === 0)
					throw new AstroError(
						'No page got a Content-Security-Policy: the CSP middleware did not run.',
						'Check that src/integrations/csp.ts registers src/integrations/page-middleware.ts (addMiddleware).',
					);
				if (refused.length > 0) {
					const message = chapterScriptsMessage(
						refused
							.sort((a, b) => a.page.localeCompare(b.page))
							.map(({ page, scripts }) => ({
								page,
								chapter: chapterOf(root, options.contentDir, page),
								scripts,
							})),
					);
					if (process.env[CHAPTER_SCRIPTS_SWITCH] !== 'warn')
						throw new AstroError(
							message,
							'A chapter may not run scripts in a reader’s browser: remove the script from the chapter (CONTRIBUTING.md, "What a chapter may contain").',
						);
					logger.warn(`${message}\n(${CHAPTER_SCRIPTS_SWITCH}=warn: tests only.)`);
				}
				logger.info(
					`Content-Security-Policy written into ${pages} HTML files as they were rendered (${hashes.size} distinct inline scripts; ${relative(process.cwd(), out) || '.'}).`,
				);
			},
		},
	};
}

function chapterScriptsMessage(
	pages: { page: string; chapter: string | undefined; scripts: string[] }[],
): string {
	return [
		`Scripts in chapter content: ${pages.length} page(s). They are not hashed into the page's Content-Security-Policy, so browsers would refuse them; chapters are content, not code (docs/security.md).`,
		...pages.map(
			({ page, chapter, scripts }) =>
				`${chapter ?? `the chapter of ${page}`}: ${scripts.length} inline <script> in the built page ${page}, e.g. ${JSON.stringify(scripts[0]!.trim().slice(0, 60))}\n  fix: remove the script from the chapter (npm run lint:content shows where)`,
		),
	].join('\n');
}

/**
 * The chapter file a page was most likely built from: `demo/01-demo/index.html` ←
 * `content/demo/01-demo.mdx` (chapter file names are already URL slugs). Only names the file in
 * the error; which scripts are refused never depends on it.
 */
function chapterOf(root: string, contentDir: string, page: string): string | undefined {
	const path = page.replace(/(?:^|\/)index\.html$/, '').replace(/\.html$/, '');
	return [`${path}.mdx`, `${path}.md`, `${path}/index.mdx`, `${path}/index.md`]
		.map((candidate) => `${contentDir}/${candidate}`)
		.find((candidate) => existsSync(join(root, candidate)));
}
