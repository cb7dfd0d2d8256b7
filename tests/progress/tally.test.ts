import { describe, expect, it } from 'vitest';
import type { Roadmaps } from '../../src/progress/entries';
import { groupState } from '../../src/progress/tally';

const item = (id: string, ...aliases: string[]) => ({ id, aliases });

describe('group state', () => {
	it('is open, mixed or done from the leaves, found under ids or aliases', () => {
		const roadmaps = {
			r: { a: { status: 'done', at: 1 }, 'old-b': { status: 'done', at: 2 } },
		} as Roadmaps;
		expect(groupState(roadmaps, 'r', [item('c'), item('d')])).toBe('open');
		expect(groupState(roadmaps, 'r', [item('a'), item('c')])).toBe('mixed');
		expect(groupState(roadmaps, 'r', [item('a'), item('b', 'old-b')])).toBe('done');
		expect(groupState(roadmaps, 'other', [item('a')])).toBe('open');
	});
});
