import type { SizeResult } from './build.ts';
import type { BuildPhases } from './phases.ts';
import type { PageWeight } from './weight.ts';
import type { LighthouseResult } from './lighthouse.ts';
import { CATEGORIES } from './lighthouse.ts';

/** A budget from another module: `bench/progress-budget.ts`, `bench/search-budget.ts`. */
export type Budget = Record<string, { value: number; unit: string; budget: number; ok: boolean }>;

/** Everything one run measured; parts not run keep their last values. */
export interface Results {
	date: string;
	/** The commit measured (`+changes` when the work tree differed from it). */
	commit: string;
	/** The machine's 1, 5 and 15 minute load averages when the run started and ended. */
	load: { start: number[]; end: number[] };
	machine: { cpus: number; cpuModel: string; memoryGB: number; node: string };
	builds?: SizeResult[];
	weight?: {
		project: PageWeight[];
		plainChapter: PageWeight;
		/** Scripts on a chapter that plain Starlight does not load. */
		addedJs: { source: string; gzip: number }[];
		addedJsGzip: number;
	};
	lighthouse?: LighthouseResult[];
	budgets?: Record<string, Budget | 'not available'>;
}

export interface Check {
	target: string;
	actual: string;
	ok: boolean | null;
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const KB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (value: number) => `${value.toFixed(2)}x`;

/**
 * A measured value as a reader wants it: at most one decimal, no float noise. Timers in Chromium
 * return values like 5.100000000093132 (ms), which no one should read in a table.
 */
export function formatNumber(value: number): string {
	return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The issue's targets, each with what was measured; `ok: null` when that part has not run. */
export function checkBudgets(results: Results): Check[] {
	const checks: Check[] = [];
	const builds = results.builds ?? [];
	for (const size of [1000, 5000]) {
		const run = builds.find((b) => b.chapters === size);
		const spread =
			run?.pairRatios && run.pairRatios.length > 1
				? ` (median of ${run.pairRatios.length} pairs, ${ratio(Math.min(...run.pairRatios))} to ${ratio(Math.max(...run.pairRatios))})`
				: '';
		checks.push({
			target: `build throughput at ${size} chapters ≥ 0.9x plain Starlight`,
			actual: run ? `${ratio(run.throughputRatio)}${spread}` : 'not run',
			ok: run ? run.throughputRatio >= 0.9 : null,
		});
	}
	// Load on a shared machine changes between runs: compare sizes measured in the same run.
	const large = builds.find((b) => b.chapters === 5000);
	const small = builds.find((b) => b.chapters === 1000 && b.run === large?.run);
	// Growth from 1,000 to 5,000 chapters, against plain Starlight's own growth in the same run.
	const growth = (site: 'project' | 'plain') => large![site].seconds / small![site].seconds;
	checks.push({
		target: '1,000 → 5,000 chapters grows ≤ plain Starlight’s growth + 10 %',
		actual:
			small && large ? `${ratio(growth('project'))} (plain ${ratio(growth('plain'))})` : 'not run',
		ok: small && large ? growth('project') <= growth('plain') * 1.1 : null,
	});
	for (const size of [1000, 5000]) {
		const run = builds.find((b) => b.chapters === size);
		const rss =
			run?.project.peakRssBytes && run.plain.peakRssBytes
				? run.project.peakRssBytes / run.plain.peakRssBytes
				: undefined;
		checks.push({
			target: `peak memory at ${size} chapters ≤ 1.15x plain Starlight`,
			actual: rss ? ratio(rss) : 'not run',
			ok: rss ? rss <= 1.15 : null,
		});
		const dist = run ? run.project.distBytes / run.plain.distBytes : undefined;
		checks.push({
			target: `dist/ at ${size} chapters ≤ 1.5x plain Starlight`,
			actual: dist ? ratio(dist) : 'not run',
			ok: dist ? dist <= 1.5 : null,
		});
	}
	for (const size of [1000, 5000]) {
		const precache = builds.find((b) => b.chapters === size)?.project.precache;
		checks.push({
			target: `a first visit precaches ≤ 5 MB at ${size} chapters`,
			actual: precache
				? `${MB(precache.bytes)} (${precache.files} files, ${precache.mode})`
				: 'not run',
			ok: precache ? precache.bytes <= 5 * 1024 * 1024 : null,
		});
	}
	checks.push({
		target: 'JS added to a chapter over plain Starlight ≤ 4 KB gzipped',
		actual: results.weight ? KB(results.weight.addedJsGzip) : 'not run',
		ok: results.weight ? results.weight.addedJsGzip <= 4096 : null,
	});
	for (const page of results.lighthouse ?? []) {
		const scores = CATEGORIES.map((c) => page.scores[c]);
		checks.push({
			target: `Lighthouse 100 ×4 on ${page.path}`,
			actual: scores.join(' / '),
			ok: scores.every((s) => s === 100),
		});
	}
	if (!results.lighthouse)
		checks.push({
			target: 'Lighthouse 100 ×4 on 3 pages',
			actual: 'not run',
			ok: null,
		});
	for (const [name, budget] of Object.entries(results.budgets ?? {})) {
		if (budget === 'not available') {
			checks.push({
				target: `${name} budgets`,
				actual: 'not available',
				ok: null,
			});
			continue;
		}
		for (const [key, b] of Object.entries(budget)) {
			checks.push({
				target: `${name}: ${key} (budget ${b.budget} ${b.unit})`,
				actual: `${formatNumber(b.value)} ${b.unit}`,
				ok: b.ok,
			});
		}
	}
	return checks;
}

const PHASES: [keyof BuildPhases, string][] = [
	['setup', 'setup: config, content sync, types'],
	['bundle', 'bundle: Vite/Rolldown, every chapter compiled'],
	['render', 'render: every page to HTML'],
	['pagefind', 'Pagefind index'],
	['afterPagefind', 'after Pagefind: sitemap; project: CSP check, service worker'],
];

/** Seconds per build step, this project against plain Starlight, for each size measured. */
function phaseTable(builds: SizeResult[]): string[] {
	const measured = builds.filter((run) => run.project.phases && run.plain.phases);
	if (measured.length === 0) return [];
	const seconds = (value: number) => `${value.toFixed(1)} s`;
	return [
		`| build step | ${measured.map((run) => `${run.chapters}: project / plain (extra)`).join(' | ')} |`,
		`| --- |${' ---: |'.repeat(measured.length)}`,
		...PHASES.map(
			([key, label]) =>
				`| ${label} | ${measured
					.map((run) => {
						const project = run.project.phases![key];
						const plain = run.plain.phases![key];
						const extra = project - plain;
						return `${seconds(project)} / ${seconds(plain)} (${extra >= 0 ? '+' : '−'}${seconds(Math.abs(extra))})`;
					})
					.join(' | ')} |`,
		),
		'',
	];
}

const loadText = (load: number[]) => load.map((value) => value.toFixed(2)).join(' / ');

/**
 * What a smoke run (`npm run bench -- --smoke`) failed to measure: a size without both builds'
 * figures or build steps, a part without results, a budget probe that was not available or
 * measured a non-number. Empty when the bench works; timings themselves are never judged here.
 */
export function smokeGaps(results: Results, ran: { sizes: number[]; parts: string[] }): string[] {
	const gaps: string[] = [];
	const finite = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
	if (ran.parts.includes('build')) {
		for (const size of ran.sizes) {
			const run = results.builds?.find((b) => b.chapters === size);
			if (!run) gaps.push(`build: ${size} chapters`);
			else
				for (const [name, b] of [
					['this project', run.project],
					['plain Starlight', run.plain],
				] as const) {
					if (!finite(b.seconds) || b.distBytes === 0) gaps.push(`build: ${name} at ${size}`);
					if (!b.phases) gaps.push(`build steps: ${name} at ${size} (the log format changed?)`);
				}
			if (run && !finite(run.project.precache?.bytes))
				gaps.push(`build: this project's first-visit precache at ${size} (no sw.js?)`);
		}
	}
	if (ran.parts.includes('weight') && !results.weight?.project.length) gaps.push('page weight');
	if (ran.parts.includes('lighthouse')) {
		const scores = results.lighthouse?.flatMap((page) => Object.values(page.scores)) ?? [];
		if (scores.length === 0 || !scores.every(finite)) gaps.push('Lighthouse scores');
	}
	if (ran.parts.includes('budgets')) {
		for (const [name, budget] of Object.entries(results.budgets ?? { budgets: 'not available' })) {
			if (budget === 'not available') gaps.push(`${name} budgets: not available`);
			else
				for (const [probe, { value }] of Object.entries(budget))
					if (!finite(value)) gaps.push(`${name}: ${probe} measured ${String(value)}`);
		}
	}
	return gaps;
}

const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? '✓' : '✗');

/** The results as Markdown tables (docs/benchmarks.md, bench/results/latest.md). */
export function toMarkdown(results: Results): string {
	const { machine } = results;
	const lines = [
		`Measured ${results.date.slice(0, 16).replace('T', ' ')} UTC at commit \`${results.commit ?? 'unknown'}\` on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB RAM, Node ${machine.node}` +
			(results.load
				? `; load average ${loadText(results.load.start)} at the start, ${loadText(results.load.end)} at the end`
				: '') +
			' (a shared machine: compare the ratios, not the absolute times).',
		'',
	];
	if (results.builds?.length) {
		lines.push(
			'| chapters | site | time | chapters/s | peak RSS | dist | Pagefind index |',
			'| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
		);
		for (const run of results.builds) {
			for (const [name, b] of [
				['this project', run.project],
				['plain Starlight', run.plain],
			] as const) {
				lines.push(
					`| ${run.chapters} | ${name} | ${b.seconds.toFixed(1)} s | ${b.chaptersPerSecond.toFixed(1)} | ${b.peakRssBytes ? MB(b.peakRssBytes) : 'n/a'} | ${MB(b.distBytes)} | ${MB(b.pagefindBytes)} |`,
				);
			}
			lines.push(
				`| ${run.chapters} | **ratio** project/plain | ${(run.project.seconds / run.plain.seconds).toFixed(2)} | **${run.throughputRatio.toFixed(2)}** | ${run.project.peakRssBytes && run.plain.peakRssBytes ? (run.project.peakRssBytes / run.plain.peakRssBytes).toFixed(2) : 'n/a'} | ${(run.project.distBytes / run.plain.distBytes).toFixed(2)} | ${(run.project.pagefindBytes / run.plain.pagefindBytes).toFixed(2)} |`,
			);
		}
		const paired = results.builds.filter((run) => (run.pairRatios?.length ?? 0) > 1);
		if (paired.length > 0)
			lines.push(
				'',
				`Each size built ${paired.map((run) => `${run.pairRatios!.length} times (${run.chapters})`).join(', ')} with each site, alternated: times, steps and sizes are each site's median build, peak RSS the median of its builds, and the throughput ratio the median of the pairs' (${paired.map((run) => `${run.chapters}: ${run.pairRatios!.map((r) => r.toFixed(2)).join(', ')}`).join('; ')}).`,
			);
		lines.push('');
		lines.push(...phaseTable(results.builds));
	}
	if (results.weight) {
		lines.push(
			'| page (first load) | requests | HTML raw / gz | CSS raw / gz | JS raw / gz | total raw / gz |',
			'| --- | ---: | ---: | ---: | ---: | ---: |',
		);
		const row = (label: string, w: PageWeight) =>
			`| ${label} | ${w.requests} | ${KB(w.html.raw)} / ${KB(w.html.gzip)} | ${KB(w.css.raw)} / ${KB(w.css.gzip)} | ${KB(w.js.raw)} / ${KB(w.js.gzip)} | ${KB(w.total.raw)} / ${KB(w.total.gzip)} |`;
		for (const w of results.weight.project) lines.push(row(`\`${w.path}\``, w));
		lines.push(
			row(`plain Starlight \`${results.weight.plainChapter.path}\``, results.weight.plainChapter),
		);
		const added = results.weight.addedJs.map((s) => `\`${s.source}\` ${KB(s.gzip)}`).join(', ');
		lines.push(
			'',
			`JS a chapter loads beyond plain Starlight's chapter (total gzipped JS, project minus plain): **${KB(results.weight.addedJsGzip)}**. Scripts whose content plain Starlight does not load${added ? `: ${added}` : ': none'}.`,
			'',
		);
	}
	if (results.lighthouse) {
		lines.push(
			`| Lighthouse (mobile) | ${CATEGORIES.join(' | ')} |`,
			`| --- |${' ---: |'.repeat(CATEGORIES.length)}`,
		);
		for (const page of results.lighthouse) {
			lines.push(
				`| \`${page.path}\` | ${CATEGORIES.map((c) => page.scores[c] ?? 'n/a').join(' | ')} |`,
			);
		}
		const failing = results.lighthouse.flatMap((page) =>
			page.failing.map(
				(f) =>
					`- \`${page.path}\` ${f.category}: ${f.title} (\`${f.id}\`${f.displayValue ? `, ${f.displayValue}` : ''})`,
			),
		);
		if (failing.length) lines.push('', 'Audits that cost points:', '', ...failing);
		lines.push('');
	}
	lines.push('| target | measured | met |', '| --- | --- | :---: |');
	for (const check of checkBudgets(results))
		lines.push(`| ${check.target} | ${check.actual} | ${mark(check.ok)} |`);
	return lines.join('\n') + '\n';
}
