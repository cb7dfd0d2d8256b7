import { execFileSync } from 'node:child_process';

let dates: Map<string, Date> | undefined;

/**
 * Date of the last commit that touched a file under `content/`, read from one `git log` for the
 * whole folder (one process per build, not per page). Files git does not know get no date.
 * `filePath` is relative to the project (Astro's `entry.filePath`), wherever the repository's root is.
 */
export function lastCommitDate(filePath: string): Date | undefined {
	dates ??= readCommitDates();
	return dates.get(filePath.replace(/^\.\//, ''));
}

/**
 * The last commit date of every file under `<projectDir>/content`, keyed by its path relative to
 * `projectDir`. `--relative` makes git print paths relative to the directory it runs in rather
 * than to the repository root, so a site in a subfolder of its repository still finds its dates.
 */
export function readCommitDates(projectDir = process.cwd()): Map<string, Date> {
	const result = new Map<string, Date>();
	let log: string;
	try {
		log = execFileSync(
			'git',
			['log', '--relative', '--format=%x00%ct', '--name-only', '--', 'content'],
			{
				cwd: projectDir,
				encoding: 'utf8',
				maxBuffer: 256 * 1024 * 1024,
				stdio: ['ignore', 'pipe', 'ignore'],
			},
		);
	} catch {
		return result; // Not a git checkout (e.g. a tarball): pages simply show no date.
	}
	for (const commit of log.split('\0').slice(1)) {
		const [timestamp, ...files] = commit.trim().split('\n');
		const date = new Date(Number(timestamp) * 1000);
		// Newest commits come first, so the first date seen for a file is its last change.
		for (const file of files) if (file && !result.has(file)) result.set(file, date);
	}
	return result;
}
