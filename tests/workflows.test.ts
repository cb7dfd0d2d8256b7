import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const WORKFLOWS = join(import.meta.dirname, '..', '.github', 'workflows');
const read = (name: string) => readFileSync(join(WORKFLOWS, name), 'utf8');

/** Pull requests bring strangers' content: their runs get no write token and no secrets. */
describe('CI workflows', () => {
	it('no workflow runs pull requests with the base repository\u2019s token', () => {
		for (const name of readdirSync(WORKFLOWS)) {
			expect(Object.keys(parse(read(name)).on ?? {}), name).not.toContain('pull_request_target');
		}
	});

	it('the pull request workflow has a read-only token and uses no secrets', () => {
		const ci = parse(read('ci.yml'));
		expect(Object.keys(ci.on)).toContain('pull_request');
		expect(ci.permissions).toEqual({ contents: 'read' });
		for (const job of Object.values<{ permissions?: unknown }>(ci.jobs)) {
			expect(job.permissions ?? ci.permissions).toEqual({ contents: 'read' });
		}
		expect(read('ci.yml')).not.toMatch(/secrets\.|GITHUB_TOKEN/);
	});

	it('Pages deploys only on pushes to main, and only its deploy job may write', () => {
		const pages = parse(read('pages.yml'));
		expect(pages.on).toEqual({ push: { branches: ['main'] } });
		expect(pages.permissions).toEqual({ contents: 'read' });
		expect(pages.jobs.build.permissions).toEqual({ contents: 'read', pages: 'read' });
		expect(pages.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
		expect(pages.jobs.deploy.if).toBe(
			"github.event_name == 'push' && github.ref == 'refs/heads/main'",
		);
	});

	it('the external link check runs weekly and by hand, read-only, and fails on a broken link', () => {
		const links = parse(read('links.yml'));
		expect(links.on).toEqual({ schedule: [{ cron: '17 6 * * 1' }], workflow_dispatch: null });
		expect(links.permissions).toEqual({ contents: 'read' });
		expect(read('links.yml')).not.toMatch(/secrets\.|GITHUB_TOKEN|continue-on-error/);
		const steps = links.jobs['external-links'].steps as { run?: string }[];
		expect(steps.at(-1)).toEqual({ run: 'npm run check:external' });
	});
});
