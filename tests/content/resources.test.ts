import { describe, expect, it } from 'vitest';
import { parseConcepts, type RoadmapItems } from '../../src/content/concepts.ts';
import {
	MAX_PER_ITEM,
	checkResources,
	parseResources,
	siteResources,
	urlProblem,
} from '../../src/content/resources.ts';

/** Test data only: these URLs and commits are fixtures, never published. */
const COMMIT = 'a'.repeat(40);
const ROUTING = 'https://expressjs.com/en/5x/guide/routing';
const STREAM = 'https://nodejs.org/api/stream.html';
const HTTP = 'https://www.rfc-editor.org/rfc/rfc9110';
const PAGES = [
	'pages:',
	`  ${ROUTING}:`,
	'    title: "Express: Routing"',
	`    source: expressjs/expressjs.com@${COMMIT}:src/content/docs/en/5x/guide/routing.mdx`,
	`  ${STREAM}:`,
	'    title: "Node.js: Stream"',
	`    source: nodejs/node@${COMMIT}:doc/api/stream.md`,
	`  ${HTTP}:`,
	'    title: "RFC 9110: HTTP Semantics"',
	'    source: RFC 9110',
].join('\n');

/** Two roadmaps: `a` has leaves jwt, routing, streams and a group `auth`; `b` has jwt-auth. */
const ROADMAPS = new Map<string, RoadmapItems>([
	['a', { leaves: new Set(['jwt', 'routing', 'streams']), groups: new Set(['auth']) }],
	['b', { leaves: new Set(['jwt-auth']), groups: new Set() }],
]);
const { concepts: CONCEPTS } = parseConcepts(
	'- id: jwt\n  name: JWT\n  members:\n    - a/jwt\n    - b/jwt-auth\n',
);

const problemsOf = (source: string) => {
	const { resources, problems } = parseResources(source);
	return [...problems, ...checkResources(resources, ROADMAPS, CONCEPTS)].map(
		(p) => `${p.line}:${p.column} ${p.message}`,
	);
};
const valid = `${PAGES}\nitems:\n  a/routing:\n    - ${ROUTING}\n  jwt:\n    - ${HTTP}\ntags:\n  node-core:\n    - ${STREAM}\n`;

describe('the resources file', () => {
	it('reads pages, items, concepts and topics; a concept’s pages show on every member', () => {
		expect(problemsOf(valid)).toEqual([]);
		const { resources } = parseResources(valid);
		expect(resources.pages.get(ROUTING)).toMatchObject({
			title: 'Express: Routing',
			place: { line: 2, column: 3 },
		});
		const site = siteResources(resources, CONCEPTS);
		expect(site.of('a', 'routing')).toEqual([{ title: 'Express: Routing', url: ROUTING }]);
		expect(site.of('a', 'jwt')).toEqual([{ title: 'RFC 9110: HTTP Semantics', url: HTTP }]);
		expect(site.of('b', 'jwt-auth')).toEqual(site.of('a', 'jwt'));
		expect(site.of('a', 'streams')).toEqual([]);
		expect(site.ofTags(['node-core', 'node-core'])).toEqual([
			{ title: 'Node.js: Stream', url: STREAM },
		]);
	});

	const page = (url: string, fields = `    title: "T"\n    source: nodejs/node@${COMMIT}:doc/api/x.md`) =>
		`pages:\n  ${url}:\n${fields}\nitems:\n  a/routing:\n    - ${url}\n`;
	it.each([
		['YAML syntax', 'pages: [\n', /^\d+:\d+ YAML syntax/],
		['an unknown section', `${valid}links: {}\n`, /^\d+:1 section "links" is not a resources section/],
		['http', page('http://nodejs.org/api/x.html'), /^2:3 pages: "http:\/\/nodejs.org\/api\/x.html" is not https/],
		['a tracking parameter', page('https://nodejs.org/api/x.html?utm_source=a'), /^2:3 .* carries the tracking parameter "utm_source"/],
		['index.html', page('https://nodejs.org/api/index.html'), /^2:3 .* ends in index.html/],
		['a host off the allowlist', page('https://example.com/docs/x'), /^2:3 .*example.com is not a primary source on the allowlist/],
		['a missing title', page('https://nodejs.org/api/x.html', `    source: nodejs/node@${COMMIT}:doc/api/x.md`), /^3:5 .*field "title" is missing/],
		['a missing source', page('https://nodejs.org/api/x.html', '    title: "T"'), /^3:5 .*field "source" is missing/],
		['a source without a commit', page('https://nodejs.org/api/x.html', '    title: "T"\n    source: nodejs/node:doc/api/x.md'), /^4:13 .*field "source" is not `owner\/repo@<40-hex commit>:<path>`/],
		['a source from another publisher', page('https://nodejs.org/api/x.html', `    title: "T"\n    source: someone/fork@${COMMIT}:doc/api/x.md`), /^4:13 .*names someone\/fork, not nodejs.org's source/],
		['a github.com page evidenced by another repository', page('https://github.com/winstonjs/winston', `    title: "T"\n    source: someone/winston@${COMMIT}:README.md`), /^4:13 .*names someone\/winston, not the linked repository winstonjs\/winston/],
		['an RFC page without its number', page('https://www.rfc-editor.org/rfc/rfc9110', `    title: "T"\n    source: nodejs/node@${COMMIT}:x.md`), /^4:13 .*is not `RFC <number>`/],
		['an unknown page field', page('https://nodejs.org/api/x.html', `    title: "T"\n    source: nodejs/node@${COMMIT}:doc/api/x.md\n    note: x`), /^5:5 .*field "note" is not a page field/],
		['a page defined twice', `${PAGES}\n  ${ROUTING}:\n    title: "X"\n    source: RFC 1\nitems:\n  a/routing: [${ROUTING}, ${STREAM}, ${HTTP}]\n`, /^11:3 pages: ".*routing" is already defined on line 2/],
		['a page linked from nowhere', `${PAGES}\nitems:\n  a/routing:\n    - ${ROUTING}\n`, /^5:3 pages: ".*stream.html" is linked from no item/],
		['a link to an undefined page', `${PAGES}\nitems:\n  a/routing: [${ROUTING}, ${STREAM}, ${HTTP}, https://nodejs.org/api/fs.html]\n`, /^12:\d+ items: "a\/routing" lists 4 pages, more than 3/],
		['a page listed twice on an item', `${PAGES}\nitems:\n  a/routing: [${ROUTING}, ${ROUTING}, ${STREAM}, ]\ntags:\n  http: [${HTTP}]\n`, /^12:\d+ items: "a\/routing": ".*" is listed twice/],
		['an item listed twice', `${valid}`.replace('  jwt:\n', '  a/routing:\n'), /^\d+:3 items: "a\/routing" is already listed on line 12/],
		['an unknown roadmap', valid.replace('a/routing', 'z/routing'), /^12:3 items: "z\/routing": there is no roadmap "z"/],
		['an unknown item', valid.replace('a/routing', 'a/routes'), /^12:3 items: "a\/routes": a has no item "routes"/],
		['a group', valid.replace('a/routing', 'a/auth'), /^12:3 items: "a\/auth" is a group of items/],
		['a concept member listed on its own', valid.replace('a/routing', 'b/jwt-auth'), /^12:3 items: "b\/jwt-auth" is in concept "jwt": its pages are the concept's/],
		['an unknown concept', valid.replace('  jwt:', '  jwtt:'), /^14:3 items: "jwtt": there is no concept "jwtt"/],
		['an unknown topic', valid.replace('node-core:', 'nodejs:'), /^17:3 tags: "nodejs" is not a topic/],
		['an empty list', `${PAGES}\nitems:\n  a/routing: []\n`, /^12:14 items: "a\/routing" lists no pages/],
	])('refuses %s, at its place', (_name, source, expected) => {
		expect(problemsOf(source).join('\n')).toMatch(expected);
	});

	it('allows at most three pages an item', () => expect(MAX_PER_ITEM).toBe(3));

	it('takes a github.com page evidenced by a file of the repository it links', () => {
		const source = page(
			'https://github.com/winstonjs/winston',
			`    title: "winston"\n    source: winstonjs/winston@${COMMIT}:README.md`,
		);
		expect(problemsOf(source)).toEqual([]);
	});
});

describe('canonical URLs (the resources file and chapter resource lists)', () => {
	it.each([
		['https://nodejs.org/api/stream.html', undefined],
		['https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/429', undefined],
		['https://www.postgresql.org/docs/current/sql-select.html#SQL-WHERE', undefined],
		['http://nodejs.org/', 'is not https'],
		['https://localhost/x', 'has no public host'],
		['https://user@nodejs.org/', 'names a user or a port'],
		['https://nodejs.org:8443/', 'names a user or a port'],
		['https://nodejs.org/?ref=roadmap', 'carries the tracking parameter "ref"'],
		['https://nodejs.org/docs/index.html', 'ends in index.html'],
		['https://nodejs.org/api/#', 'ends in an empty fragment'],
		['https://NODEJS.org/api/', 'is not in its canonical form (https://nodejs.org/api/)'],
		['not a url', 'is not a URL'],
	])('%s', (url, problem) => expect(urlProblem(url)).toBe(problem));
});
