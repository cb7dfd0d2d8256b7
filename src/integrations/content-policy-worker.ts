import { parentPort, workerData } from 'node:worker_threads';
import { policyVerdict } from './content-policy.ts';

/**
 * Runs the build's content policy check over every chapter (./content-policy.ts) beside Astro's
 * content sync, on another core, and posts the verdict.
 */
const { cwd, contentDir } = workerData as { cwd: string; contentDir: string };
parentPort!.postMessage(policyVerdict(cwd, contentDir));
