import { describe, expect, it } from 'vitest';
import {
	checkChapterFrontmatter,
	formatDuration,
	formatFrontmatterProblem,
	roadmapSchema,
} from '../src/schema';

const FILE = 'content/express-senior/01-core-express.mdx';
const ROADMAPS = ['express-senior'];
const valid = {
	title: 'Phase 1: Core Express.js',
	roadmap: 'express-senior',
	phase: 1,
	phaseTitle: 'Core Express.js',
	goal: 'Learn the fundamentals.',
	duration: { min: 2, max: 3, unit: 'weeks' },
	tags: ['express'],
};

/** The formatted messages for one frontmatter variant. */
const problems = (data: Record<string, unknown>) =>
	checkChapterFrontmatter(FILE, data, ROADMAPS).map(formatFrontmatterProblem);

describe('chapter frontmatter schema', () => {
	it('accepts a complete chapter', () => {
		expect(problems(valid)).toEqual([]);
	});

	it.each([
		['missing title', { title: undefined }, 'title'],
		['missing roadmap', { roadmap: undefined }, 'roadmap'],
		['roadmap that does not exist', { roadmap: 'cobol' }, 'roadmap'],
		['missing phase', { phase: undefined }, 'phase'],
		['phase of the wrong type', { phase: 'one' }, 'phase'],
		['phase that is not a positive integer', { phase: 1.5 }, 'phase'],
		['missing phase title', { phaseTitle: undefined }, 'phaseTitle'],
		[
			'duration with an unknown unit',
			{ duration: { min: 2, unit: 'fortnights' } },
			'duration.unit',
		],
		[
			'duration whose max is below its min',
			{ duration: { min: 3, max: 2, unit: 'weeks' } },
			'duration.max',
		],
		[
			'duration with an unknown key',
			{ duration: { min: 3, unit: 'weeks', approx: true } },
			'duration',
		],
		['tag outside the vocabulary', { tags: ['express', 'blockchain'] }, 'tags.1'],
		['tags that are not a list', { tags: 'express' }, 'tags'],
		['goal of the wrong type', { goal: 42 }, 'goal'],
	])('rejects %s, naming the file and the field', (_name, change, field) => {
		const messages = problems({ ...valid, ...change });
		expect(messages.length).toBeGreaterThan(0);
		expect(messages.some((m) => m.startsWith(`${FILE}: frontmatter field "${field}": `))).toBe(
			true,
		);
	});

	it('says how to fix a missing required field', () => {
		expect(problems({ ...valid, phase: undefined })).toEqual([
			`${FILE}: frontmatter field "phase": Required: the phase number, 1 first, e.g. \`phase: 2\`.`,
		]);
	});

	it('names the roadmaps that exist when the reference is wrong', () => {
		expect(problems({ ...valid, roadmap: 'cobol' })[0]).toContain('use one of "express-senior"');
	});

	it('lets generated pages (pageKind: page) omit chapter fields', () => {
		expect(problems({ title: 'Home', pageKind: 'page' })).toEqual([]);
	});
});

describe('roadmap metadata schema', () => {
	const roadmap = {
		title: 'Senior Express.js Developer',
		shortTitle: 'Senior Express',
		summary: 'From fundamentals to senior.',
		audience: 'JavaScript developers.',
		stack: ['Node.js', 'Express.js'],
		order: 1,
		source: '000_3fef6295854d220c.txt',
	};

	it('accepts complete metadata', () => {
		expect(roadmapSchema.safeParse(roadmap).success).toBe(true);
	});

	it.each(['title', 'summary', 'audience', 'stack', 'order', 'source'])('requires %s', (field) => {
		const result = roadmapSchema.safeParse({ ...roadmap, [field]: undefined });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual([field]);
	});

	it('rejects an unknown field (likely a typo)', () => {
		const result = roadmapSchema.safeParse({ ...roadmap, sumary: 'typo' });
		expect(result.success).toBe(false);
	});
});

describe('formatDuration', () => {
	it.each([
		[{ min: 2, max: 3, unit: 'weeks' as const }, '2–3 weeks'],
		[{ min: 20, unit: 'days' as const }, '20 days'],
		[{ min: 1, unit: 'months' as const }, '1 month'],
		[{ min: 4, max: 4, unit: 'weeks' as const }, '4 weeks'],
	])('formats %o as %s', (duration, text) => {
		expect(formatDuration(duration)).toBe(text);
	});
});
