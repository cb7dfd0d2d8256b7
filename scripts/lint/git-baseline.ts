import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Content files as they are in a git revision. */
export type Baseline =
	| { ok: true; revision: string; files: { contentPath: string; source: string }[] }
	| { ok: false; reason: string; fix: string };

const git = (cwd: string, args: string[], input?: string) =>
	execFileSync('git', args, {
		cwd,
		input,
		encoding: 'utf8',
		maxBuffer: 512 * 1024 * 1024,
		stdio: ['pipe', 'pipe', 'ignore'],
	});

/**
 * Reads every chapter under `contentDir` as it was where this branch left the base revision
 * (`requested`, else `LINT_BASE`, else `origin/main`, else `main`; their merge-base with HEAD),
 * with a few git processes whatever the number of files.
 */
export function readBaseline(cwd: string, contentDir: string, requested?: string): Baseline {
	let top: string;
	try {
		top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
	} catch {
		return {
			ok: false,
			reason: 'git is not available or this is not a git checkout',
			fix: 'run the linter inside a git clone with git installed',
		};
	}
	const candidates = requested
		? [requested]
		: process.env.LINT_BASE
			? [process.env.LINT_BASE]
			: ['origin/main', 'main'];
	const base = candidates.find((rev) => {
		try {
			git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
			return true;
		} catch {
			return false;
		}
	});
	if (!base) {
		return {
			ok: false,
			reason: `no base revision to compare item ids with (${candidates.join(', ')} not found)`,
			fix: 'fetch the main branch (`git fetch origin main`) or pass `--base REV` / set LINT_BASE',
		};
	}
	// Compare with where this branch left the base: ids added there since are not this branch's to keep.
	let revision = base;
	try {
		const fork = git(cwd, ['merge-base', base, 'HEAD']).trim();
		if (fork !== git(cwd, ['rev-parse', `${base}^{commit}`]).trim()) revision = fork.slice(0, 12);
	} catch {
		// No common history (or no commit yet): compare with the base itself.
	}
	const prefix = relative(realpathSync(top), realpathSync(join(cwd, contentDir)))
		.split(sep)
		.join('/');
	const paths = git(top, ['ls-tree', '-r', '--name-only', revision, '--', prefix || '.'])
		.split('\n')
		.filter((path) => /\.mdx?$/.test(path));
	if (paths.length === 0) return { ok: true, revision, files: [] };
	const output = execFileSync('git', ['cat-file', '--batch'], {
		cwd: top,
		input: paths.map((path) => `${revision}:${path}`).join('\n') + '\n',
		maxBuffer: 512 * 1024 * 1024,
	});
	const files: { contentPath: string; source: string }[] = [];
	let offset = 0;
	for (const path of paths) {
		const headerEnd = output.indexOf(0x0a, offset);
		const [, type, size] = output.subarray(offset, headerEnd).toString('utf8').split(' ');
		const start = headerEnd + 1;
		const length = Number(size);
		if (type === 'blob') {
			files.push({
				contentPath: prefix ? path.slice(prefix.length + 1) : path,
				source: output.subarray(start, start + length).toString('utf8'),
			});
		}
		offset = type === 'blob' ? start + length + 1 : start;
	}
	return { ok: true, revision, files };
}
