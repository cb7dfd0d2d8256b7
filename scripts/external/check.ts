/**
 * Requests external URLs and sorts them into fine, redirected and broken, for
 * `npm run check:external` (scripts/check-external.ts). Polite: a few requests at a time and one
 * at a time per host, a user agent that says what it is, a timeout on every request, HEAD first
 * and GET only where a server refuses HEAD.
 */

export type Outcome =
	| { url: string; kind: 'ok'; status: number }
	| { url: string; kind: 'redirect'; status: number; location: string }
	| { url: string; kind: 'broken'; status: number }
	| { url: string; kind: 'timeout' }
	| { url: string; kind: 'error'; message: string };

export interface CheckOptions {
	/** Requests in flight at once, across hosts. */
	concurrency?: number;
	/** Milliseconds before a request counts as timed out. */
	timeoutMs?: number;
	userAgent?: string;
}

export const USER_AGENT =
	'backend-roadmaps-link-check/1.0 (checks the documentation links of a learning site, once a week)';

/** Statuses some servers answer to HEAD while GET works: asked again with GET. */
const RETRY_WITH_GET = new Set([403, 405, 501]);

async function request(url: string, method: 'HEAD' | 'GET', options: Required<CheckOptions>) {
	const response = await fetch(url, {
		method,
		redirect: 'manual',
		headers: { 'user-agent': options.userAgent, accept: 'text/html,*/*;q=0.8' },
		signal: AbortSignal.timeout(options.timeoutMs),
	});
	// Only the status matters: free the connection.
	await response.body?.cancel();
	return response;
}

/** Checks one URL: its status, and where a redirect leads (resolved against the URL). */
export async function checkUrl(url: string, options: CheckOptions = {}): Promise<Outcome> {
	const opts: Required<CheckOptions> = {
		concurrency: 4,
		timeoutMs: 15_000,
		userAgent: USER_AGENT,
		...options,
	};
	try {
		let response = await request(url, 'HEAD', opts);
		if (RETRY_WITH_GET.has(response.status)) response = await request(url, 'GET', opts);
		const { status } = response;
		if (status >= 300 && status < 400) {
			const location = response.headers.get('location');
			return location
				? { url, kind: 'redirect', status, location: new URL(location, url).href }
				: { url, kind: 'broken', status };
		}
		return status >= 200 && status < 300
			? { url, kind: 'ok', status }
			: { url, kind: 'broken', status };
	} catch (error) {
		const name = (error as Error).name;
		if (name === 'TimeoutError' || name === 'AbortError') return { url, kind: 'timeout' };
		const cause = (error as { cause?: { code?: string; message?: string } }).cause;
		return { url, kind: 'error', message: cause?.code ?? cause?.message ?? String(error) };
	}
}

/**
 * Checks every URL (each once), `concurrency` at a time and one at a time per host, and returns
 * the outcomes in the order given.
 */
export async function checkUrls(
	urls: readonly string[],
	options: CheckOptions = {},
): Promise<Outcome[]> {
	const unique = [...new Set(urls)];
	const concurrency = options.concurrency ?? 4;
	const outcomes = new Map<string, Outcome>();
	const busyHosts = new Set<string>();
	const waiting = [...unique];
	await new Promise<void>((done) => {
		let running = 0;
		const next = () => {
			if (waiting.length === 0 && running === 0) return done();
			while (running < concurrency) {
				const index = waiting.findIndex((url) => !busyHosts.has(new URL(url).host));
				if (index < 0) return;
				const [url] = waiting.splice(index, 1) as [string];
				const host = new URL(url).host;
				busyHosts.add(host);
				running++;
				void checkUrl(url, options).then((outcome) => {
					outcomes.set(url, outcome);
					busyHosts.delete(host);
					running--;
					next();
				});
			}
		};
		next();
	});
	return unique.map((url) => outcomes.get(url)!);
}

/** One line per outcome that needs a maintainer: broken, timed out, failed or redirected. */
export function describe(outcome: Outcome): string | undefined {
	switch (outcome.kind) {
		case 'ok':
			return undefined;
		case 'redirect':
			return `redirect ${outcome.status}  ${outcome.url}  ->  ${outcome.location}`;
		case 'broken':
			return `broken ${outcome.status}  ${outcome.url}`;
		case 'timeout':
			return `timeout  ${outcome.url}`;
		case 'error':
			return `error ${outcome.message}  ${outcome.url}`;
	}
}
