import { describe, expect, it } from 'vitest';
import { findMojibake } from '../../src/text/mojibake.ts';

describe('findMojibake', () => {
	it.each([
		['Itâ€™s', 'â€™', '’'],
		['cafÃ©', 'Ã©', 'é'],
		['Launch ðŸš€', 'ðŸš€', '🚀'],
		['Â© 2024', 'Â©', '©'],
		['a \uFFFD b', '\uFFFD', undefined],
	])('finds %s', (text, sequence, repaired) => {
		expect(findMojibake(text)).toEqual([{ index: text.indexOf(sequence), sequence, repaired }]);
	});

	it('leaves correct accented and non-Latin text alone', () => {
		expect(findMojibake('naïve café São Paulo — “quotes” ’ Ärger Ñandú 日本語 🚀')).toEqual([]);
	});
});
