import type { Program } from 'estree';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { parseChapter } from '../src/markdown/parse.ts';
import { checkChapter, checkCompiledChapter } from '../src/security/content-policy.ts';
import { readPolicyTree } from '../src/security/policy-tree.ts';

/**
 * `rule line:column` of every finding in a chapter body, as the build reads it (`readPolicyTree`),
 * after checking that the linter's parse (`parseChapter`) finds exactly the same.
 */
const check = (body: string) => {
	const findings = checkChapter(readPolicyTree(body));
	expect(findings, 'the build and the linter find the same').toEqual(
		checkChapter(parseChapter(body)),
	);
	return findings.map((f) => `${f.rule} ${f.line}:${f.column}`);
};

describe('content policy: refused', () => {
	it.each([
		['an import of a Node module', "import fs from 'node:fs'", ['import-export 1:1']],
		['a bare import (runs the module)', "import 'node:child_process'", ['import-export 1:1']],
		[
			'a component not in the allowlist',
			"import { Aside, Default } from '@astrojs/starlight/components'",
			['import-export 1:1'],
		],
		['any export', 'export const x = process.env.SECRET', ['import-export 1:1']],
		[
			'a default export (a layout)',
			"export default function () { return 'x' }",
			['import-export 1:1'],
		],
		['an expression in text', 'Built by: {process.env.USER}', ['js-expression 1:11']],
		['import.meta', 'a {import.meta.env.SECRET}', ['js-expression 1:3']],
		['a spread', '<p {...props}>x</p>', ['js-expression 1:4']],
		['an expression on an HTML element', "<a href={'https://x.org'}>x</a>", ['js-expression 1:4']],
		['raw script', '<script>alert(1)</script>', ['html-element 1:1']],
		[
			'raw script in a task item',
			'- [ ] Item <script>alert(1)</script> ^item',
			['html-element 1:12'],
		],
		[
			'raw style',
			'<style>{`body{display:none}`}</style>',
			['html-element 1:1', 'js-expression 1:8'],
		],
		...['iframe', 'object', 'embed', 'form', 'meta', 'link', 'base', 'svg', 'textarea'].map(
			(name): [string, string, string[]] => [`raw ${name}`, `<${name} />`, ['html-element 1:1']],
		),
		[
			'Fragment with set:html',
			'<Fragment set:html="<b>" />',
			['html-element 1:1', 'html-attribute 1:11'],
		],
		['a style attribute', '<span style="color: red">x</span>', ['html-attribute 1:7']],
		['an event handler', '<img src="a.png" alt="" onerror="alert(1)" />', ['event-handler 1:25']],
		['an event handler in any case', '<b ONCLICK="x">b</b>', ['event-handler 1:4']],
		['a javascript: link', '[x](javascript:alert(1))', ['unsafe-url 1:1']],
		['a javascript: link in any case', '[x]( JaVaScRiPt:alert(1))', ['unsafe-url 1:1']],
		[
			'a javascript: URL split by a newline',
			'<a href="java\nscript:alert(1)">x</a>',
			['unsafe-url 1:4'],
		],
		['a vbscript: definition', '[x]\n\n[x]: vbscript:msgbox', ['unsafe-url 3:1']],
		['a data: image', '![x](data:image/png;base64,AA==)', ['unsafe-url 1:1']],
		['a javascript: JSX link', '<a href="javascript:alert(1)">x</a>', ['unsafe-url 1:4']],
	])('%s', (_name, body, expected) => {
		expect(check(body)).toEqual(expected);
	});

	it('an import the parser cannot read fails as a whole (import attributes)', () => {
		expect(() =>
			check("import { Aside } from '@astrojs/starlight/components' with { type: 'x' }"),
		).toThrow(/Could not parse/);
	});

	const aside = "import { Aside } from '@astrojs/starlight/components'\n\n";
	it.each([
		['a call', '<Aside title={String(1)}>x</Aside>'],
		[
			'the Function constructor by property chain',
			"<Aside title={[].at.constructor('return 1')()}>x</Aside>",
		],
		['a template with a value', '<Aside title={`${process.env.X}`}>x</Aside>'],
		['a computed object key', '<Aside title={{ [x]: 1 }}>x</Aside>'],
		['globalThis', '<Aside title={globalThis}>x</Aside>'],
	])('a component attribute that is code: %s', (_name, element) => {
		expect(check(aside + element)).toEqual(['js-expression 3:8']);
	});

	it('a javascript: URL inside a literal attribute of a component', () => {
		expect(check(aside + "<Aside title={{ href: 'javascript:x' }}>x</Aside>")).toEqual([
			'unsafe-url 3:8',
		]);
	});

	it('an allowlisted component renamed to an HTML element name', () => {
		const body =
			"import { Aside as script } from '@astrojs/starlight/components'\n\n<script>x</script>";
		expect(check(body)).toEqual(['import-export 1:1', 'html-element 3:1']);
	});

	it('a component that is not imported, and directives on components', () => {
		expect(check(aside + '<Tabs />\n\n<Aside set:html="x" client:load>x</Aside>')).toEqual([
			'html-element 3:1',
			'html-attribute 5:8',
			'html-attribute 5:21',
		]);
	});

	it('names the build environment and the fix', () => {
		const [finding] = checkChapter(parseChapter('{process.env.SECRET}'));
		expect(finding).toMatchObject({
			message: expect.stringContaining('(reads process.env)'),
			fix: expect.stringContaining('backticks'),
		});
	});
});

describe('content policy: allowed', () => {
	it('Markdown, links, images, code that mentions process.env, comments', () => {
		const body = [
			'## Topic',
			'- [ ] Read `process.env.PORT` in [the docs](https://nodejs.org/api/process.html). ^port',
			'![A diagram](./diagram.png) and [a page](../02-next/#item) [ref]',
			'```js\nimport fs from "node:fs";\nconsole.log(process.env.HOME)\n```',
			'{/* a note for editors */}',
			'[ref]: https://example.org/',
		].join('\n\n');
		expect(check(body)).toEqual([]);
	});

	it('allowlisted components, also renamed, with literal attributes', () => {
		const body = [
			"import { Aside, Tabs as T, TabItem } from '@astrojs/starlight/components'",
			"import Quiz from '../../src/components/content/Quiz.astro'",
			'<Aside type="tip" title={\'Literal\'}>x</Aside>',
			'<T><TabItem label="npm" data={[1, -2, true, null, { a: \'b\' }, `t`]}>npm i</TabItem></T>',
			'<Quiz answers={3} />',
		].join('\n\n');
		expect(check(body)).toEqual([]);
	});

	it('plain HTML elements with descriptive attributes', () => {
		const body =
			'<details open><summary>More</summary><kbd>Ctrl</kbd> <abbr title="x" aria-label="y">a</abbr>' +
			'<a href="https://example.org/" target="_blank" rel="noopener">x</a></details>';
		expect(check(body)).toEqual([]);
	});
});

describe('content policy: the compiled chapter', () => {
	/** The shape of a chapter as MDX compiles it (abridged). */
	const compiled = (extra = '') =>
		parseAst(
			[
				"import { jsx as _jsx } from 'astro/jsx-runtime';",
				"import { Aside } from '@astrojs/starlight/components';",
				extra,
				"function _createMdxContent(props) { return _jsx(Aside, { title: 'x', children: 'process.env' }); }",
				"export const frontmatter = { title: 'x' };",
				'export default function Content(props = {}) { return _createMdxContent(props); }',
				"import { __astro_tag_component__ } from 'astro/runtime/server/index.js';",
				"__astro_tag_component__(Content, 'astro:jsx');",
			].join('\n'),
		) as unknown as Program;

	it('accepts the MDX runtime and allowlisted components', () => {
		expect(checkCompiledChapter(compiled())).toEqual([]);
	});

	it.each([
		["import fs from 'node:fs';", ['imports "node:fs"']],
		["export * from 'node:child_process';", ['imports "node:child_process"']],
		["const m = import('node:fs');", ['imports a module at run time']],
		['const s = process.env.SECRET;', ['names process']],
		['const s = import.meta.env.SECRET;', ['reads import.meta']],
		["const g = globalThis['process'];", ['names globalThis']],
	])('refuses %s', (code, expected) => {
		expect(checkCompiledChapter(compiled(code))).toEqual(expected);
	});
});
