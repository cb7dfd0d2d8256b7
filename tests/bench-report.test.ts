import { chromium } from '@playwright/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { median, summarizeSize, type BuildResult } from '../bench/lib/build.ts';
import { buildPhases, parseDuration } from '../bench/lib/phases.ts';
import { formatNumber, smokeGaps, toMarkdown, type Results } from '../bench/lib/report.ts';

afterEach(() => {
	vi.unstubAllEnvs();
	vi.resetModules();
});

describe('bench report', () => {
	it('prints measured values without float noise', () => {
		expect(formatNumber(5.100000000093132)).toBe('5.1');
		expect(formatNumber(4.099999999627471)).toBe('4.1');
		expect(formatNumber(2619)).toBe('2619');
		const results: Results = {
			date: '2026-11-23T00:00:00.000Z',
			commit: 'abc123',
			load: { start: [0.5, 0.4, 0.3], end: [1, 0.5, 0.3] },
			machine: { cpus: 2, cpuModel: 'test', memoryGB: 1, node: 'v24' },
			budgets: {
				progress: { restore: { value: 5.100000000093132, unit: 'ms', budget: 16, ok: true } },
			},
		};
		const table = toMarkdown(results);
		expect(table).toContain('| progress: restore (budget 16 ms) | 5.1 ms | ✓ |');
		expect(table).not.toContain('5.100000000093132');
		expect(table).toContain(
			'Measured 2026-11-23 00:00 UTC at commit `abc123` on 2 × test, 1 GB RAM, Node v24; load average 0.50 / 0.40 / 0.30 at the start, 1.00 / 0.50 / 0.30 at the end',
		);
	});

	it('a smoke run fails on a part that measured nothing, never on a timing', () => {
		const base: Results = {
			date: '2026-11-23T00:00:00.000Z',
			commit: 'abc123',
			load: { start: [0, 0, 0], end: [0, 0, 0] },
			machine: { cpus: 2, cpuModel: 'test', memoryGB: 1, node: 'v24' },
		};
		const slow = { value: 99_999, unit: 'ms', budget: 16, ok: false };
		expect(
			smokeGaps(
				{ ...base, budgets: { progress: { restore: slow } } },
				{ sizes: [], parts: ['budgets'] },
			),
		).toEqual([]);
		expect(
			smokeGaps(
				{
					...base,
					budgets: {
						progress: { restore: { ...slow, value: Number.NaN } },
						search: 'not available',
					},
				},
				{ sizes: [100], parts: ['build', 'budgets', 'weight', 'lighthouse'] },
			),
		).toEqual([
			'build: 100 chapters',
			'page weight',
			'Lighthouse scores',
			'progress: restore measured NaN',
			'search budgets: not available',
		]);
	});

	it("falls back to Playwright's own Chromium when there is no system one", async () => {
		vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
		const { CHROMIUM_PATH } = await import('../bench/lib/chromium.ts');
		expect(CHROMIUM_PATH).toBe(chromium.executablePath());
		expect(CHROMIUM_PATH).not.toBe('/usr/bin/chromium');
	});

	it('reads the build steps from an astro build log', () => {
		expect(parseDuration('1m 24s')).toBe(84);
		expect(parseDuration('820ms')).toBeCloseTo(0.82);
		const log = [
			'23:40:26 [build] ✓ Completed in 24.08s.',
			'23:41:25 [vite] ✓ built in 58.93s',
			'23:41:26 [vite] ✓ built in 403ms',
			'23:41:49 ✓ Completed in 22.36s.',
			'23:41:49 [build] ✓ Completed in 1m 24s.',
			'23:42:14 [starlight:pagefind] Finished building search index in 25.03s.',
			'23:42:39 [build] 1049 page(s) built in 2m 37s',
		].join('\n');
		expect(buildPhases(log)).toEqual({
			setup: 24.08,
			bundle: 58.93,
			render: 22.36,
			pagefind: 25.03,
			afterPagefind: 25,
		});
		// This project's own Pagefind step logs the same words once the index is written.
		expect(
			buildPhases(
				log.replace(
					'[starlight:pagefind] Finished building search index in 25.03s.',
					'[backend-roadmaps:search] Finished building search index in 820ms.',
				),
			)?.pagefind,
		).toBeCloseTo(0.82);
		expect(buildPhases('23:40:26 [build] ✓ Completed in 24.08s.')).toBeUndefined();
	});
});

describe('bench builds, paired', () => {
	const build = (seconds: number, peak: number): BuildResult => ({
		chapters: 1000,
		seconds,
		chaptersPerSecond: 1000 / seconds,
		peakRssBytes: peak,
		distBytes: 1,
		pagefindBytes: 1,
		dir: '/tmp',
	});

	it('takes medians: of times by build, of peaks, and of the pairs’ ratios', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		// The second pair ran on a slow machine for plain Starlight only: its ratio is the outlier.
		const size = summarizeSize(1000, 'run', [
			{ project: build(20, 300), plain: build(16, 200) },
			{ project: build(21, 100), plain: build(21, 210) },
			{ project: build(22, 200), plain: build(17, 190) },
		]);
		expect(size.pairRatios).toEqual([16 / 20, 21 / 21, 17 / 22]);
		expect(size.throughputRatio).toBe(16 / 20);
		expect(size.project.seconds).toBe(21);
		expect(size.plain.seconds).toBe(17);
		expect(size.project.peakRssBytes).toBe(200);
		expect(size.plain.peakRssBytes).toBe(200);
		const table = toMarkdown({
			date: '2026-12-07T00:00:00.000Z',
			commit: 'abc',
			load: { start: [0, 0, 0], end: [0, 0, 0] },
			machine: { cpus: 2, cpuModel: 'test', memoryGB: 1, node: 'v24' },
			builds: [size],
		});
		expect(table).toContain('Each size built 3 times (1000)');
		expect(table).toContain('1000: 0.80, 1.00, 0.77');
	});
});
