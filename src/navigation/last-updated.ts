import { execFileSync } from 'node:child_process';

let dates: Map<string, Date> | undefined;

/**
 * Date of the last commit that touched a file under `content/`, read from one `git log` for the
 * whole folder (one process per build, not per page). Files git does not know get no date.
 */
export function lastCommitDate(filePath: string): Date | undefined {
	dates ??= readCommitDates();
	return dates.get(filePath.replace(/^\.\//, ''));
}

function readCommitDates(): Map<string, Date> {
	const result = new Map<string, Date>();
	let log: string;
	try {
		log = execFileSync('git', ['log', '--format=%x00%ct', '--name-only', '--', 'content'], {
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
			stdio: ['ignore', 'pipe', 'ignore'],
		});
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
