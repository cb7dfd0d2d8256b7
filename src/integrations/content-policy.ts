import { AstroError } from 'astro/errors';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Program } from 'estree';
import type { Plugin as VitePlugin } from 'vite';
import type { VFileMessage } from 'vfile-message';
import { listFiles } from '../content/roadmaps.ts';
import { formatFinding, type Finding } from '../content/finding.ts';
import { inWorker } from './worker.ts';
import { checkChapter, checkCompiledChapter } from '../security/content-policy.ts';
import { readPolicyTree } from '../security/policy-tree.ts';

/**
 * Test-only switch: `CONTENT_POLICY=off` skips the check of chapter sources, so that a test can
 * carry a hostile chapter past it and show the next layers (the compiled-module check, the CSP
 * pass) stopping it. Never set it anywhere else.
 */
export const POLICY_SWITCH = 'CONTENT_POLICY';

/** Chapter sources: `.md`/`.mdx`, as the `docs` collection and the linter read them. */
const CHAPTER_FILE = /\.mdx?$/;
/** Module ids the hooks below are called for (bundler hook filters): a chapter, any query. */
const CHAPTER_MODULE = /\.mdx?(?:\?|$)/;
/** Module ids of compiled MDX: the file itself, no query. */
const MDX_MODULE = /\.mdx$/;

/**
 * Applies the content policy (src/security/content-policy.ts) in the build, so that a chapter
 * that skipped `npm run lint:content` still cannot ship.
 *
 * Every chapter is checked before MDX compiles anything, so an `import` with side effects never
 * runs: in a build, in a worker thread (./content-policy-worker.ts) while Astro syncs the content,
 * which reads chapters as data and runs none of them, and the build waits for the verdict when it
 * starts (`astro:build:start`), before it compiles or writes anything. That took the check's 1.5 s
 * at 5,000 chapters off the main thread. Elsewhere (`astro dev`) it runs when the config is set
 * up. The build stops with every finding, in the linter's format. A Vite `load` hook checks each
 * `.mdx` module again as it is read (skipped when it is the text that already passed), which
 * covers chapters edited while `astro dev` runs. Then, after MDX compiled a chapter and before it runs, its module
 * is checked once more (`checkCompiledChapter`): should the compiler ever read a construct as an
 * import where the policy's parser read text, the import still never runs.
 */
export function contentPolicyIntegration(options: { contentDir: string }): AstroIntegration {
	/** A build's verdict on every chapter, computed in a worker, awaited when the build starts. */
	let verdict: Promise<PolicyVerdict> | undefined;
	/**
	 * The SHA-256 of each source that passed, by absolute path: the sources themselves, held to the
	 * end of the build, were 45 MB at 5,000 chapters.
	 */
	const passed = new Map<string, string>();
	/** Refuses the build on any finding; else notes the chapters that passed. */
	const accept = ({ problems, passed: hashes }: PolicyVerdict) => {
		if (problems.length > 0)
			throw new AstroError(
				refusal(problems),
				'Chapters are content, not code: CONTRIBUTING.md, "What a chapter may contain". `npm run lint:content` lists the same findings.',
			);
		for (const [path, hash] of hashes) passed.set(path, hash);
	};
	return {
		name: 'backend-roadmaps:content-policy',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig, logger }) => {
				// Nothing from an earlier build in this process (a test's that failed before its start).
				verdict = undefined;
				passed.clear();
				const cwd = fileURLToPath(config.root);
				const root = join(cwd, options.contentDir);
				const isChapter = (path: string) => path.startsWith(root + sep) && CHAPTER_FILE.test(path);
				const compiledCheck: VitePlugin = {
					// A normal plugin, so it runs after MDX's (`pre`) compiled the chapter, and before the
					// module is ever evaluated. It stays on with CONTENT_POLICY=off.
					name: 'backend-roadmaps:content-policy-compiled',
					transform: {
						// The ids MDX compiles: the file itself, no query (`?astroPropagatedAssets` is
						// Astro's wrapper that imports it). The filter keeps the bundler from calling
						// this hook for every other module of the build.
						filter: { id: MDX_MODULE },
						handler(code, id) {
							if (!id.endsWith('.mdx') || !isChapter(id)) return null;
							const problems = checkCompiledChapter(this.parse(code) as unknown as Program);
							if (problems.length > 0) {
								this.error(
									`${fileName(cwd, id)}: the compiled chapter ${problems.join(', ')}. Chapters are content, not code (docs/security.md); run \`npm run lint:content\`.`,
								);
							}
							return null;
						},
					},
				};
				const mode = process.env[POLICY_SWITCH];
				if (mode === 'off') {
					logger.warn(
						`${POLICY_SWITCH}=off: chapters are NOT checked against the content policy. This switch is for tests only.`,
					);
					updateConfig({ vite: { plugins: [compiledCheck] } });
					return;
				}
				if (mode !== undefined && mode !== '' && mode !== 'on') {
					throw new AstroError(
						`${POLICY_SWITCH}=${JSON.stringify(mode).slice(0, 40)} is not a setting.`,
						`Unset ${POLICY_SWITCH}: the content policy is always on (tests alone may set "off").`,
					);
				}
				if (command === 'build') {
					// Read beside the content sync, which reads no chapter as code; the build waits for the
					// verdict when it starts (below), before anything compiles a chapter.
					verdict = inWorker<PolicyVerdict>(
						new URL('./content-policy-worker.ts', import.meta.url),
						{
							cwd,
							contentDir: options.contentDir,
						},
					);
					// Settled when awaited at the build's start; never an unhandled rejection before.
					verdict.catch(() => {});
				} else {
					accept(policyVerdict(cwd, options.contentDir));
				}
				const sourceCheck: VitePlugin = {
					name: 'backend-roadmaps:content-policy',
					enforce: 'pre',
					load: {
						filter: { id: CHAPTER_MODULE },
						handler(id) {
							const path = id.split('?')[0]!;
							if (!isChapter(path)) return null;
							const source = readFileSync(path, 'utf8');
							if (passed.get(path) === sha256(source)) return null;
							const { problems, hash } = chapterVerdict(cwd, path, source);
							if (hash) passed.set(path, hash);
							if (problems.length > 0) this.error(refusal(problems));
							return null;
						},
					},
				};
				updateConfig({ vite: { plugins: [sourceCheck, compiledCheck] } });
			},
			'astro:build:start': async () => {
				if (!verdict) return;
				const found = await verdict;
				verdict = undefined;
				accept(found);
			},
		},
	};
}

/** Every chapter's findings, in the linter's format, and the SHA-256 of each chapter that passed. */
export interface PolicyVerdict {
	problems: string[];
	/** [absolute path, SHA-256 of its source], for each chapter without a finding. */
	passed: [string, string][];
}

/** The content policy over every chapter under `contentDir` of the project at `cwd`. */
export function policyVerdict(cwd: string, contentDir: string): PolicyVerdict {
	const verdict: PolicyVerdict = { problems: [], passed: [] };
	for (const path of chapterFiles(join(cwd, contentDir))) {
		const { problems, hash } = chapterVerdict(cwd, path, readFileSync(path, 'utf8'));
		if (hash) verdict.passed.push([path, hash]);
		verdict.problems.push(...problems);
	}
	return verdict;
}

/**
 * One chapter's findings, each a line in the linter's format naming its file (relative to `cwd`),
 * and, when it has none, the SHA-256 of its source.
 */
function chapterVerdict(
	cwd: string,
	path: string,
	source: string,
): { problems: string[]; hash?: string } {
	const file = fileName(cwd, path);
	const problems = findings(source).map((finding) =>
		formatFinding({ ...finding, file, severity: 'error' }),
	);
	return problems.length > 0 ? { problems } : { problems, hash: sha256(source) };
}

/** A file's name as findings give it: relative to `cwd`, with `/` separators. */
const fileName = (cwd: string, path: string) => relative(cwd, path).split(sep).join('/');

/** The policy's findings; a chapter the parser cannot read is refused as a whole (fail closed). */
function findings(source: string): Omit<Finding, 'file' | 'severity'>[] {
	try {
		return checkChapter(readPolicyTree(source));
	} catch (error) {
		const { line, column, reason, message } = error as VFileMessage;
		return [
			{
				rule: 'mdx-syntax',
				line: line ?? 1,
				column: column ?? 1,
				message: `the chapter cannot be read, so it cannot be checked: ${reason ?? message}`,
				fix: 'fix the MDX syntax at that place',
			},
		];
	}
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

function refusal(problems: string[]): string {
	return [
		`Chapters are content, not code: ${problems.length} problem(s) with the content policy (docs/security.md).`,
		...problems,
		'Run `npm run lint:content` for the same report.',
	].join('\n');
}

/** Every `.md`/`.mdx` file under the content folder, `_` files included (they could be imported). */
function chapterFiles(root: string): string[] {
	return listFiles(root).filter((path) => CHAPTER_FILE.test(path));
}
