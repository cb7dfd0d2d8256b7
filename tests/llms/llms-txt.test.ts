import { describe, expect, it } from 'vitest';
import { parseItemTree } from '../../src/content/items.ts';
import { llmsFull, llmsIndex, llmsSmall, type LlmsRoadmap } from '../../src/llms/llms-txt.ts';

const body = [
	'**Goal:** Learn Express.  ',
	'Step by step.',
	'',
	'## Core',
	'',
	'- [ ] Routing (`app.get`) ^routing ^express-routing',
	'- [ ] Middleware ^middleware-group',
	'  - [ ] Application-level ^app-middleware',
	'  - [ ] Error-handling ^error-middleware',
	'',
	'| Verb | Use |',
	'| --- | --- |',
	'| GET | read |',
	'',
	'## Practice',
	'',
	'- [ ] Build a CRUD API. ^crud',
	'',
].join('\n');

const roadmap: LlmsRoadmap = {
	id: 'express',
	title: 'Express',
	summary: 'Express in depth.',
	chapters: [
		{
			title: 'Phase 1: Core',
			description: 'The basics.',
			url: 'https://x.org/roadmaps/express/01-core/',
			body,
			...(({ items, sections }) => ({ items, sections }))(parseItemTree(body)),
			learn: new Map(),
		},
	],
};

describe('llms files', () => {
	it('llms.txt links every chapter, the full and short texts and each roadmap set', () => {
		const text = llmsIndex(
			{ title: 'Site', description: 'All of it.' },
			'https://x.org/roadmaps/',
			[roadmap],
		);
		expect(text).toMatch(/^# Site\n\n> All of it\.\n/);
		expect(text).toContain('- [Phase 1: Core](https://x.org/roadmaps/express/01-core/)');
		for (const file of ['llms-full.txt', 'llms-small.txt', 'llms/express.txt'])
			expect(text).toContain(`(https://x.org/roadmaps/${file})`);
	});

	it('the full text is each chapter as Markdown, without item markers', () => {
		const text = llmsFull('Everything', [roadmap]);
		expect(text).toContain('<SYSTEM>Everything</SYSTEM>');
		expect(text).toContain('# Phase 1: Core\n\n> The basics.\n\nSource: https://x.org/');
		expect(text).toContain('- [ ] Routing (`app.get`)\n');
		expect(text).toContain('  - [ ] Application-level\n');
		expect(text).toContain('| GET | read |');
		expect(text).not.toMatch(/\^[a-z]/);
		// A line without markers stays as written: its trailing double space is a line break.
		expect(text).toContain('**Goal:** Learn Express.  \nStep by step.');
	});

	it('the short text keeps headings and nested items, and drops prose and tables', () => {
		const text = llmsSmall('Short', [roadmap]);
		expect(text).toContain(
			[
				'## Core',
				'',
				'- Routing (`app.get`)',
				'- Middleware',
				'  - Application-level',
				'  - Error-handling',
				'',
				'## Practice',
				'',
				'- Build a CRUD API.',
			].join('\n'),
		);
		expect(text).not.toContain('Goal');
		expect(text).not.toContain('| GET |');
		expect(text).not.toMatch(/\^[a-z]/);
	});

	it('both texts give each item the pages that teach it, in page order', () => {
		const learn = new Map([
			[
				'routing',
				[{ title: 'Express: Routing', url: 'https://expressjs.com/en/guide/routing.html' }],
			],
			[
				'error-middleware',
				[
					{
						title: 'Express: Error handling',
						url: 'https://expressjs.com/en/guide/error-handling.html',
					},
					{
						title: 'Express: Using middleware',
						url: 'https://expressjs.com/en/guide/using-middleware.html',
					},
				],
			],
		]);
		const withLearn = { ...roadmap, chapters: roadmap.chapters.map((c) => ({ ...c, learn })) };
		expect(llmsSmall('Short', [withLearn])).toContain(
			[
				'- Routing (`app.get`)',
				'  - Learn: [Express: Routing](https://expressjs.com/en/guide/routing.html)',
				'- Middleware',
				'  - Application-level',
				'  - Error-handling',
				'    - Learn: [Express: Error handling](https://expressjs.com/en/guide/error-handling.html); [Express: Using middleware](https://expressjs.com/en/guide/using-middleware.html)',
			].join('\n'),
		);
		expect(llmsFull('Full', [withLearn])).toContain(
			[
				'## Learn',
				'',
				'- Routing (`app.get`): [Express: Routing](https://expressjs.com/en/guide/routing.html)',
				'- Error-handling: [Express: Error handling](https://expressjs.com/en/guide/error-handling.html); [Express: Using middleware](https://expressjs.com/en/guide/using-middleware.html)',
			].join('\n'),
		);
		// No pages, no section.
		expect(llmsFull('Full', [roadmap])).not.toContain('## Learn');
	});
});
