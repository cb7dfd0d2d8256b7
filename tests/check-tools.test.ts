import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slowBrowserNote } from '../scripts/system-tools.ts';

const SCRIPT = join(import.meta.dirname, '..', 'scripts', 'check-tools.ts');

/** The `npm test` preflight with the given environment. */
function preflight(env: Record<string, string>) {
	const result = spawnSync(process.execPath, [SCRIPT], {
		encoding: 'utf8',
		env: { ...process.env, ...env },
	});
	return { status: result.status, stderr: result.stderr.trim() };
}

describe('npm test preflight', () => {
	it('passes when Chromium and nginx are there', () => {
		expect(preflight({}).status).toBe(0);
	});

	for (const ci of ['', 'true']) {
		it(`stops with one line naming a missing nginx and how to install it${ci ? ' (CI=true)' : ''}`, () => {
			const { status, stderr } = preflight({ NGINX_PATH: '/nonexistent/nginx', CI: ci });
			expect(status).toBe(1);
			expect(stderr.split('\n')).toHaveLength(1);
			expect(stderr).toMatch(/needs nginx, not found/);
			expect(stderr).toContain('sudo apt-get install nginx');
			expect(stderr).toContain('brew install nginx');
			expect(stderr).not.toMatch(/\bat \w+ \(|Error:/); // no stack trace
		});
	}

	it('names both tools when both are missing', () => {
		const { stderr } = preflight({
			NGINX_PATH: '/nonexistent/nginx',
			CHROMIUM_PATH: '/nonexistent/chromium',
			PLAYWRIGHT_BROWSERS_PATH: '/nonexistent/browsers',
		});
		expect(stderr).toMatch(/needs chromium and nginx/);
		expect(stderr).toContain('sudo apt-get install chromium nginx');
	});
});

describe('the headless-shell note', () => {
	it('says how to install the shell when only Debian’s full Chromium is there', () => {
		expect(slowBrowserNote({ systemChromium: true, headlessShell: false })).toContain(
			'sudo apt-get install chromium-headless-shell',
		);
	});
	it('says nothing when the shell is there, or the browser is not Debian’s', () => {
		expect(slowBrowserNote({ systemChromium: true, headlessShell: true })).toBeUndefined();
		expect(slowBrowserNote({ systemChromium: false, headlessShell: false })).toBeUndefined();
	});
});
