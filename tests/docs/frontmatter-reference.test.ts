import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updatedContributing } from '../../scripts/docs/contributing.ts';
import { renderFrontmatterReference } from '../../scripts/docs/frontmatter-reference.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const schemaSource = readFileSync(join(ROOT, 'src', 'schema.ts'), 'utf8');

describe('frontmatter reference in CONTRIBUTING.md', () => {
	it('is up to date with src/schema.ts (run `npm run docs:frontmatter` if this fails)', async () => {
		const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
		expect(await updatedContributing(contributing, schemaSource)).toBe(contributing);
	});

	it('follows the schema: required fields, allowed values and field comments', () => {
		const reference = renderFrontmatterReference(schemaSource);
		expect(reference).toContain('| `phase` | yes | whole number |');
		expect(reference).toContain('| `goal` | no | text | What the learner can do after this phase');
		expect(reference).toContain('`{ min, max?, unit: days \\| weeks \\| months }`');
		expect(reference).toContain('| `node-core` |');
	});

	it('changes when a field comment in the schema changes', () => {
		const edited = schemaSource.replace('/** Who it is for. */', '/** The intended learners. */');
		expect(renderFrontmatterReference(edited)).toContain(
			'| `audience` | yes | text | The intended learners. |',
		);
	});
});
