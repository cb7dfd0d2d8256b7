import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { a11y, document, recommended } from 'html-validate/presets';
import { describe, expect, it } from 'vitest';
import { checkHtml, checkPage, KNOWN_FINDINGS } from '../../scripts/check-html.ts';
import { formatFinding } from '../../src/content/finding.ts';

/** A page that passes every check, with `body` in its `<main>` (line 10) and `head` at line 6. */
const page = (body: string, head = '') => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A chapter</title>
${head}
</head>
<body>
<main><h1>A chapter</h1>
${body}
</main>
</body>
</html>
`;
const CLEAN = page(`<p>Read <a href="/next/">the next chapter</a>.</p>
<img src="/chart.png" alt="Requests per second by framework">
<label>Your name <input type="text" name="name"></label>
<pre>**not Markdown here**: code keeps [its](syntax)</pre>`);

/** `line:column rule message` of each finding on `html`. */
const found = (html: string) =>
	checkPage('dist/demo/index.html', html).findings.map(
		(f) => `${f.line}:${f.column} ${f.rule} ${f.message}`,
	);

describe('check:html on one page', () => {
	it('passes a clean page', () => {
		expect(checkPage('dist/demo/index.html', CLEAN)).toEqual({ findings: [], known: 0 });
	});

	it('finds a duplicate id', () => {
		expect(found(page('<p id="step">a</p><p id="step">b</p>'))).toEqual([
			'10:26 no-dup-id Duplicate ID "step"',
		]);
	});

	it('finds an input without a label', () => {
		expect(found(page('<input type="search" name="q">'))).toEqual([
			'10:2 input-missing-label <input> element does not have a <label>',
		]);
	});

	it('finds an image without alt text', () => {
		expect(found(page('<img src="/chart.png">'))).toEqual([
			'10:2 wcag/h37 <img> is missing required "alt" attribute',
		]);
	});

	it('finds a skipped heading level', () => {
		expect(found(page('<h3>Details</h3>'))).toEqual([
			'10:2 heading-level Heading level can only increase by one, expected <h2> but got <h3>',
		]);
	});

	it('finds an empty link', () => {
		expect(found(page('<a href="/next/"></a>'))).toEqual([
			'10:2 wcag/h30 Anchor link must have a text describing its purpose',
		]);
	});

	it('finds a misnested element', () => {
		expect(found(page('<p><div>A block in a paragraph</div></p>'))).toEqual([
			'10:2 no-implicit-close Element <p> is implicitly closed by adjacent <div>',
			"10:38 close-order Stray end tag '</p>'",
		]);
	});

	it('finds anything but whitespace after </html>', () => {
		expect(found(`${CLEAN}<script src="/late.js"></script>\n`)).toEqual([
			'17:1 content-after-html "<script src="/late.js"></script>" after </html>',
		]);
	});

	it('finds a <meta charset> that ends after the first 1,024 bytes', () => {
		const late = CLEAN.replace(
			'<meta charset="utf-8">',
			`<meta name="description" content="${'é'.repeat(500)}">\n<meta charset="utf-8">`,
		);
		// 500 characters, 1,000 bytes: the limit is in bytes.
		expect(found(late)).toEqual([
			'5:1 meta-charset <meta charset> ends at byte 1099: browsers look for it only in the first 1,024',
		]);
		expect(found(CLEAN.replace('<meta charset="utf-8">', ''))).toContain(
			'1:1 meta-charset no <meta charset>',
		);
	});

	it('finds raw Markdown and ^id markers in the text of <main>, not in code or attributes', () => {
		expect(
			found(
				page(
					'<p title="**a title**">Use **bold**, [a link](/x/), `code` and ^item-id</p><pre>**x**</pre>',
				),
			),
		).toEqual([
			'10:28 raw-markdown bold markers: "**bold**"',
			'10:45 raw-markdown link syntax: "]("',
			'10:53 raw-markdown code ticks: "`code`"',
			'10:64 raw-markdown an ^id marker: "^item-id"',
		]);
	});

	it('prints each finding as file:line:column  rule  message, with a fix', () => {
		const [finding] = checkPage('dist/demo/index.html', page('<img src="/a.png">')).findings;
		expect(formatFinding(finding!)).toMatch(
			/^dist\/demo\/index\.html:10:2 {2}wcag\/h37 {2}<img> is missing required "alt" attribute\n {2}fix: .*KNOWN_FINDINGS/,
		);
	});
});

describe('known findings', () => {
	it('give a one-line reason for every entry, and a rule html-validate runs here', () => {
		const rules = new Set(
			[recommended, document, a11y].flatMap((preset) => Object.keys(preset.rules ?? {})),
		);
		for (const known of KNOWN_FINDINGS) {
			expect(known.reason.length, known.rule).toBeGreaterThan(40);
			expect(known.reason, known.rule).not.toContain('\n');
			expect(rules, known.rule).toContain(known.rule);
			// Either scoped to elements or a setting for the rule, never both, never neither.
			expect(!!known.selector !== !!known.setting, known.rule).toBe(true);
		}
	});

	it('leave out only the elements their selector names', () => {
		const starlight = CLEAN.replace('<h1>', '<h1 id="_top">');
		expect(checkPage('dist/demo/index.html', starlight)).toEqual({ findings: [], known: 1 });
		expect(found(CLEAN.replace('<h1>', '<h1 id="_intro">'))).toEqual([
			'9:15 valid-id element id "_intro" must begin with a letter',
		]);
	});
});

describe('check:html over dist/', () => {
	it('checks every .html file and names it from the dist folder', () => {
		const dist = join(mkdtempSync(join(tmpdir(), 'check-html-')), 'dist');
		const write = (path: string, text: string) => {
			mkdirSync(dirname(join(dist, path)), { recursive: true });
			writeFileSync(join(dist, path), text);
		};
		try {
			write('index.html', CLEAN);
			write('demo/01-a/index.html', page('<img src="/a.png">'));
			write('_astro/site.css', 'main{}');
			const { pages, findings } = checkHtml(dist);
			expect(pages).toBe(2);
			expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
				'dist/demo/01-a/index.html:10 wcag/h37',
			]);
		} finally {
			rmSync(dirname(dist), { recursive: true, force: true });
		}
	});
});
