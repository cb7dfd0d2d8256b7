import { describe, expect, it } from 'vitest';
import {
	groups,
	idCollisions,
	leaves,
	parseItemMarkers,
	parseItemTree,
} from '../../src/content/items.ts';

describe('parseItemMarkers', () => {
	it('splits the id and aliases off the text', () => {
		expect(parseItemMarkers('Routing (`app.get`) ^routing ^express-routing')).toEqual({
			text: 'Routing (`app.get`)',
			id: 'routing',
			aliases: ['express-routing'],
			malformed: [],
		});
	});

	it('has no id without a marker, and reports malformed ones', () => {
		expect(parseItemMarkers('Routing')).toMatchObject({ text: 'Routing', id: undefined });
		expect(parseItemMarkers('Routing ^Routing_1').malformed).toEqual(['Routing_1']);
	});

	it('needs whitespace before a marker', () => {
		expect(parseItemMarkers('Use 2^10 bytes ^kib')).toMatchObject({
			text: 'Use 2^10 bytes',
			id: 'kib',
		});
	});
});

describe('parseItemTree', () => {
	const source = [
		'---',
		"title: 'Phase 1'",
		'---',
		'',
		'## Learn Express fundamentals',
		'',
		'- [ ] Learn **Express** fundamentals: ^express-fundamentals',
		'  - [ ] Routing (`app.get`) ^routing ^old-routing',
		'  - [ ] Middleware ^middleware',
		'',
		'## Practice',
		'',
		'```md',
		'- [ ] Not an item ^in-code',
		'```',
		'',
		'- [x] Build an [API](https://expressjs.com/) ^build-api',
		'',
	].join('\n');
	const tree = parseItemTree(source);

	it('nests items under their parent item, with text, plain text, section and place', () => {
		const [parent] = tree.items;
		expect(parent).toMatchObject({
			id: 'express-fundamentals',
			text: 'Learn **Express** fundamentals:',
			plain: 'Learn Express fundamentals:',
			section: 'learn-express-fundamentals',
			place: { line: 7, column: 7 },
		});
		expect(parent!.children.map((child) => [child.id, child.aliases])).toEqual([
			['routing', ['old-routing']],
			['middleware', []],
		]);
		expect(parent!.children[0]!.markers.get('old-routing')).toEqual({ line: 8, column: 38 });
	});

	it('counts leaves only, and lists each group with its leaves', () => {
		expect(leaves(tree.items).map((item) => item.id)).toEqual([
			'routing',
			'middleware',
			'build-api',
		]);
		expect(groups(tree.items).map(({ item, leaves }) => [item.id, leaves.map((l) => l.id)])).toEqual([
			['express-fundamentals', ['routing', 'middleware']],
		]);
	});

	it('lists sections with their anchors and leaf ids, and skips code blocks', () => {
		expect(tree.sections.map(({ slug, leafIds }) => [slug, leafIds])).toEqual([
			['learn-express-fundamentals', ['routing', 'middleware']],
			['practice', ['build-api']],
		]);
		expect(tree.items.at(-1)).toMatchObject({ plain: 'Build an API', section: 'practice' });
	});

	it('adds a line offset for a body given without its frontmatter', () => {
		expect(parseItemTree('- [ ] One ^one\n', 10).items[0]!.place).toEqual({ line: 11, column: 7 });
	});
});

describe('idCollisions', () => {
	it('finds an item id equal to a heading anchor or a layout id', () => {
		const tree = parseItemTree(
			'## Routing\n\n- [ ] Routing ^routing\n- [ ] Data ^progress-data\n- [ ] Fine ^fine\n',
		);
		expect(idCollisions(tree).map(({ id, place, with: other }) => [id, place.line, other])).toEqual([
			['routing', 3, 'the heading "Routing" (line 1)'],
			['progress-data', 4, 'an element of the page layout'],
		]);
	});
});
