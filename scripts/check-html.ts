/**
 * `npm run check:html [-- --dist DIR]`: every page of the built site, without a browser. The
 * browser's axe run covers one page per template; what differs between pages of one template
 * (labels, duplicate ids, heading order, empty links, image alternatives) and HTML conformance
 * (stray or misnested elements) are checked here on every page, by html-validate with its
 * recommended, accessibility and whole-document rules, plus three checks of the raw file:
 * `<meta charset>` within the first 1,024 bytes, nothing after `</html>`, and no raw Markdown in
 * the text a reader sees in `<main>`. What Starlight or Astro emit and we cannot change is listed,
 * with the reason, in KNOWN_FINDINGS below. Prints `file:line:column  rule  message` and a fix
 * for each finding; exits 1 on any.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { HtmlValidate, Parser, type Message, type RuleConfig } from 'html-validate';
import { formatFinding, type Finding } from '../src/content/finding.ts';
import { listFiles, toPosix } from '../src/content/roadmaps.ts';
import { lineColumn } from '../src/markdown/parse.ts';

/** A finding of html-validate that is expected on every build, and why it is acceptable. */
export interface KnownFinding {
	/** The html-validate rule, e.g. `unique-landmark`. */
	rule: string;
	/** CSS selector of the elements the exception covers; the rule still applies to all others. */
	selector?: string;
	/** Instead of a selector, the rule's setting for every element (only where no selector fits). */
	setting?: RuleConfig[string];
	/** One line: what emits it, and why it is acceptable or whose bug it is. */
	reason: string;
}

/** Every exception to html-validate's rules on this site, each with its reason. */
export const KNOWN_FINDINGS: readonly KnownFinding[] = [
	{
		rule: 'void-style',
		setting: 'off',
		reason:
			'Astro writes void elements self-closed (`<meta charset="utf-8"/>`); HTML allows the slash, so this is source style, not conformance.',
	},
	{
		rule: 'require-sri',
		setting: ['error', { target: 'crossorigin' }],
		reason:
			'The site loads only its own scripts and styles (same origin, hashed names under _astro/); integrity is still required from any other origin.',
	},
	{
		rule: 'long-title',
		setting: 'off',
		reason:
			'Search-engine advice (results cut titles near 70 characters), not conformance or accessibility: titles are the chapters’ own (content/) plus Starlight’s " | Backend Roadmaps".',
	},
	{
		rule: 'valid-id',
		selector: 'h1#_top',
		reason:
			'Starlight’s page-title anchor, the target of its "Overview" link; HTML allows an id starting with "_", the rule asks for a letter for CSS convenience.',
	},
	{
		rule: 'heading-level',
		selector: 'starlight-toc h2#starlight__on-this-page',
		reason:
			'Starlight’s desktop table of contents ("On this page", an <h2>) comes before <main> and its <h1> in the source; the headings after it are still checked.',
	},
	{
		rule: 'unique-landmark',
		selector: 'starlight-toc > nav, mobile-starlight-toc > nav',
		reason:
			'Starlight renders the table of contents twice, for wide and for narrow screens, both named "On this page"; its CSS shows one at a time.',
	},
	{
		rule: 'no-implicit-button-type',
		selector: 'site-search button, button[popovertarget="starlight__sidebar"]',
		reason:
			'Starlight’s search open and cancel buttons and its mobile menu toggle have no type; none is inside a form, so none submits anything.',
	},
	{
		rule: 'no-inline-style',
		selector: 'site-search > dialog',
		reason:
			'Starlight’s search dialog carries style="padding:0"; the CSP allows inline styles for Starlight (src/security/csp.ts).',
	},
	{
		rule: 'no-raw-characters',
		selector: 'head > title',
		reason:
			'Starlight writes <title> with set:html, so a title’s "&" stays raw; followed by a space it is not an ambiguous ampersand, so HTML accepts it.',
	},
	{
		rule: 'wcag/h32',
		selector: 'form[data-plan-form]',
		reason:
			'Ours by design: the plan form (src/pages/[roadmap]/plan.astro) saves on every change and says so in a status line, so it has nothing to submit.',
	},
];

const validator = new HtmlValidate({
	extends: ['html-validate:recommended', 'html-validate:document'],
	rules: Object.fromEntries(
		KNOWN_FINDINGS.flatMap(({ rule, setting }) => (setting ? [[rule, setting]] : [])),
	),
});
/** Per rule, the selector of every element its known findings cover. */
const KNOWN_ELEMENTS = new Map<string, string>();
for (const { rule, selector } of KNOWN_FINDINGS) {
	if (selector)
		KNOWN_ELEMENTS.set(rule, [KNOWN_ELEMENTS.get(rule), selector].filter(Boolean).join(', '));
}

/** Browsers look for the encoding only this far into a page (HTML's prescan). */
const CHARSET_BYTES = 1024;
const META = /<meta\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const HTML_END = /<\/html\s*>/i;
/** The part of the page a reader reads; its text as they see it is checked for raw Markdown. */
const MAIN = /<main[\s\S]*<\/main>/;
/** What a reader does not see as text: scripts, styles, code blocks, tags, escaped characters. */
const NOT_TEXT = /<(script|style|pre)\b[\s\S]*?<\/\1>|<[^>]+>|&#39;|&quot;|&amp;|&lt;|&gt;/g;
const MARKDOWN: ReadonlyArray<readonly [RegExp, string]> = [
	[/\*\*[^*\n]+\*\*/g, 'bold markers'],
	[/\s\^[a-z0-9]+(?:-[a-z0-9]+)*(?=\s|$)/gm, 'an ^id marker'],
	[/\]\(/g, 'link syntax'],
	[/(^|\s)`[^`\n]+`/g, 'code ticks'],
];

/** What one page or a whole build shows: the findings, and how many known ones were left out. */
export interface HtmlReport {
	findings: Finding[];
	/** html-validate findings that KNOWN_FINDINGS explains. */
	known: number;
}

/**
 * Checks one page: html-validate's rules (less KNOWN_FINDINGS), `<meta charset>` within the first
 * 1,024 bytes, nothing but whitespace after `</html>`, and no raw Markdown in the text of `<main>`.
 * `file` is the path findings name (e.g. `dist/a/index.html`).
 */
export function checkPage(file: string, html: string): HtmlReport {
	const findings: Finding[] = [];
	const report = (offset: number, rule: string, message: string, fix: string) =>
		findings.push({ file, ...lineColumn(html, offset), rule, message, fix, severity: 'error' });

	const messages = validator.validateStringSync(html, file).results.flatMap((r) => r.messages);
	// html-validate's own DOM, parsed only when a known finding may apply, tells which element a
	// message is about: its `selector` finds it, the known finding's selector must match it.
	let root: ReturnType<Parser['parseHtml']> | undefined;
	const isKnown = ({ ruleId, selector }: Message) => {
		const known = KNOWN_ELEMENTS.get(ruleId);
		if (!known || !selector) return false;
		root ??= new Parser(validator.getConfigForSync(file)).parseHtml(html);
		return root.querySelector(selector)?.matches(known) ?? false;
	};
	let known = 0;
	for (const message of messages) {
		if (isKnown(message)) {
			known++;
			continue;
		}
		findings.push({
			file,
			line: message.line,
			column: message.column,
			rule: message.ruleId,
			message: message.message,
			fix: `correct the component or chapter that renders it (${message.ruleUrl}); what Starlight or Astro write goes into KNOWN_FINDINGS in scripts/check-html.ts, with its reason`,
			severity: 'error',
		});
	}

	// The attribute, not the word in some other attribute's value.
	const charset = [...html.matchAll(META)].find((meta) =>
		/\scharset\s*=/i.test(meta[0].replace(/"[^"]*"|'[^']*'/g, '""')),
	);
	const charsetFix =
		'put <meta charset="utf-8"> first in <head>, before anything long such as the Content-Security-Policy <meta> (src/security/csp.ts)';
	if (!charset) report(0, 'meta-charset', 'no <meta charset>', charsetFix);
	else {
		const bytes = Buffer.byteLength(html.slice(0, charset.index + charset[0].length));
		if (bytes > CHARSET_BYTES) {
			report(
				charset.index,
				'meta-charset',
				`<meta charset> ends at byte ${bytes}: browsers look for it only in the first ${CHARSET_BYTES.toLocaleString('en')}`,
				charsetFix,
			);
		}
	}

	const end = HTML_END.exec(html);
	if (end) {
		const after = end.index + end[0].length;
		const stray = /\S/.exec(html.slice(after));
		if (stray) {
			report(
				after + stray.index,
				'content-after-html',
				`"${html.slice(after).trim().slice(0, 40)}" after </html>`,
				'remove it: nothing but whitespace may follow </html> (a build step appending to pages must write inside <body>)',
			);
		}
	}

	const main = MAIN.exec(html);
	if (main) {
		// Blanked, not removed, so an offset in the text is the same offset in the page.
		const text = main[0].replace(NOT_TEXT, (hidden) => ' '.repeat(hidden.length));
		for (const [pattern, what] of MARKDOWN) {
			for (const match of text.matchAll(pattern)) {
				const shown = match[0].trim();
				report(
					main.index + match.index + match[0].indexOf(shown),
					'raw-markdown',
					`${what}: "${shown}"`,
					'correct the Markdown in the chapter (npm run lint:content points at its line) or the component that renders this text',
				);
			}
		}
	}
	findings.sort((a, b) => a.line - b.line || a.column - b.column);
	return { findings, known };
}

/** Checks every `.html` file under `distDir`, naming files from its parent (`dist/a/index.html`). */
export function checkHtml(distDir: string): HtmlReport & { pages: number } {
	const pages = listFiles(distDir).filter((file) => file.endsWith('.html'));
	const all: HtmlReport = { findings: [], known: 0 };
	for (const page of pages) {
		const { findings, known } = checkPage(
			toPosix(relative(join(distDir, '..'), page)),
			readFileSync(page, 'utf8'),
		);
		all.findings.push(...findings);
		all.known += known;
	}
	return { ...all, pages: pages.length };
}

if (import.meta.main) {
	const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
	const dist = values.dist;
	if (!existsSync(dist)) {
		console.error(`check:html: no ${dist}/ folder. Run \`npm run build\` first.`);
		process.exit(1);
	}
	const started = performance.now();
	const { findings, known, pages } = checkHtml(dist);
	for (const finding of findings) console.log(formatFinding(finding));
	const elapsed = Math.round(performance.now() - started);
	console.log(
		`${findings.length} problem(s) in ${pages} page(s) of ${dist}/ (${known} known finding(s) left out, listed in scripts/check-html.ts; ${elapsed} ms)`,
	);
	process.exitCode = findings.length > 0 ? 1 : 0;
}
