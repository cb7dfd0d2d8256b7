import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NGINX, missingToolsMessage } from '../scripts/system-tools.ts';

const DEPLOY = resolve(import.meta.dirname, '../deploy');

export interface RunningNginx {
	origin: string;
	stop(): Promise<void>;
}

/**
 * Starts a real nginx in the foreground on a free loopback port, configured with the shipped
 * `deploy/nginx.conf` server block and `deploy/nginx/` snippets (copied verbatim; only the listen
 * address, root and base path of the server block are replaced), serving `distDir` under
 * `basePath`. Everything nginx writes (pid, logs, temp files) lives in a temporary prefix, so it
 * runs as root or as a normal user.
 */
export async function startNginx(
	distDir: string,
	basePath: string,
	port?: number,
): Promise<RunningNginx> {
	if (!NGINX)
		throw new Error(
			missingToolsMessage({ chromium: true, nginx: false }, 'The self-hosting tests'),
		);
	const prefix = await mkdtemp(join(tmpdir(), 'roadmaps-nginx-'));
	const conf = join(prefix, 'conf');
	const webRoot = join(prefix, 'www');
	await mkdir(join(conf, 'conf.d'), { recursive: true });
	await cp(join(DEPLOY, 'nginx'), join(conf, 'roadmaps'), { recursive: true });
	await mkdir(join(webRoot, basePath), { recursive: true });
	await rm(join(webRoot, basePath), { recursive: true });
	await symlink(resolve(distDir), join(webRoot, basePath.replace(/\/$/, '')));

	port ??= await freePort();
	const server = replaceOnce(
		replaceOnce(
			replaceOnce(
				await readFile(join(DEPLOY, 'nginx.conf'), 'utf8'),
				/listen [^;]+;/,
				`listen 127.0.0.1:${port};`,
			),
			/root [^;]+;/,
			`root ${webRoot};`,
		),
		/set \$base_path [^;]+;/,
		`set $base_path ${basePath};`,
	);
	await writeFile(join(conf, 'conf.d', 'roadmaps.conf'), server);
	const temp = (name: string) => `${name}_temp_path ${join(prefix, `${name}_temp`)};`;
	await writeFile(
		join(conf, 'nginx.conf'),
		[
			// Started as root, nginx would run its workers as `nobody`, who cannot read the temp prefix.
			process.getuid?.() === 0 ? 'user root;' : '',
			'worker_processes 1;',
			`error_log ${join(prefix, 'error.log')} warn;`,
			`pid ${join(prefix, 'nginx.pid')};`,
			'events { worker_connections 128; }',
			'http {',
			'include /etc/nginx/mime.types;',
			'default_type application/octet-stream;',
			`access_log ${join(prefix, 'access.log')};`,
			...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp),
			'include conf.d/roadmaps.conf;',
			'}',
		].join('\n'),
	);

	const child = spawn(
		NGINX,
		[
			'-p',
			prefix,
			'-c',
			join(conf, 'nginx.conf'),
			'-e',
			join(prefix, 'error.log'),
			'-g',
			'daemon off;',
		],
		{
			stdio: ['ignore', 'inherit', 'inherit'],
		},
	);
	const origin = `http://127.0.0.1:${port}`;
	const failedToStart = new Promise<never>((_, fail) =>
		child.once('error', (error) =>
			fail(new Error(`${NGINX} could not be started: ${error.message}`)),
		),
	);
	await Promise.race([waitUntilUp(origin, child, prefix), failedToStart]);
	return {
		origin,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((done) => child.once('exit', done));
				child.kill('SIGQUIT'); // graceful: nginx stops its workers too
				await exited;
			}
			await rm(prefix, { recursive: true, force: true });
		},
	};
}

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
	const matches = text.match(new RegExp(pattern, 'g')) ?? [];
	if (matches.length !== 1) {
		throw new Error(
			`deploy/nginx.conf: expected exactly one ${pattern} line, found ${matches.length}; the test rewrites it.`,
		);
	}
	return text.replace(pattern, () => replacement);
}

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
			);
		});
	});
}

async function waitUntilUp(origin: string, child: ChildProcess, prefix: string): Promise<void> {
	for (let attempt = 0; attempt < 100; attempt++) {
		if (child.exitCode !== null) {
			const log = await readFile(join(prefix, 'error.log'), 'utf8').catch(() => '');
			throw new Error(`nginx exited with code ${child.exitCode}:\n${log}`);
		}
		try {
			await fetch(origin);
			return;
		} catch {
			await new Promise((done) => setTimeout(done, 100));
		}
	}
	throw new Error(`nginx did not answer on ${origin} within 10 s`);
}
