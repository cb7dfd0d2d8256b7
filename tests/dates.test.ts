import { describe, expect, it } from 'vitest';
import { formatDay } from '../src/progress/dates';

describe('formatDay', () => {
	it('words a day in English, with or without its year, whatever the time zone', () => {
		const saved = process.env.TZ;
		try {
			for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
				process.env.TZ = zone;
				expect(formatDay('2026-11-24')).toBe('Tue, 24 Nov 2026');
				expect(formatDay('2026-11-24', false)).toBe('Tue 24 Nov');
				expect(formatDay('2027-01-01', false)).toBe('Fri 1 Jan');
			}
		} finally {
			process.env.TZ = saved;
		}
	});
});
