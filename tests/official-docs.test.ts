import { describe, expect, it } from 'vitest';
import { OFFICIAL_DOCS, officialDocsFor } from '../src/navigation/official-docs';
import { TAG_LABELS, TAGS, type Tag } from '../src/schema';

describe('official documentation per topic', () => {
	const links = Object.entries(OFFICIAL_DOCS).flatMap(([tag, list]) =>
		list.map((link) => ({ tag, ...link })),
	);

	it('links only absolute https pages, each with a title', () => {
		const bad = links.filter(
			(link) => !/^https:\/\/[^/\s]+\.[^/\s]+/.test(link.url) || link.title.trim() === '',
		);
		expect(bad).toEqual([]);
	});

	it('covers the tag vocabulary exactly, and every tag has a human name', () => {
		expect(Object.keys(OFFICIAL_DOCS).sort()).toEqual(Object.keys(TAGS).sort());
		expect(Object.keys(TAG_LABELS).sort()).toEqual(Object.keys(TAGS).sort());
	});

	it('lists a link shared by two tags once for a chapter carrying both', () => {
		const both = officialDocsFor(['databases', 'sql'] as Tag[]);
		expect(both.filter((link) => link.url.includes('postgresql.org'))).toHaveLength(1);
	});
});
