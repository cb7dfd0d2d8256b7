import { describe, expect, it } from 'vitest';
import { extractItems, parseItemMarkers } from '../src/progress/item-id';

describe('parseItemMarkers', () => {
	it('splits the id and aliases off the text', () => {
		expect(parseItemMarkers('Routing (`app.get`) ^routing ^express-routing')).toEqual({
			text: 'Routing (`app.get`)',
			id: 'routing',
			aliases: ['express-routing'],
			malformed: [],
		});
	});

	it('reports an item with no marker', () => {
		expect(parseItemMarkers('Routing')).toMatchObject({ text: 'Routing', id: undefined });
	});

	it('flags markers that are not well-formed ids', () => {
		expect(parseItemMarkers('Routing ^Routing_1').malformed).toEqual(['Routing_1']);
	});

	it('ignores a caret inside the text', () => {
		expect(parseItemMarkers('Use 2^10 bytes ^kib')).toMatchObject({
			text: 'Use 2^10 bytes',
			id: 'kib',
		});
	});
});

describe('extractItems', () => {
	it('lists task items with their lines and columns, skipping code fences', () => {
		const body = [
			'## A',
			'',
			'- [ ] One ^one',
			'  - [x] Nested ^two',
			'```md',
			'- [ ] Not an item ^no',
			'```',
			'1. [ ] Ordered ^three',
		].join('\n');
		const items = extractItems(body, 5);
		expect(items.map((i) => [i.id, i.line, i.column])).toEqual([
			['one', 8, 7],
			['two', 9, 9],
			['three', 13, 8],
		]);
	});
});
