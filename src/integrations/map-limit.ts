/**
 * `items.map(task)` with at most `limit` tasks running at once, results in order. The build's
 * passes over `dist/` (CSP, service worker) read one file per task: all at once, a 5,000-chapter
 * build would hold every page in memory together.
 */
export async function mapLimit<T, R>(
	items: readonly T[],
	limit: number,
	task: (item: T) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/** Files a pass over `dist/` works on at once: enough to keep the disk busy, few enough to hold. */
export const FILES_AT_ONCE = 16;
