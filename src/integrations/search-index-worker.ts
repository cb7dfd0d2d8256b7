import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';

/**
 * The search index's own thread (./search-index.ts starts it): takes each built page the main
 * thread posts, hands it to Pagefind (which indexes it in its own process) and, when asked, writes
 * the index and posts how many pages it holds and any errors. Encoding a page for Pagefind's
 * service (JSON, then base64) costs about half a millisecond; here it costs the render nothing.
 */
export type SearchIndexMessage = { page: string; html: string } | { write: string };
export type SearchIndexResult = { pages: number; errors: string[] };

const port = parentPort!;
const created = await pagefind.createIndex();
const index = created.index;
const pending: Promise<string[]>[] = created.errors.map(async (error) => [error]);
let pages = 0;

port.on('message', async (message: SearchIndexMessage) => {
	if ('html' in message) {
		pages++;
		pending.push(
			index
				? index.addHTMLFile({ sourcePath: message.page, content: message.html }).then(
						(added) => added.errors.map((error) => `${message.page}: ${error}`),
						(error: unknown) => [`${message.page}: ${String(error)}`],
					)
				: Promise.resolve([]),
		);
		return;
	}
	const errors = (await Promise.all(pending)).flat();
	if (errors.length === 0 && index) {
		const written = await index.writeFiles({ outputPath: message.write });
		errors.push(...written.errors);
	}
	await pagefind.close();
	port.postMessage({ pages, errors } satisfies SearchIndexResult);
});
