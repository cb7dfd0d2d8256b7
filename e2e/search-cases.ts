import { readRoadmaps } from '../src/content/roadmaps.ts';

/**
 * The search tests' cases, as tables: a new roadmap adds rows here, not tests. A row whose roadmap
 * folder does not exist yet is skipped with that reason (the roadmaps land in separate changes).
 */

/** Roadmaps that exist in `content/`, by id: their short titles are the search filter values. */
export const ROADMAPS = new Map(readRoadmaps('./content').map((roadmap) => [roadmap.id, roadmap]));

/** One query per roadmap: words a learner types and the roadmap that teaches them. */
export interface QueryCase {
	roadmap: string;
	query: string;
	/** Words the page the result leads to must hold (case-insensitive). */
	words: string[];
	/** The item the best item-level result must link to (`#id`), when the case checks one. */
	itemId?: string;
}

export const QUERY_CASES: QueryCase[] = [
	{
		roadmap: 'express-senior',
		query: 'sequelize',
		words: ['sequelize'],
		itemId: 'sequelize-knex',
	},
	{
		roadmap: 'express-senior',
		query: 'express.static',
		words: ['express.static'],
		itemId: 'express-static',
	},
	{
		roadmap: 'node-express-mongodb',
		query: 'aggregation pipeline',
		words: ['aggregation pipeline'],
	},
	// An item of a loose list (items apart by blank lines, each one's text a paragraph in Markdown).
	{
		roadmap: 'node-express-mongodb',
		query: 'express fundamentals',
		words: ['Express', 'fundamentals'],
		itemId: 'express-fundamentals',
	},
	{ roadmap: 'node-express-postgresql', query: 'BullMQ', words: ['BullMQ'] },
	{ roadmap: 'nodejs-140-days', query: 'templating with EJS', words: ['EJS'], itemId: 'day-16' },
	{ roadmap: 'backend-js-python', query: 'FastAPI', words: ['FastAPI'] },
];

/**
 * Ranking: an exact topic name must rank the chapter that teaches it first within its roadmap
 * (the roadmap filter applied, as a learner following one roadmap searches), above pages that only
 * mention it: the landing page lists the stack, other chapters name it in passing. Across all
 * roadmaps several chapters teach "MongoDB", so "the" teaching chapter is defined per roadmap.
 * `teaches` is the chapter's site path without the base.
 */
export interface RankingCase {
	roadmap: string;
	query: string;
	teaches: string;
}

export const RANKING_CASES: RankingCase[] = [
	// The home page and landing page name Express, MongoDB and PostgreSQL in descriptions and stacks.
	{ roadmap: 'express-senior', query: 'Express', teaches: '/express-senior/01-core-express/' },
	{
		roadmap: 'express-senior',
		query: 'MongoDB',
		teaches: '/express-senior/02-database-integration/',
	},
	{
		roadmap: 'express-senior',
		query: 'PostgreSQL',
		teaches: '/express-senior/02-database-integration/',
	},
	{ roadmap: 'express-senior', query: 'middleware', teaches: '/express-senior/01-core-express/' },
	{ roadmap: 'express-senior', query: 'routing', teaches: '/express-senior/01-core-express/' },
	{
		roadmap: 'express-senior',
		query: 'sequelize',
		teaches: '/express-senior/02-database-integration/',
	},
	{
		roadmap: 'express-senior',
		query: 'Mongoose',
		teaches: '/express-senior/02-database-integration/',
	},
	{
		roadmap: 'express-senior',
		query: 'indexing',
		teaches: '/express-senior/02-database-integration/',
	},
	{ roadmap: 'express-senior', query: 'CRUD', teaches: '/express-senior/01-core-express/' },
	{ roadmap: 'express-senior', query: 'static files', teaches: '/express-senior/01-core-express/' },
	{
		roadmap: 'express-senior',
		query: 'relationships',
		teaches: '/express-senior/02-database-integration/',
	},
	// The landing page's stack names MongoDB and Mongoose; phase 4 teaches them.
	{
		roadmap: 'node-express-mongodb',
		query: 'Mongoose',
		teaches: '/node-express-mongodb/04-mongodb/',
	},
	{
		roadmap: 'node-express-postgresql',
		query: 'JWT',
		teaches: '/node-express-postgresql/04-authentication-authorization/',
	},
	{ roadmap: 'nodejs-140-days', query: 'EJS', teaches: '/nodejs-140-days/01-days-1-20/' },
	{ roadmap: 'nodejs-140-days', query: 'Docker', teaches: '/nodejs-140-days/05-days-81-100/' },
	{
		roadmap: 'backend-js-python',
		query: 'FastAPI',
		teaches: '/backend-js-python/03-python-backend/',
	},
];

// Every case names a published roadmap: a typo or a removed roadmap fails here, not silently.
for (const { roadmap } of [...QUERY_CASES, ...RANKING_CASES])
	if (!ROADMAPS.has(roadmap))
		throw new Error(`e2e/search-cases.ts: no roadmap "${roadmap}" in content/`);
