import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { conceptKeys, linkConcepts, type RoadmapPlaces } from '../../src/content/concept-links.ts';
import { parseConcepts, readConceptsSource } from '../../src/content/concepts.ts';
import { leaves, parseItemTree } from '../../src/content/items.ts';
import { listChapterFiles, readRoadmaps } from '../../src/content/roadmaps.ts';

const CONTENT = resolve(import.meta.dirname, '../../content');

/**
 * The real content in the shape `getRoadmapsWithChapters` gives the site: roadmaps in home-page
 * order, chapters in phase order, each with its URL (the path without extension, as Astro's glob
 * loader makes ids of these file names) and its leaf item ids.
 */
function realSite(base = '/'): RoadmapPlaces[] {
	return readRoadmaps(CONTENT).map((roadmap) => ({
		roadmap: { id: roadmap.id, data: roadmap },
		chapters: listChapterFiles(CONTENT, roadmap.id)
			.map(({ path, contentPath }) => {
				const source = readFileSync(path, 'utf8');
				const data = parse(/^---\n([^]*?)\n---/.exec(source)![1]!) as {
					phase: number;
					phaseTitle: string;
				};
				return {
					href: `${base}${contentPath.replace(/\.mdx?$/, '')}/`,
					entry: { data },
					itemIds: leaves(parseItemTree(source).items).flatMap((item) => item.id ?? []),
				};
			})
			.sort((a, b) => a.entry.data.phase - b.entry.data.phase),
	}));
}

const { concepts, problems } = parseConcepts(readConceptsSource(CONTENT)!);
const site = linkConcepts(concepts, realSite());

describe('concepts placed on the site (getConcepts)', () => {
	it('reads the real concepts file without problems, and places every member', () => {
		expect(problems).toEqual([]);
		expect(site.concepts).toHaveLength(concepts.length);
		for (const [i, concept] of site.concepts.entries()) {
			expect(concept.members).toHaveLength(concepts[i]!.members.length);
		}
	});

	it('gives a JWT member the other JWT members, in home-page order, each with its chapter', () => {
		const jwt = site.of('node-express-postgresql', 'jwt-sign-verify-refresh');
		expect(jwt).toMatchObject({ id: 'jwt', name: 'JWT' });
		expect(jwt!.others).toEqual([
			{
				roadmap: 'express-senior',
				roadmapTitle: 'Senior Express',
				href: '/express-senior/03-advanced-express/',
				phase: 3,
				phaseTitle: 'Advanced Express.js',
				id: 'jwt-stateless-auth',
			},
			{
				roadmap: 'node-express-mongodb',
				roadmapTitle: 'Node + MongoDB',
				href: '/node-express-mongodb/03-express/',
				phase: 3,
				phaseTitle: 'Master Express.js (The Backend Framework)',
				id: 'jwt',
			},
			{
				roadmap: 'nodejs-140-days',
				roadmapTitle: 'Node.js in 140 days',
				href: '/nodejs-140-days/04-days-61-80/',
				phase: 4,
				phaseTitle: 'Authentication & Authorization',
				id: 'day-63',
			},
			{
				roadmap: 'backend-js-python',
				roadmapTitle: 'Backend JS + Python',
				href: '/backend-js-python/02-nodejs-javascript-backend/',
				phase: 2,
				phaseTitle: 'Node.js & JavaScript Backend',
				id: 'jwt',
			},
		]);
		// The same concept from another member: the PostgreSQL item is among its others.
		expect(site.of('node-express-mongodb', 'jwt')!.others.map((m) => m.roadmap)).toEqual([
			'express-senior',
			'node-express-postgresql',
			'nodejs-140-days',
			'backend-js-python',
		]);
	});

	it('has no concept for an item in none, an unknown roadmap or an id in another roadmap', () => {
		expect(site.of('node-express-postgresql', 'outcome-scalable-rest-apis')).toBeUndefined();
		expect(site.of('no-such-roadmap', 'jwt')).toBeUndefined();
		expect(site.of('express-senior', 'jwt')).toBeUndefined();
	});

	it('builds hrefs from the chapters it is given, base path included', () => {
		const based = linkConcepts(concepts, realSite('/roadmaps/'));
		expect(based.of('node-express-mongodb', 'jwt')!.others[0]!.href).toBe(
			'/roadmaps/express-senior/03-advanced-express/',
		);
	});

	it('leaves out members no chapter lists, and concepts left with fewer than two', () => {
		const small = linkConcepts(
			[
				{
					id: 'x',
					name: 'X',
					members: [
						{ roadmap: 'node-express-mongodb', id: 'jwt', place: { line: 1, column: 1 } },
						{ roadmap: 'node-express-mongodb', id: 'gone', place: { line: 2, column: 1 } },
					],
				},
			],
			realSite(),
		);
		expect(small.concepts).toEqual([]);
		expect(small.of('node-express-mongodb', 'jwt')).toBeUndefined();
	});

	it('gives a page the member keys of the concepts of its items, every member of each', () => {
		const keys = conceptKeys(
			site,
			new Set(['express-senior/jwt-stateless-auth', 'express-senior/no-concept-here']),
		);
		expect(keys).toEqual([
			[
				'express-senior/jwt-stateless-auth',
				'node-express-mongodb/jwt',
				'node-express-postgresql/jwt-sign-verify-refresh',
				'nodejs-140-days/day-63',
				'backend-js-python/jwt',
			],
		]);
		const all = conceptKeys(
			site,
			new Set(concepts.flatMap((c) => c.members.map((m) => `${m.roadmap}/${m.id}`))),
		);
		expect(all).toHaveLength(concepts.length);
		expect(all.flat()).toHaveLength(new Set(all.flat()).size);
		expect(conceptKeys(site, new Set())).toEqual([]);
	});
});
