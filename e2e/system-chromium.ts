import { existsSync } from 'node:fs';

/**
 * The system Chromium, shared by the browser tests and the benchmark: no browser download works on
 * every machine, so `CHROMIUM_PATH`, else Debian's /usr/bin/chromium, when one exists.
 */
export const SYSTEM_CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
	(path): path is string => !!path && existsSync(path),
);

/** Flags that keep Chromium from phoning home or needing a GPU/sandbox in containers. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
];
