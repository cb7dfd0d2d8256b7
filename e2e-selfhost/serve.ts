/**
 * Playwright's web server for the self-host project: the `/roadmaps/` build served by a real nginx
 * with the shipped deploy/ config on `SELFHOST_PORT`, until Playwright stops it (SIGTERM), when
 * nginx and its temporary prefix are removed.
 */
import { startNginx } from './nginx-server.ts';
import { SELFHOST_BASE, SELFHOST_DIST } from '../scripts/selfhost-paths.ts';

const port = Number(process.env.SELFHOST_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('SELFHOST_PORT must be a port number.');
const nginx = await startNginx(SELFHOST_DIST, SELFHOST_BASE, port);
console.log(`nginx serves ${SELFHOST_DIST} at ${nginx.origin}${SELFHOST_BASE}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => void nginx.stop().then(() => process.exit(0)));
}
