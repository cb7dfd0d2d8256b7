import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { build } from 'astro';
import { formatFinding } from '../../src/content/finding.ts';
import { lintContent } from '../../scripts/lint/run.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

// A build takes 1–3 s on a quiet 2-core machine and 18 s at load 8–10: room for a busier one.
export const BUILD_TIMEOUT = 120_000;

/** A value only the build environment has (`ROADMAPS_TEST_SECRET` in every `buildSite`). */
export const SECRET = `roadmaps-secret-${process.pid}-${Date.now()}`;

/**
 * A copy of the site with the clean fixture content (`tests/fixtures/lint/clean/content`), inside
 * the project (`.tmp/`, git-ignored) so it resolves the project's node_modules (not copied). The
 * caller removes it.
 */
export function copySite(): string {
	mkdirSync(join(ROOT, '.tmp'), { recursive: true });
	const site = mkdtempSync(join(ROOT, '.tmp', 'site-'));
	for (const entry of [
		'astro.config.mjs',
		'tsconfig.json',
		'package.json',
		'src',
		'public',
		'scripts',
		// The build writes _headers from the nginx config (src/integrations/cdn-headers.ts).
		'deploy',
	]) {
		cpSync(join(ROOT, entry), join(site, entry), { recursive: true });
	}
	cpSync(join(ROOT, 'tests', 'fixtures', 'lint', 'clean', 'content'), join(site, 'content'), {
		recursive: true,
	});
	return site;
}

/** The fixture's own files in `content/demo/`; `resetChapters` removes any other. */
const FIXTURE_FILES = ['01-demo.mdx', '02-demo.mdx', '_roadmap.yaml'];

/** Removes the chapters a test added to a site copy, so the next one starts from the fixture. */
export function resetChapters(site: string): void {
	const folder = join(site, 'content', 'demo');
	for (const name of readdirSync(folder)) {
		if (!FIXTURE_FILES.includes(name)) rmSync(join(folder, name));
	}
}

/** Runs `run` once, the first time a test asks for its result: tests share a build this way. */
export function once<T>(run: () => Promise<T>): () => Promise<T> {
	let result: Promise<T> | undefined;
	return () => (result ??= run());
}

/** What a lint or a build reported: `ok` is its exit status 0. */
export interface Outcome {
	ok: boolean;
	output: string;
}

/**
 * `npm run lint:content` in a site copy, in-process: the same run and the same lines
 * (scripts/lint-content.ts; its exit status and summary are tested in tests/lint/cli.test.ts).
 */
export function lintSite(site: string): Outcome {
	const findings = lintContent({ cwd: site, contentDir: 'content' });
	return {
		ok: !findings.some((finding) => finding.severity === 'error'),
		output: findings.map(formatFinding).join('\n'),
	};
}

let builds = 0;

/**
 * `npm run build` in a site copy, in-process (`astro build` is Astro's `build()`): with `env` added
 * to the environment (always `ROADMAPS_TEST_SECRET=SECRET`) and the site as working directory, as
 * the npm script has them, both restored after. Each build writes to a new folder (`dist`), so
 * builds of one copy never overwrite each other's pages. `output` holds what the build printed
 * (Astro's logger, console) and, for a failed build, the error it failed with: its message, hint,
 * place and cause, as the CLI prints them.
 */
export async function buildSite(
	site: string,
	env: Record<string, string> = {},
): Promise<Outcome & { dist: string }> {
	const dist = join(site, `dist-${++builds}`);
	const printed: string[] = [];
	const undo = [
		setEnv({ ROADMAPS_TEST_SECRET: SECRET, ...env }),
		chdir(site),
		...[process.stdout, process.stderr].map((stream) => captureWrites(stream, printed)),
		...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
			captureConsole(method, printed),
		),
	];
	try {
		await build({ root: site, outDir: dist, logLevel: 'warn' });
		return { ok: true, output: printed.join(''), dist };
	} catch (error) {
		return { ok: false, output: `${printed.join('')}\n${describeError(error)}`, dist };
	} finally {
		for (const restore of undo.reverse()) restore();
	}
}

/** Sets variables; the returned function puts back what was there (or nothing). */
function setEnv(env: Record<string, string>): () => void {
	const before = Object.entries(env).map(([name]) => [name, process.env[name]] as const);
	Object.assign(process.env, env);
	return () => {
		for (const [name, value] of before) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	};
}

/**
 * The config reads `./content` from the working directory (astro.config.mjs, content.config.ts),
 * as under `npm run build`. `process.chdir` needs Vitest's default pool, a process per test file.
 */
function chdir(dir: string): () => void {
	const before = process.cwd();
	process.chdir(dir);
	return () => process.chdir(before);
}

/** Astro's logger writes to stdout and stderr: the chunks go to `into`, not the terminal. */
function captureWrites(stream: NodeJS.WriteStream, into: string[]): () => void {
	return replace(stream, 'write', ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
		(rest.find((arg) => typeof arg === 'function') as (() => void) | undefined)?.();
		return true;
	}) as typeof stream.write);
}

/** Anything that logs with `console` instead (Vitest would otherwise show it). */
function captureConsole(method: 'log' | 'info' | 'warn' | 'error' | 'debug', into: string[]) {
	return replace(console, method, (...args: unknown[]) => void into.push(`${format(...args)}\n`));
}

/** Sets `object[key]`; the returned function puts back the object's own property, or none. */
function replace<T extends object, K extends keyof T>(object: T, key: K, value: T[K]): () => void {
	const own = Object.getOwnPropertyDescriptor(object, key);
	object[key] = value;
	return () => {
		if (own) Object.defineProperty(object, key, own);
		else delete object[key];
	};
}

/** The error a build failed with: message, Astro's hint and place, the code frame, its causes. */
function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const { hint, loc, frame } = error as {
		hint?: string;
		loc?: { file?: string; line?: number; column?: number };
		frame?: string;
	};
	return [
		`${error.name}: ${error.message}`,
		hint && `Hint: ${hint}`,
		loc?.file && `Location: ${loc.file}:${loc.line ?? 0}:${loc.column ?? 0}`,
		frame,
		error.cause !== undefined && `Cause: ${describeError(error.cause)}`,
	]
		.filter(Boolean)
		.join('\n');
}
