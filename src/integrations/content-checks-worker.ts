import { parentPort, workerData } from 'node:worker_threads';
import { itemProblems } from '../content/checks.ts';

/**
 * Runs the build's item checks (src/content/checks.ts) beside the build, on another core
 * (src/integrations/content-checks.ts starts it), and posts what they found.
 */
const { root, contentDir } = workerData as { root: string; contentDir: string };
parentPort!.postMessage(itemProblems(root, contentDir, { vanished: true }));
