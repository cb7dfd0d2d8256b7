import { startNginx } from './nginx-server';
import { SELFHOST_BASE, SELFHOST_DIST } from './paths';

/** Starts nginx for the whole run; tests read its origin from SELFHOST_ORIGIN. */
export default async function globalSetup() {
	const nginx = await startNginx(SELFHOST_DIST, SELFHOST_BASE);
	process.env.SELFHOST_ORIGIN = nginx.origin;
	return () => nginx.stop();
}
