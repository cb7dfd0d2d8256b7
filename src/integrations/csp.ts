import { AstroError } from 'astro/errors';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { hashSource, splitScripts, withPolicyMeta } from '../security/csp';
import { FILES_AT_ONCE, mapLimit } from './map-limit.ts';

/**
 * Test-only switch: `CSP_CHAPTER_SCRIPTS=warn` lets a build with a script in chapter content finish
 * (the script stays unhashed, so browsers refuse it), so a test can show that. Never set it anywhere
 * else: by default such a build fails.
 */
export const CHAPTER_SCRIPTS_SWITCH = 'CSP_CHAPTER_SCRIPTS';

/**
 * Writes each built page's Content-Security-Policy into a `<meta http-equiv>` after the build.
 *
 * Astro's own `security.csp` hashes only the scripts it bundles, not `is:inline` ones (Starlight's
 * theme provider, search button, theme pickers), and adds style hashes, which switch off the
 * 'unsafe-inline' Starlight's style attributes need. So every HTML file in the output is scanned
 * here instead, and each of the site's own inline scripts is hashed, whatever component emitted
 * it. A script inside chapter content is never hashed, and the build fails naming the chapter
 * (docs/security.md, "Content policy").
 */
export function cspIntegration(options: { contentDir: string }): AstroIntegration {
	/** Exact code of every client script Astro bundled from a component (it may inline them). */
	const bundled = new Set<string>();
	let root = '';
	return {
		name: 'backend-roadmaps:csp',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				root = fileURLToPath(config.root);
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'backend-roadmaps:csp-bundled-scripts',
								applyToEnvironment: (environment) => environment.name === 'client',
								// Before Astro's own generateBundle removes the chunks it inlines into pages.
								generateBundle: {
									order: 'pre',
									handler(_options, bundle) {
										for (const output of Object.values(bundle)) {
											if (output.type === 'chunk') bundled.add(output.code.trim());
										}
									},
								},
							},
						],
					},
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const pages = await htmlFiles(out);
				const hashes = new Map<string, string>();
				// Pages share most of their scripts: hash each distinct text once.
				const hash = (text: string) => {
					let source = hashes.get(text);
					if (!source) hashes.set(text, (source = hashSource(text)));
					return source;
				};
				// One page at a time per task: read, split, write. A page with a script in chapter
				// content still gets its policy (without that script), and the build then fails.
				const refused: { file: string; scripts: string[] }[] = [];
				await mapLimit(pages, FILES_AT_ONCE, async (file) => {
					const html = await readFile(file, 'utf8');
					const scripts = splitScripts(html, bundled);
					if (scripts.chapter.length > 0) refused.push({ file, scripts: scripts.chapter });
					await writeFile(
						file,
						withPolicyMeta(html, relative(process.cwd(), file), scripts.site, hash),
					);
				});
				if (refused.length > 0) {
					const message = chapterScriptsMessage(
						refused
							.sort((a, b) => a.file.localeCompare(b.file))
							.map(({ file, scripts }) => {
								const page = relative(out, file).split(sep).join('/');
								return { page, chapter: chapterOf(root, options.contentDir, page), scripts };
							}),
					);
					if (process.env[CHAPTER_SCRIPTS_SWITCH] !== 'warn')
						throw new AstroError(
							message,
							'A chapter may not run scripts in a reader’s browser: remove the script from the chapter (CONTRIBUTING.md, "What a chapter may contain").',
						);
					logger.warn(`${message}\n(${CHAPTER_SCRIPTS_SWITCH}=warn: tests only.)`);
				}
				logger.info(
					`Content-Security-Policy written into ${pages.length} HTML files (${hashes.size} distinct inline scripts).`,
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

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => join(e.parentPath, e.name));
}
