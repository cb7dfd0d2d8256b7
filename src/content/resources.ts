import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { lineColumn } from '../markdown/parse.ts';
import { TAGS, type Tag } from '../schema.ts';
import { conceptIndex, memberKey, type Concept, type RoadmapItems } from './concepts.ts';
import type { Place } from './items.ts';

/**
 * Resources: where to learn each item. One file, `content/resources.yaml`, holds
 * - `pages`: every documentation page the site links, once, by its URL, with its own title and
 *   the evidence it was checked against (the publisher's source file at a commit, or an RFC);
 * - `items`: the pages that teach an item (`roadmap/item-id`) or a concept (its id, shown on every
 *   member), one to three each;
 * - `tags`: each topic's entry pages, shown on its topic page and at the end of its chapters.
 * This module is its one reader and its one set of rules; the linter (`resources` rule) and the
 * build's content checks report the same problems at the same places. CONTRIBUTING, "Resources".
 */

/** The file, inside the content folder. */
export const RESOURCES_FILE = 'resources.yaml';

/** The most pages one item (or concept) lists: a learner opens one, not a reading list. */
export const MAX_PER_ITEM = 3;

/**
 * The primary sources a resource may link, by host, with the repositories whose files produce
 * their pages (evidence must name one of them). `RFC` marks the RFC Editor, whose evidence is the
 * RFC number; `REPOSITORY` marks github.com, where a library documented by its README is linked
 * at its repository and the evidence must be a file of that same repository. A new host is a new
 * publisher: add it here with its documentation repository (CONTRIBUTING.md, "Resources").
 */
export const HOSTS: Readonly<Record<string, readonly string[] | 'RFC' | 'REPOSITORY'>> = {
	'12factor.net': ['heroku/12factor'],
	'alembic.sqlalchemy.org': ['sqlalchemy/alembic'],
	'cheatsheetseries.owasp.org': ['OWASP/CheatSheetSeries'],
	'code.visualstudio.com': ['microsoft/vscode-docs'],
	'developer.mozilla.org': ['mdn/content'],
	'docs.aws.amazon.com': ['awsdocs/amazon-s3-userguide'],
	'docs.bullmq.io': ['taskforcesh/bullmq'],
	'docs.celeryq.dev': ['celery/celery'],
	'docs.docker.com': ['docker/docs'],
	'docs.github.com': ['github/docs'],
	'docs.nestjs.com': ['nestjs/docs.nestjs.com'],
	'docs.npmjs.com': ['npm/documentation'],
	'docs.pytest.org': ['pytest-dev/pytest'],
	'docs.python.org': ['python/cpython'],
	'docs.railway.com': ['railwayapp/docs'],
	'docs.sentry.io': ['getsentry/sentry-docs'],
	'docs.sqlalchemy.org': ['sqlalchemy/sqlalchemy'],
	'ejs.co': ['mde/ejs-site'],
	'eslint.org': ['eslint/eslint'],
	'express-rate-limit.mintlify.app': ['express-rate-limit/express-rate-limit'],
	'express-validator.github.io': ['express-validator/express-validator'],
	'expressjs.com': ['expressjs/expressjs.com'],
	'fastapi.tiangolo.com': ['fastapi/fastapi'],
	'flask-migrate.readthedocs.io': ['miguelgrinberg/Flask-Migrate'],
	'flask-sqlalchemy.readthedocs.io': ['pallets-eco/flask-sqlalchemy'],
	'flask.palletsprojects.com': ['pallets/flask'],
	'google.aip.dev': ['aip-dev/google.aip.dev'],
	'google.github.io': ['google/eng-practices', 'google/styleguide'],
	'grafana.com': ['grafana/grafana'],
	'graphql.org': ['graphql/graphql.github.io'],
	'gunicorn.org': ['benoitc/gunicorn'],
	'jestjs.io': ['jestjs/jest'],
	'knexjs.org': ['knex/documentation'],
	'kubernetes.io': ['kubernetes/website'],
	'learn.microsoft.com': ['MicrosoftDocs/architecture-center', 'MicrosoftDocs/azure-databases-docs'],
	'learn.openapis.org': ['OAI/learn.openapis.org'],
	'mongoosejs.com': ['Automattic/mongoose'],
	'nginx.org': ['nginx/nginx.org'],
	'node-postgres.com': ['brianc/node-postgres'],
	'nodejs.org': ['nodejs/learn', 'nodejs/node', 'nodejs/nodejs.org'],
	'nodemailer.com': ['nodemailer/nodemailer-homepage'],
	'owasp.org': ['OWASP/www-project-top-ten'],
	'packaging.python.org': ['pypa/packaging.python.org'],
	'pdfkit.org': ['foliojs/pdfkit'],
	'playwright.dev': ['microsoft/playwright'],
	'pm2.keymetrics.io': ['pm2-hive/pm2-hive.github.io'],
	'prettier.io': ['prettier/prettier'],
	'prometheus.io': ['prometheus/docs'],
	'redis.io': ['redis/docs'],
	'sequelize.org': ['sequelize/website'],
	'socket.io': ['socketio/socket.io-website'],
	'spec.openapis.org': ['OAI/spec.openapis.org'],
	'typicode.github.io': ['typicode/husky'],
	'uvicorn.dev': ['Kludex/uvicorn'],
	'www.mongodb.com': ['mongodb/docs', 'mongodb/docs-node', 'mongodb/docs-pymongo'],
	'www.passportjs.org': ['passport/www.passportjs.org'],
	'www.postgresql.org': ['postgres/postgres'],
	'www.prisma.io': ['prisma/docs'],
	'www.rabbitmq.com': ['rabbitmq/rabbitmq-website'],
	'www.rfc-editor.org': 'RFC',
	'zod.dev': ['colinhacks/zod'],
	'github.com': 'REPOSITORY',
};

/** A documentation page: its URL, its own title and where it was verified. */
export interface Page {
	url: string;
	title: string;
	/** `owner/repo@<commit>:<path>`, or `RFC <number>`. */
	source: string;
	place: Place;
}

/** What a target (an item key, a concept id or a tag) lists, in order, and where. */
export interface Attachment {
	target: string;
	urls: string[];
	place: Place;
}

export interface Resources {
	pages: Map<string, Page>;
	/** Keys `roadmap/item-id` (an item) or a concept id. */
	items: Attachment[];
	tags: Attachment[];
}

/** A problem in the resources file, at its line and column, naming the field. */
export interface ResourceProblem extends Place {
	message: string;
	fix: string;
}

const SOURCE = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)@([0-9a-f]{40}):(\S+)$/;
const RFC = /^RFC (\d{1,5})$/;
const TRACKING = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|source)$/i;
const ITEM_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CONCEPT_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TITLE_LIMIT = 100;
const PAGE_KEYS = ['title', 'source'];
const ROOT_KEYS = ['pages', 'items', 'tags'];

/**
 * Why `url` is not a canonical https link (`undefined` when it is one): https, a host, no
 * credentials or port, no tracking parameters, no `index.html`, no empty fragment. Chapter
 * resource lists (`resource-link` rule) and the resources file share it.
 */
export function urlProblem(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'is not a URL';
	}
	if (parsed.protocol !== 'https:') return 'is not https';
	if (!/^[^\s/]+\.[^\s/]+/.test(parsed.host)) return 'has no public host';
	if (parsed.username || parsed.password || parsed.port) return 'names a user or a port';
	const tracking = [...parsed.searchParams.keys()].find((key) => TRACKING.test(key));
	if (tracking) return `carries the tracking parameter "${tracking}"`;
	if (/\/index\.html?$/.test(parsed.pathname)) return 'ends in index.html';
	if (url.endsWith('#')) return 'ends in an empty fragment';
	if (parsed.href !== url) return `is not in its canonical form (${parsed.href})`;
	return undefined;
}

/** Why `source` is not evidence for a page on `host` (`undefined` when it is). */
function sourceProblem(source: string, url: string): string | undefined {
	const host = new URL(url).host;
	const allowed = HOSTS[host];
	if (!allowed) return undefined; // the host itself is reported
	if (allowed === 'RFC') {
		return RFC.test(source) ? undefined : 'is not `RFC <number>` (an RFC Editor page)';
	}
	const match = SOURCE.exec(source);
	if (!match) return 'is not `owner/repo@<40-hex commit>:<path>`';
	const repository = match[1]!;
	if (allowed === 'REPOSITORY') {
		const linked = new URL(url).pathname.split('/').slice(1, 3).join('/');
		return repository.toLowerCase() === linked.toLowerCase()
			? undefined
			: `names ${repository}, not the linked repository ${linked}`;
	}
	if (!allowed.includes(repository)) return `names ${repository}, not ${host}'s source (${allowed.join(' or ')})`;
	return undefined;
}

/**
 * Parses the file's text into pages and attachments, with the problems of its shape (YAML syntax,
 * fields, URLs, hosts, evidence, list sizes, duplicates, a page defined but never linked or linked
 * but never defined). Entries with a problem are left out.
 */
export function parseResources(source: string): { resources: Resources; problems: ResourceProblem[] } {
	const problems: ResourceProblem[] = [];
	const resources: Resources = { pages: new Map(), items: [], tags: [] };
	const at = (node: YamlNode | null | undefined): Place => lineColumn(source, node?.range?.[0] ?? 0);
	const problem = (node: YamlNode | null | undefined, message: string, fix: string) =>
		problems.push({ ...at(node), message, fix });
	const document = parseDocument(source, { uniqueKeys: false });
	for (const error of document.errors) {
		problems.push({
			...lineColumn(source, error.pos[0]),
			message: `YAML syntax: ${error.message.split('\n')[0]}`,
			fix: 'fix the YAML syntax',
		});
	}
	if (document.errors.length > 0) return { resources, problems };
	const root = document.contents;
	if (root === null) return { resources, problems };
	if (!isMap(root)) {
		problem(root, 'the file is not a mapping', `give it the sections ${ROOT_KEYS.join(', ')}`);
		return { resources, problems };
	}
	const section = (name: string): YAMLMap | undefined => {
		const pair = root.items.find((p) => isScalar(p.key) && p.key.value === name);
		if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null))
			return undefined;
		if (isMap(pair.value)) return pair.value;
		problem(pair.value as YamlNode, `section "${name}" is not a mapping`, `write "${name}:" followed by indented entries`);
		return undefined;
	};
	for (const pair of root.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		if (!ROOT_KEYS.includes(key)) problem(pair.key as YamlNode, `section "${key}" is not a resources section`, `use only ${ROOT_KEYS.join(', ')}`);
	}

	for (const pair of section('pages')?.items ?? []) {
		const keyNode = pair.key as YamlNode;
		const url = isScalar(keyNode) ? String(keyNode.value) : '';
		const field = `pages: "${url}"`;
		if (resources.pages.has(url)) {
			problem(keyNode, `${field} is already defined on line ${resources.pages.get(url)!.place.line}`, 'define each page once; link it from as many items as teach it');
			continue;
		}
		const invalid = urlProblem(url);
		if (invalid) {
			problem(keyNode, `${field} ${invalid}`, 'link the page’s canonical https URL, as its publisher serves it');
			continue;
		}
		const host = new URL(url).host;
		if (!HOSTS[host]) {
			problem(keyNode, `${field}: ${host} is not a primary source on the allowlist`, 'link the technology’s own documentation, MDN, an RFC or OWASP (src/content/resources.ts, HOSTS)');
			continue;
		}
		const value = pair.value as YamlNode | null;
		if (!isMap(value)) {
			problem(value ?? keyNode, `${field} has no title and source`, 'give the page `title:` and `source:`');
			continue;
		}
		let ok = true;
		for (const inner of value.items) {
			const name = isScalar(inner.key) ? String(inner.key.value) : '';
			if (!PAGE_KEYS.includes(name)) {
				problem(inner.key as YamlNode, `${field}: field "${name}" is not a page field`, `use only ${PAGE_KEYS.join(', ')}`);
				ok = false;
			}
		}
		const text = (name: string) => {
			const node = value.items.find((p) => isScalar(p.key) && p.key.value === name)?.value as YamlNode | undefined;
			return { node, value: isScalar(node) && typeof node.value === 'string' ? node.value.trim() : '' };
		};
		const title = text('title');
		if (!title.value || title.value.length > TITLE_LIMIT) {
			problem(title.node ?? value, `${field}: field "title" ${title.value ? `is longer than ${TITLE_LIMIT} characters` : 'is missing'}`, 'write the page’s own title, product first when it lacks one (“Express: Routing”)');
			ok = false;
		}
		const evidence = text('source');
		const bad = evidence.value ? sourceProblem(evidence.value, url) : 'is missing';
		if (bad) {
			problem(evidence.node ?? value, `${field}: field "source" ${bad}`, 'name the publisher’s file that produces the page and the commit you read it at, e.g. `nodejs/node@<commit>:doc/api/stream.md`, or `RFC 9110`');
			ok = false;
		}
		if (ok) resources.pages.set(url, { url, title: title.value, source: evidence.value, place: at(keyNode) });
	}

	const used = new Set<string>();
	const attachments = (name: 'items' | 'tags', list: Attachment[]) => {
		const seen = new Map<string, Place>();
		for (const pair of section(name)?.items ?? []) {
			const keyNode = pair.key as YamlNode;
			const target = isScalar(keyNode) ? String(keyNode.value) : '';
			const field = `${name}: "${target}"`;
			if (seen.has(target)) {
				problem(keyNode, `${field} is already listed on line ${seen.get(target)!.line}`, 'give each item, concept or topic one list');
				continue;
			}
			seen.set(target, at(keyNode));
			if (name === 'items' && !ITEM_KEY.test(target) && !CONCEPT_KEY.test(target)) {
				problem(keyNode, `${field} is neither \`roadmap/item-id\` nor a concept id`, 'write the roadmap folder and the item id, e.g. `express-senior/routing`, or the concept’s id');
				continue;
			}
			if (name === 'tags' && !(target in TAGS)) {
				problem(keyNode, `${field} is not a topic`, `use one of ${Object.keys(TAGS).join(', ')}`);
				continue;
			}
			const value = pair.value as YamlNode | null;
			if (!isSeq(value) || value.items.length === 0) {
				problem(value ?? keyNode, `${field} lists no pages`, 'list one to three page URLs, each defined under `pages:`');
				continue;
			}
			if (value.items.length > MAX_PER_ITEM) {
				problem(value.items[MAX_PER_ITEM] as YamlNode, `${field} lists ${value.items.length} pages, more than ${MAX_PER_ITEM}`, 'keep the pages that teach it best');
			}
			const urls: string[] = [];
			for (const node of value.items.slice(0, MAX_PER_ITEM) as YamlNode[]) {
				const url = isScalar(node) ? String(node.value) : '';
				if (urls.includes(url)) {
					problem(node, `${field}: "${url}" is listed twice`, 'list each page once');
					continue;
				}
				if (!resources.pages.has(url)) {
					problem(node, `${field}: "${url}" is not defined under \`pages:\``, 'define the page (title and source) under `pages:`, or fix the URL');
					continue;
				}
				urls.push(url);
				used.add(url);
			}
			if (urls.length > 0) list.push({ target, urls, place: at(keyNode) });
		}
	};
	attachments('items', resources.items);
	attachments('tags', resources.tags);
	for (const page of resources.pages.values()) {
		if (!used.has(page.url)) problems.push({ ...page.place, message: `pages: "${page.url}" is linked from no item, concept or topic`, fix: 'list it under `items:` or `tags:`, or remove it' });
	}
	return { resources, problems };
}

/**
 * The rules that need the content: an item key names a leaf item of an existing roadmap, not a
 * concept's member (its concept holds its pages, once for every member); a concept key names a
 * concept.
 */
export function checkResources(
	resources: Resources,
	roadmaps: ReadonlyMap<string, RoadmapItems>,
	concepts: readonly Concept[],
): ResourceProblem[] {
	const problems: ResourceProblem[] = [];
	const conceptOf = conceptIndex(concepts);
	const conceptIds = new Set(concepts.map((concept) => concept.id));
	for (const { target, place } of resources.items) {
		const field = `items: "${target}"`;
		if (!target.includes('/')) {
			if (!conceptIds.has(target)) problems.push({ ...place, message: `${field}: there is no concept "${target}"`, fix: 'use a concept id from content/concepts.yaml, or `roadmap/item-id`' });
			continue;
		}
		const [roadmap, id] = target.split('/') as [string, string];
		const items = roadmaps.get(roadmap);
		if (!items) {
			problems.push({ ...place, message: `${field}: there is no roadmap "${roadmap}"`, fix: `use one of ${[...roadmaps.keys()].join(', ')}` });
		} else if (items.groups.has(id)) {
			problems.push({ ...place, message: `${field} is a group of items, not an item with a status`, fix: 'list the pages on the group’s items' });
		} else if (!items.leaves.has(id)) {
			problems.push({ ...place, message: `${field}: ${roadmap} has no item "${id}"`, fix: 'use the id after `^` on the item’s line (an alias does not count)' });
		} else if (conceptOf.has(target)) {
			const concept = conceptOf.get(target)!;
			problems.push({ ...place, message: `${field} is in concept "${concept.id}": its pages are the concept's`, fix: `list the pages under \`items: "${concept.id}"\`, once for every member` });
		}
	}
	return problems;
}

/** A page as an item shows it. */
export type ResourceLink = Pick<Page, 'title' | 'url'>;

/** The pages of each item and topic of a site, in file order. */
export interface SiteResources {
	/** The pages of `roadmap`'s item `id`: its own, or its concept's. */
	of(roadmap: string, id: string): ResourceLink[];
	/** The entry pages of topics, in topic order, each page once. */
	ofTags(tags: readonly Tag[]): ResourceLink[];
}

/** Looks pages up by item (its concept's when it has one) and by tag. */
export function siteResources(resources: Resources, concepts: readonly Concept[]): SiteResources {
	const link = (url: string): ResourceLink => {
		const { title } = resources.pages.get(url)!;
		return { title, url };
	};
	const byTarget = new Map(resources.items.map((entry) => [entry.target, entry.urls.map(link)]));
	const byTag = new Map(resources.tags.map((entry) => [entry.target, entry.urls.map(link)]));
	const conceptOf = conceptIndex(concepts);
	return {
		of: (roadmap, id) => {
			const key = memberKey(roadmap, id);
			return byTarget.get(conceptOf.get(key)?.id ?? key) ?? [];
		},
		ofTags: (tags) => {
			const seen = new Set<string>();
			return tags
				.flatMap((tag) => byTag.get(tag) ?? [])
				.filter((link) => !seen.has(link.url) && !!seen.add(link.url));
		},
	};
}

/** The resources file of a content folder, as text (`undefined` when there is none). */
export function readResourcesSource(contentDir: string): string | undefined {
	const path = join(contentDir, RESOURCES_FILE);
	return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** How many of a roadmap's leaf items have pages, and which have none. */
export interface Coverage {
	roadmap: string;
	leaves: number;
	covered: number;
	/** Item keys (`roadmap/item-id`) with no page, in page order. */
	without: string[];
}

/**
 * Coverage per roadmap: a leaf item is covered when it, or its concept, lists pages. `leaves`
 * gives each roadmap's leaf ids in page order.
 */
export function resourceCoverage(
	resources: Resources,
	concepts: readonly Concept[],
	leaves: ReadonlyMap<string, readonly string[]>,
): Coverage[] {
	const site = siteResources(resources, concepts);
	return [...leaves].map(([roadmap, ids]) => {
		const without = ids.filter((id) => site.of(roadmap, id).length === 0);
		return {
			roadmap,
			leaves: ids.length,
			covered: ids.length - without.length,
			without: without.map((id) => memberKey(roadmap, id)),
		};
	});
}

/** The coverage as docs/resources.md shows it: a table, then the items left without pages. */
export function coverageMarkdown(coverage: readonly Coverage[]): string {
	const percent = (covered: number, total: number) =>
		`${((100 * covered) / Math.max(total, 1)).toFixed(1)} %`;
	const leaves = coverage.reduce((sum, row) => sum + row.leaves, 0);
	const covered = coverage.reduce((sum, row) => sum + row.covered, 0);
	const without = coverage.flatMap((row) => row.without);
	return [
		'| roadmap | leaf items | with pages | coverage |',
		'| --- | ---: | ---: | ---: |',
		...coverage.map(
			(row) =>
				`| ${row.roadmap} | ${row.leaves} | ${row.covered} | ${percent(row.covered, row.leaves)} |`,
		),
		`| **all** | **${leaves}** | **${covered}** | **${percent(covered, leaves)}** |`,
		'',
		without.length === 0
			? 'Every leaf item has pages.'
			: `Items without pages (${without.length}):\n\n${without.map((key) => `- \`${key}\``).join('\n')}`,
	].join('\n');
}
