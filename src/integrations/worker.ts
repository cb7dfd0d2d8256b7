import { Worker } from 'node:worker_threads';

/**
 * Runs `module` in a worker thread with `workerData` and resolves with the one message it posts:
 * a build's checks that read every chapter run beside Astro's content sync, on the second core
 * (./content-checks.ts, ./content-policy.ts).
 */
export function inWorker<T>(module: URL, workerData: unknown): Promise<T> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(module, { workerData });
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (code !== 0) reject(new Error(`The worker ${module.pathname} stopped with code ${code}.`));
		});
	});
}
