import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/content/finding.ts';
import { lintContent } from '../../scripts/lint/run.ts';
import { RULES } from '../../scripts/lint/rules/index.ts';
import { FIXTURES, lintWith } from './helpers.ts';

const FILE = 'content/demo/01-demo.mdx';

/** One bad fixture per rule (`tests/fixtures/lint/<rule>/content/`), and what the rule must report. */
const CASES: [rule: string, expected: string[]][] = [
	[
		'frontmatter',
		[
			'content/broken/_roadmap.yaml:1:1',
			'content/broken/_roadmap.yaml:3:1',
			`${FILE}:6:17`,
			'content/demo/02-days.mdx:7:1',
		],
	],
	['item-id-missing', [`${FILE}:11:7`]],
	['item-id-malformed', [`${FILE}:10:16`]],
	['item-id-duplicate', ['content/demo/02-demo.mdx:11:20']],
	['item-id-collision', [`${FILE}:10:15`, `${FILE}:11:17`]],
	['concepts', ['content/concepts.yaml:6:3', 'content/concepts.yaml:14:7']],
	// A host off the allowlist, and a concept's member given pages of its own.
	['resources', ['content/resources.yaml:6:3', 'content/resources.yaml:12:3']],
	['mojibake', [`${FILE}:10:9`]],
	['heading-order', [`${FILE}:12:1`]],
	['empty-section', [`${FILE}:8:1`]],
	['bare-url', [`${FILE}:12:5`]],
	['malformed-link', [`${FILE}:12:6`, `${FILE}:12:67`, `${FILE}:14:1`, `${FILE}:14:15`]],
	['internal-link', [`${FILE}:12:35`, `${FILE}:12:59`, `${FILE}:12:91`, `${FILE}:12:102`]],
	// The content policy (src/security/content-policy.ts); tests/content-policy.test.ts has the rest.
	['import-export', [`${FILE}:8:1`, `${FILE}:10:1`, `${FILE}:12:1`]],
	['js-expression', [`${FILE}:14:11`, `${FILE}:18:8`, `${FILE}:18:35`]],
	['html-element', [`${FILE}:10:1`, `${FILE}:12:11`, `${FILE}:14:1`, `${FILE}:18:1`]],
	['html-attribute', [`${FILE}:12:19`, `${FILE}:14:7`, `${FILE}:14:72`]],
	['event-handler', [`${FILE}:12:26`]],
	['unsafe-url', [`${FILE}:12:5`, `${FILE}:12:41`, `${FILE}:14:4`, `${FILE}:16:1`]],
	['resource-link', [`${FILE}:16:3`, `${FILE}:17:8`, `${FILE}:18:33`, `${FILE}:19:3`]],
];

describe('content linter rules', () => {
	it.each(CASES)('%s reports its fixture at the right place', (rule, expected) => {
		expect(lintWith(rule, join(FIXTURES, rule))).toEqual(
			expected.map((place) => `${rule} ${place}`),
		);
	});

	it.each(CASES.map(([rule]) => rule))('%s passes clean content', (rule) => {
		expect(lintWith(rule, join(FIXTURES, 'clean'))).toEqual([]);
	});

	it('has a fixture for every rule', () => {
		const tested = new Set([...CASES.map(([rule]) => rule), 'item-id-vanished']);
		expect(RULES.map((rule) => rule.name).filter((name) => !tested.has(name))).toEqual([]);
	});

	it('names the field and the fix for frontmatter problems', () => {
		const finding = lintContent({
			cwd: join(FIXTURES, 'frontmatter'),
			rules: RULES.filter((r) => r.name === 'frontmatter'),
		}).find((f) => f.file === FILE);
		expect(formatFinding(finding!)).toMatch(
			/^content\/demo\/01-demo\.mdx:6:17 {2}frontmatter {2}"blockchain" is not a tag \(field "tags\.1"\)\n {2}fix: use tags from the vocabulary: javascript, /,
		);
	});

	it('suggests the repaired character for mojibake', () => {
		const [finding] = lintContent({
			cwd: join(FIXTURES, 'mojibake'),
			rules: RULES.filter((r) => r.name === 'mojibake'),
		});
		expect(finding?.fix).toContain('with "’"');
	});
});
