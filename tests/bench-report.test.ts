import { chromium } from '@playwright/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatNumber, toMarkdown, type Results } from '../bench/lib/report.ts';

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
			machine: { cpus: 2, cpuModel: 'test', memoryGB: 1, node: 'v24' },
			budgets: {
				progress: { restore: { value: 5.100000000093132, unit: 'ms', budget: 16, ok: true } },
			},
		};
		const table = toMarkdown(results);
		expect(table).toContain('| progress: restore (budget 16 ms) | 5.1 ms | ✓ |');
		expect(table).not.toContain('5.100000000093132');
	});

	it("falls back to Playwright's own Chromium when there is no system one", async () => {
		vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
		const { CHROMIUM_PATH } = await import('../bench/lib/chromium.ts');
		expect(CHROMIUM_PATH).toBe(chromium.executablePath());
		expect(CHROMIUM_PATH).not.toBe('/usr/bin/chromium');
	});
});
