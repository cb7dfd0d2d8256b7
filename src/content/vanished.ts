import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { allItems, parseItemTree, type ItemTree } from './items.ts';

/**
 * Never lose a tick: every id (or alias) an item had where this change started must still exist in
 * the same roadmap, as an id or an alias, because learners' stored progress refers to it. The
 * content linter (`item-id-vanished`) and the build (`src/integrations/content-checks.ts`) both
 * run this check; each reads the earlier content from git.
 */

/** A chapter file as it was in a git revision. */
export interface BaselineFile {
	contentPath: string;
	source: string;
	/** The revision it was read from (short hash or ref). */
	revision: string;
}

/** Content files as they were where this change started. */
export type Baseline =
	| { ok: true; revisions: string[]; files: BaselineFile[] }
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
 * Reads every chapter under `contentDir` as it was where this change started, with a few git
 * processes whatever the number of files. The base is `requested`, else `LINT_BASE` (CI on a push
 * sets it to the commit before the push), else `origin/main`, else `main`:
 * - on a branch, the content where the branch left the base (their merge-base);
 * - on the base itself (a direct push, a fork's main, CI on push), that merge-base is HEAD, which
 *   shows uncommitted removals only, so HEAD's parent is read too: the last commit's removals.
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
	const revisions = [base];
	try {
		const fork = git(cwd, ['merge-base', base, 'HEAD']).trim();
		if (fork !== git(cwd, ['rev-parse', `${base}^{commit}`]).trim()) revisions[0] = fork.slice(0, 12);
		if (fork === git(cwd, ['rev-parse', 'HEAD']).trim() && !requested && !process.env.LINT_BASE) {
			git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}']);
			revisions.push('HEAD~1');
		}
	} catch {
		// No common history, no commit yet, or no parent: compare with what there is.
	}
	const prefix = relative(realpathSync(top), realpathSync(join(cwd, contentDir)))
		.split(sep)
		.join('/');
	const files = revisions.flatMap((revision) => readRevision(top, prefix, revision));
	return { ok: true, revisions, files };
}

/** Every chapter under `prefix` in `revision`, read in one `git cat-file --batch`. */
function readRevision(top: string, prefix: string, revision: string): BaselineFile[] {
	const paths = git(top, ['ls-tree', '-r', '--name-only', revision, '--', prefix || '.'])
		.split('\n')
		.filter((path) => /\.mdx?$/.test(path));
	if (paths.length === 0) return [];
	const output = execFileSync('git', ['cat-file', '--batch'], {
		cwd: top,
		input: paths.map((path) => `${revision}:${path}`).join('\n') + '\n',
		maxBuffer: 512 * 1024 * 1024,
	});
	const files: BaselineFile[] = [];
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
				revision,
			});
		}
		offset = type === 'blob' ? start + length + 1 : start;
	}
	return files;
}

/** An id of the baseline that no current item of its roadmap carries. */
export interface VanishedId {
	/** Path inside the content folder of the file that had it. */
	contentPath: string;
	marker: string;
	/** Where it was: `revision:path line N`. */
	was: string;
	/** Whether the whole file is gone. */
	fileGone: boolean;
}

/**
 * Ids (and aliases) in `baseline` that no chapter of the same roadmap carries now. `current` maps
 * each chapter's content path to its item tree.
 */
export function findVanishedIds(
	current: ReadonlyMap<string, ItemTree>,
	baseline: readonly BaselineFile[],
	contentDir: string,
): VanishedId[] {
	const roadmapOf = (contentPath: string) => contentPath.split('/')[0]!;
	const present = new Set<string>();
	for (const [contentPath, tree] of current) {
		for (const item of allItems(tree.items)) {
			for (const marker of [item.id, ...item.aliases])
				if (marker) present.add(`${roadmapOf(contentPath)}\0${marker}`);
		}
	}
	const found = new Map<string, VanishedId>();
	for (const { contentPath, source, revision } of baseline) {
		for (const item of allItems(parseItemTree(source).items)) {
			for (const marker of [item.id, ...item.aliases]) {
				const key = `${roadmapOf(contentPath)}\0${marker}`;
				if (!marker || present.has(key) || found.has(key)) continue;
				found.set(key, {
					contentPath,
					marker,
					was: `${revision}:${contentDir}/${contentPath} line ${item.place.line}`,
					fileGone: !current.has(contentPath),
				});
			}
		}
	}
	return [...found.values()];
}

/** What a contributor reads about a vanished id, in the linter and in a failed build. */
export function explainVanished(gone: VanishedId): { message: string; fix: string } {
	return {
		message: `item id ^${gone.marker} (${gone.was}) is gone${gone.fileGone ? ' with its file' : ''}; learners' ticks on it would be lost`,
		fix: `keep ^${gone.marker} on the item it became, as an alias after its id: \`- [ ] … ^new-id ^${gone.marker}\``,
	};
}
