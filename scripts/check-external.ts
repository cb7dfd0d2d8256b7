/**
 * `npm run check:external [-- --concurrency N] [--timeout MS]`: requests every external URL the
 * content links (the pages of content/resources.yaml and the links in chapters) and reports broken
 * ones (4xx, 5xx, timeouts, network errors) and redirects. Fails on a broken link; a redirect is
 * reported, to update the link to where it now lives (re-verified, CONTRIBUTING "Resources").
 * Needs the network, so it is not part of `npm test`: .github/workflows/links.yml runs it weekly.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Link } from 'mdast';
import { parseResources, readResourcesSource } from '../src/content/resources.ts';
import { walk } from '../src/markdown/parse.ts';
import { checkUrls, describe } from './external/check.ts';
import { loadContent } from './lint/load.ts';

const { values } = parseArgs({
	options: {
		concurrency: { type: 'string', default: '4' },
		timeout: { type: 'string', default: '15000' },
		content: { type: 'string', default: 'content' },
	},
});

const cwd = process.cwd();
const urls = new Set<string>();
const source = readResourcesSource(join(cwd, values.content));
if (source !== undefined) {
	for (const url of parseResources(source).resources.pages.keys()) urls.add(url);
}
for (const chapter of loadContent({ cwd, contentDir: values.content }).chapters) {
	walk(chapter.tree, (node) => {
		const { url } = node as Link;
		if (node.type === 'link' && /^https?:\/\//.test(url)) urls.add(url);
	});
}

const started = Date.now();
const outcomes = await checkUrls([...urls], {
	concurrency: Number(values.concurrency),
	timeoutMs: Number(values.timeout),
});
const lines = outcomes.map(describe).filter(Boolean);
for (const line of lines) console.log(line);
const broken = outcomes.filter((o) => o.kind !== 'ok' && o.kind !== 'redirect').length;
const redirects = outcomes.filter((o) => o.kind === 'redirect').length;
console.log(
	`${outcomes.length} external URL(s) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${broken} broken, ${redirects} redirected`,
);
process.exitCode = broken > 0 ? 1 : 0;
