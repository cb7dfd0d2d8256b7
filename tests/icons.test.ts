import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** Every stylesheet and component of the site, as text. */
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
	.filter((path) => /\.(css|astro)$/.test(path))
	.map((path) => ({ path, text: readFileSync(join(SRC, path), 'utf8') }));

describe('icons', () => {
	it('no stylesheet draws an emoji (an empty box where no emoji font is installed)', () => {
		expect(sources.length).toBeGreaterThan(10);
		const emoji = sources.flatMap(({ path, text }) =>
			[...text.matchAll(/content:\s*(['"])([^'"]*)\1/g)]
				.filter(([, , value]) => /\p{Extended_Pictographic}/u.test(value!))
				.map(([match]) => `src/${path}: ${match}`),
		);
		expect(emoji).toEqual([]);
	});
});
