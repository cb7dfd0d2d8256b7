import { describe, expect, it } from 'vitest';
import { itemAt, linkSubResultsToItems, type PagefindAnchor } from '../src/search/item-links';

// Word positions as Pagefind records them for:
// "Phase 2. SQL Databases. Basics of SQL. Use sequelize or knex. Resources: SQL guide."
//  0     1  2   3          4      5  6    7   8         9  10    11         12  13
const anchors: PagefindAnchor[] = [
	{ element: 'h1', id: '_top', text: 'Phase 2', location: 0 },
	{ element: 'h2', id: 'sql-databases', text: 'SQL Databases', location: 2 },
	{ element: 'li', id: 'sql-basics', text: 'Basics of SQL.', location: 4 },
	{ element: 'li', id: 'sequelize-knex', text: 'Use sequelize or knex.', location: 7 },
];

describe('itemAt', () => {
	it('finds the item whose text holds the word', () => {
		expect(itemAt(anchors, 8)?.id).toBe('sequelize-knex');
		expect(itemAt(anchors, 4)?.id).toBe('sql-basics');
	});
	it('finds no item for headings or text after an item', () => {
		expect(itemAt(anchors, 2)).toBeUndefined();
		expect(itemAt(anchors, 12)).toBeUndefined();
	});
	it('prefers the innermost of nested items', () => {
		const nested: PagefindAnchor[] = [
			{ element: 'li', id: 'outer', text: 'Outer topic', location: 0 },
			{ element: 'li', id: 'inner', text: 'Inner point', location: 2 },
		];
		expect(itemAt(nested, 3)?.id).toBe('inner');
		expect(itemAt(nested, 1)?.id).toBe('outer');
	});
});

describe('linkSubResultsToItems', () => {
	const subResult = (locations: number[]) => ({
		title: 'SQL Databases',
		url: '/express-senior/02-database-integration/#sql-databases',
		locations,
	});

	it('links a sub-result to the item holding its matches, titled with the item text', () => {
		const result = linkSubResultsToItems({ url: '/x/', anchors, sub_results: [subResult([8])] });
		expect(result.sub_results[0]).toMatchObject({
			url: '/express-senior/02-database-integration/#sequelize-knex',
			title: 'Use sequelize or knex.',
		});
	});

	it('picks the item with most matches', () => {
		const result = linkSubResultsToItems({
			url: '/x/',
			anchors,
			sub_results: [subResult([6, 8, 10])],
		});
		expect(result.sub_results[0]!.url).toMatch(/#sequelize-knex$/);
	});

	it('leaves sub-results whose matches are outside items as they are', () => {
		const result = linkSubResultsToItems({
			url: '/x/',
			anchors,
			sub_results: [subResult([3, 12])],
		});
		expect(result.sub_results[0]).toEqual(subResult([3, 12]));
	});
});
