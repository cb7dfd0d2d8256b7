import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	checkConcepts,
	conceptIndex,
	itemsByRoadmap,
	parseConcepts,
	readConceptsSource,
	type RoadmapItems,
} from '../../src/content/concepts.ts';
import { parseItemTree } from '../../src/content/items.ts';
import { listChapterFiles, readRoadmaps } from '../../src/content/roadmaps.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(ROOT, 'content');

/** Two roadmaps: `a` has leaves jwt, routing and a group `auth`; `b` has leaves jwt-auth, router. */
const ROADMAPS = new Map<string, RoadmapItems>([
	['a', { leaves: new Set(['jwt', 'routing']), groups: new Set(['auth']) }],
	['b', { leaves: new Set(['jwt-auth', 'router']), groups: new Set() }],
]);

const problemsOf = (source: string) => {
	const { concepts, problems } = parseConcepts(source);
	return [...problems, ...checkConcepts(concepts, ROADMAPS)].map(
		(p) => `${p.line}:${p.column} ${p.message}`,
	);
};

describe('the concepts file', () => {
	it('reads concepts and indexes every member', () => {
		const { concepts, problems } = parseConcepts(
			'- id: jwt\n  name: JWT\n  members:\n    - a/jwt\n    - b/jwt-auth\n',
		);
		expect(problems).toEqual([]);
		expect(checkConcepts(concepts, ROADMAPS)).toEqual([]);
		expect(concepts[0]).toMatchObject({ id: 'jwt', name: 'JWT', place: { line: 1, column: 3 } });
		const index = conceptIndex(concepts);
		expect(index.get('b/jwt-auth')?.id).toBe('jwt');
		expect(index.get('a/routing')).toBeUndefined();
	});

	it.each([
		['YAML syntax', '- id: jwt\n  members: [\n', /^\d+:\d+ YAML syntax/],
		['a file that is not a list', 'id: jwt\n', /^1:1 the file is not a list/],
		['an unknown field', '- id: x\n  name: X\n  members: [a/jwt, b/router]\n  nmae: y\n', /^4:3 field "nmae"/],
		['a missing id', '- name: X\n  members: [a/jwt, b/router]\n', /^1:3 field "id": missing/],
		['an id not in kebab-case', '- id: Jwt_x\n  name: X\n  members: [a/jwt, b/router]\n', /^1:7 field "id": "Jwt_x"/],
		[
			'an id used twice',
			'- id: x\n  name: X\n  members: [a/jwt, b/router]\n- id: x\n  name: Y\n  members: [a/routing, b/jwt-auth]\n',
			/^4:7 field "id": "x" is already the id of the concept on line 1/,
		],
		['a missing name', '- id: x\n  members: [a/jwt, b/router]\n', /^1:3 field "name": missing/],
		['a long name', `- id: x\n  name: ${'n'.repeat(41)}\n  members: [a/jwt, b/router]\n`, /^2:9 field "name": longer than 40/],
		['members that are not a list', '- id: x\n  name: X\n  members: a/jwt\n', /^3:12 field "members": missing or not a list/],
		['a member without its roadmap', '- id: x\n  name: X\n  members:\n    - jwt\n    - b/router\n', /^4:7 field "members": "jwt" is not `roadmap\/item-id`/],
	])('refuses %s, at its place', (_name, source, expected) => {
		const problems = problemsOf(source);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(expected);
	});

	it.each([
		['an unknown roadmap', 'c/jwt', /^4:7 field "members": "c\/jwt": there is no roadmap "c"/],
		['an unknown item', 'a/jwt-x', /^4:7 field "members": "a\/jwt-x": a has no item "jwt-x"/],
		['a group', 'a/auth', /^4:7 field "members": "a\/auth" is a group of items/],
	])('refuses a member that is %s', (_name, member, expected) => {
		const problems = problemsOf(`- id: x\n  name: X\n  members:\n    - ${member}\n    - b/router\n    - a/routing\n`);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(expected);
	});

	it('refuses an item in two concepts, and an item listed twice', () => {
		expect(
			problemsOf(
				'- id: x\n  name: X\n  members:\n    - a/jwt\n    - b/jwt-auth\n    - a/jwt\n- id: y\n  name: Y\n  members:\n    - a/jwt\n    - b/router\n',
			),
		).toEqual([
			'6:7 field "members": "a/jwt" is listed twice',
			'10:7 field "members": "a/jwt" is already in concept "x" (line 1)',
		]);
	});

	it('refuses a concept with one member', () => {
		expect(problemsOf('- id: x\n  name: X\n  members:\n    - a/jwt\n')).toEqual([
			'1:3 concept "x" has 1 member(s): a concept links at least two items',
		]);
	});
});

describe('the real concepts', () => {
	it('validate against the content, and the docs state their count', () => {
		const source = readConceptsSource(CONTENT)!;
		const { concepts, problems } = parseConcepts(source);
		expect(problems).toEqual([]);
		const items = itemsByRoadmap(
			readRoadmaps(CONTENT).map(({ id }) => id),
			listChapterFiles(CONTENT).map(
				({ path, contentPath }) =>
					[contentPath.split('/')[0]!, parseItemTree(readFileSync(path, 'utf8'))] as const,
			),
		);
		expect(checkConcepts(concepts, items)).toEqual([]);
		const members = concepts.reduce((sum, concept) => sum + concept.members.length, 0);
		const docs = readFileSync(join(ROOT, 'docs', 'progress.md'), 'utf8');
		const stated = /<!-- concepts-count -->([\s\S]*?)<!-- \/concepts-count -->/.exec(docs)?.[1];
		expect(stated?.replace(/\s+/g, ' ')).toBe(`${concepts.length} concepts over ${members} items`);
	});
});
