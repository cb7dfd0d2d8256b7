import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	checkUrls,
	describe as describeOutcome,
	USER_AGENT,
} from '../../scripts/external/check.ts';

/** A local server answering 200, 301, 404, 405-on-HEAD and never (a timeout). */
let server: Server;
let origin: string;
const agents: string[] = [];
const pending: import('node:http').ServerResponse[] = [];

beforeAll(async () => {
	server = createServer((request, response) => {
		agents.push(request.headers['user-agent'] ?? '');
		switch (request.url) {
			case '/ok':
				return response.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
			case '/moved':
				return response.writeHead(301, { location: '/ok' }).end();
			case '/gone':
				return response.writeHead(404).end();
			case '/no-head':
				return response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
			case '/never':
				pending.push(response); // answered only when the server closes
				return;
			default:
				return response.writeHead(500).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	for (const response of pending) response.destroy();
	await new Promise((resolve) => server.close(resolve));
});

describe('check:external', () => {
	it('sorts URLs into fine, redirected, broken and timed out, each once, politely', async () => {
		const url = (path: string) => `${origin}${path}`;
		const outcomes = await checkUrls(
			[url('/ok'), url('/moved'), url('/gone'), url('/no-head'), url('/never'), url('/ok')],
			{ timeoutMs: 500 },
		);
		expect(outcomes).toEqual([
			{ url: url('/ok'), kind: 'ok', status: 200 },
			{ url: url('/moved'), kind: 'redirect', status: 301, location: url('/ok') },
			{ url: url('/gone'), kind: 'broken', status: 404 },
			{ url: url('/no-head'), kind: 'ok', status: 200 },
			{ url: url('/never'), kind: 'timeout' },
		]);
		expect(outcomes.map(describeOutcome)).toEqual([
			undefined,
			`redirect 301  ${url('/moved')}  ->  ${url('/ok')}`,
			`broken 404  ${url('/gone')}`,
			undefined,
			`timeout  ${url('/never')}`,
		]);
		// Every request says what it is.
		expect(new Set(agents)).toEqual(new Set([USER_AGENT]));
	});

	it('reports a host that refuses connections as an error, not a crash', async () => {
		// A port that was just free: nothing listens on it.
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const { port } = closed.address() as AddressInfo;
		await new Promise((resolve) => closed.close(resolve));
		const [outcome] = await checkUrls([`http://127.0.0.1:${port}/`], { timeoutMs: 2_000 });
		expect(outcome).toMatchObject({ kind: 'error', message: 'ECONNREFUSED' });
	});
});
