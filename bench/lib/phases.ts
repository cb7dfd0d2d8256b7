/**
 * Where an `astro build` spent its time, read from its own log: Astro and Starlight print how long
 * each step took. Every bench build reports these, so the gap to plain Starlight comes with the
 * step it sits in (docs/benchmarks.md, "Build profile").
 */
export interface BuildPhases {
	/** Config, content sync and type generation, up to "Collecting build info ✓". */
	setup: number;
	/** Vite/Rolldown bundling every page and chapter ("Building static entrypoints"). */
	bundle: number;
	/** Rendering every page to HTML ("generating static routes"). */
	render: number;
	/**
	 * Pagefind indexing the HTML after the pages are rendered: every HTML file (plain Starlight), or
	 * only the pages with a search body (this project, src/integrations/search-index.ts).
	 */
	pagefind: number;
	/** Build hooks after Pagefind: the sitemap and, in this project, the CSP check and the service worker. */
	afterPagefind: number;
}

/** "1m 24s", "22.36s", "820ms" → seconds. */
export function parseDuration(text: string): number {
	let seconds = 0;
	for (const [, value, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) {
		seconds += Number(value) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
	}
	return seconds;
}

/** Seconds since midnight of a log line's `HH:MM:SS` stamp. */
const stamp = (line: string | undefined) => {
	const [, h, m, s] = /^(\d\d):(\d\d):(\d\d) /.exec(line ?? '') ?? [];
	return h ? Number(h) * 3600 + Number(m) * 60 + Number(s) : undefined;
};

/** The phases of one build log, or undefined when the log lacks a step (a failed build). */
export function buildPhases(log: string): BuildPhases | undefined {
	// Strip colours: Astro colours its log when it thinks it writes to a terminal.
	const lines = log
		.replace(new RegExp(`${String.fromCharCode(27)}\\[[\\d;]*m`, 'g'), '')
		.split('\n');
	const find = (pattern: RegExp) => lines.find((line) => pattern.test(line));
	const duration = (pattern: RegExp) => {
		const line = find(pattern);
		return line ? parseDuration(pattern.exec(line)![1]!) : undefined;
	};
	const setup = duration(/\[build\] ✓ Completed in (.+)\.$/);
	const bundle = duration(/\[vite\] ✓ built in (.+)$/);
	const render = duration(/^\d\d:\d\d:\d\d ✓ Completed in (.+)\.$/);
	// Starlight's Pagefind run (plain Starlight), or this project's, which logs the same words once
	// the index is written (src/integrations/search-index.ts).
	const pagefind = duration(
		/\[(?:starlight:pagefind|backend-roadmaps:search)\] Finished building search index in (.+)\.$/,
	);
	const indexed = stamp(
		find(/\[(?:starlight:pagefind|backend-roadmaps:search)\] Finished building search index/),
	);
	const done = stamp(find(/\[build\] \d+ page\(s\) built in/));
	if ([setup, bundle, render, pagefind, indexed, done].some((value) => value === undefined))
		return undefined;
	return {
		setup: setup!,
		bundle: bundle!,
		render: render!,
		pagefind: pagefind!,
		afterPagefind: (done! - indexed! + 86_400) % 86_400,
	};
}
