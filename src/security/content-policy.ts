import type { Node as EsNode, Program } from 'estree';
import type { Definition, Image, Link, Node, Parent, Root } from 'mdast';
import type { MdxFlowExpression } from 'mdast-util-mdx-expression';
import type {
	MdxJsxAttribute,
	MdxJsxExpressionAttribute,
	MdxJsxFlowElement,
} from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';

/**
 * The content policy: chapters are content, not code.
 *
 * Chapters come from strangers by pull request, and MDX is a programming language: an `import`
 * runs code during the build, `{process.env.X}` publishes the build environment, a raw `<script>`
 * runs in every reader's browser. So a chapter may hold Markdown, a short list of harmless HTML
 * elements and the components allowlisted here, with literal attribute values, and nothing else.
 *
 * One pure function, `checkChapter`, over the chapter's syntax tree (remark-parse + remark-mdx,
 * as the linter parses it). The linter reports its findings (`scripts/lint/rules/content-policy.ts`)
 * and the build refuses to compile a chapter with any (`src/integrations/content-policy.ts`).
 * docs/security.md, "Content policy", explains each rule.
 */

/** The policy's rules, each a lint rule of the same name. */
export const POLICY_RULES = {
	'import-export':
		'No MDX import or export, except imports of allowlisted components (Starlight\u2019s, ours).',
	'js-expression': 'No {expressions}: only literal values in attributes of allowlisted components.',
	'html-element': 'Only harmless HTML elements and imported allowlisted components.',
	'html-attribute': 'Only plain attributes on HTML elements; no directives such as set:html.',
	'event-handler': 'No on* event handler attributes.',
	'unsafe-url': 'No javascript:, vbscript: or data: URLs in links, images or attributes.',
} as const;

export type PolicyRule = keyof typeof POLICY_RULES;

export interface PolicyFinding {
	rule: PolicyRule;
	/** 1-based line and column in the chapter's source. */
	line: number;
	column: number;
	message: string;
	fix: string;
}

/** Starlight's components a chapter may import, by name, from this module only. */
export const STARLIGHT_COMPONENTS_MODULE = '@astrojs/starlight/components';
export const STARLIGHT_COMPONENTS: ReadonlySet<string> = new Set([
	'Aside',
	'Badge',
	'Card',
	'CardGrid',
	'Code',
	'FileTree',
	'Icon',
	'LinkButton',
	'LinkCard',
	'Steps',
	'TabItem',
	'Tabs',
]);
/**
 * The project's own components made for chapters: a default import of
 * `src/components/content/<Name>.astro`, relative to a chapter (always two folders deep).
 */
export const OWN_COMPONENT_MODULE =
	/^\.\.\/\.\.\/src\/components\/content\/([A-Z][A-Za-z0-9]*)\.astro$/;

/**
 * Raw HTML elements whose only effect is how text looks or is structured. Everything else is
 * refused; the ones below get their own reason because they are how pages get taken over.
 */
const HTML_ELEMENTS: ReadonlySet<string> = new Set(
	(
		'a abbr b blockquote br caption cite code dd del details dfn div dl dt em figcaption figure ' +
		'h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub summary ' +
		'sup table tbody td tfoot th thead tr u ul var wbr'
	).split(' '),
);
const DANGEROUS_ELEMENTS: ReadonlyMap<string, string> = new Map([
	['script', 'runs code in every reader\u2019s browser'],
	['style', 'restyles the whole site'],
	['iframe', 'embeds another site in the page'],
	['object', 'embeds a plugin or another document'],
	['embed', 'embeds a plugin or another document'],
	['form', 'sends readers\u2019 input elsewhere'],
	['meta', 'can redirect readers to another site'],
	['link', 'loads resources or redirects'],
	['base', 'redirects every relative link on the page'],
]);
/** Attributes of raw HTML elements that only describe content (plus `aria-*`). */
const HTML_ATTRIBUTES: ReadonlySet<string> = new Set(
	(
		'id class title lang dir alt src href width height open colspan rowspan scope headers ' +
		'start reversed type value datetime cite loading decoding rel target role'
	).split(' '),
);
/** Names through which a chapter's code would reach the build environment. */
const BUILD_ENVIRONMENT = new Set(['process', 'globalThis', 'global', 'require', 'module']);
/** Schemes that run code or smuggle a document instead of pointing somewhere. */
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/;

type Report = (finding: PolicyFinding) => void;
type Place = { line: number; column: number };

/** Every policy finding in a chapter, in source order. */
export function checkChapter(tree: Root): PolicyFinding[] {
	const findings: PolicyFinding[] = [];
	const report: Report = (finding) => findings.push(finding);
	const components = allowedComponents(tree, report);
	visit(tree, (node) => checkNode(node, components, report));
	return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Checks the imports; returns the local names of the allowlisted components they bring in. */
function allowedComponents(tree: Root, report: Report): Set<string> {
	const names = new Set<string>();
	visit(tree, (node) => {
		if (node.type !== 'mdxjsEsm') return;
		const esm = node as MdxjsEsm;
		const program = esm.data?.estree;
		if (!program) {
			report(finding('import-export', esm, 'import or export that could not be read', IMPORT_FIX));
			return;
		}
		for (const statement of program.body) {
			const at = placeOf(statement, esm);
			if (statement.type !== 'ImportDeclaration') {
				report({
					rule: 'import-export',
					...at,
					message: `export in a chapter${environmentNote(statement)}: a chapter's code runs during the build`,
					fix: 'remove the export; write the value into the text',
				});
				continue;
			}
			const source = String(statement.source.value);
			const own = OWN_COMPONENT_MODULE.exec(source);
			const allowed =
				statement.specifiers.length > 0 &&
				(statement.attributes ?? []).length === 0 &&
				statement.specifiers.every(
					(specifier) =>
						// A lowercase name would be read as an HTML element: `<script>` must stay one.
						/^[A-Z]/.test(specifier.local.name) &&
						(own
							? specifier.type === 'ImportDefaultSpecifier'
							: source === STARLIGHT_COMPONENTS_MODULE &&
								specifier.type === 'ImportSpecifier' &&
								specifier.imported.type === 'Identifier' &&
								STARLIGHT_COMPONENTS.has(specifier.imported.name)),
				);
			if (allowed) {
				for (const specifier of statement.specifiers) names.add(specifier.local.name);
			} else {
				report({
					rule: 'import-export',
					...at,
					message: `import from ${quote(source)}: a chapter may import only allowlisted components; any other module runs code during the build`,
					fix: IMPORT_FIX,
				});
			}
		}
	});
	return names;
}

const IMPORT_FIX = `import components by their capitalised names from '${STARLIGHT_COMPONENTS_MODULE}' (${[...STARLIGHT_COMPONENTS].join(', ')}) or a default import of '../../src/components/content/<Name>.astro'; nothing else`;

function checkNode(node: Node, components: ReadonlySet<string>, report: Report): void {
	switch (node.type) {
		case 'mdxFlowExpression':
		case 'mdxTextExpression': {
			const expression = node as MdxFlowExpression;
			const program = expression.data?.estree ?? undefined;
			// `{/* a comment */}` is MDX's comment syntax: no code.
			if (program && program.body.length === 0) return;
			report(
				finding(
					'js-expression',
					node,
					`{${short(expression.value)}} is code${environmentNote(program)}, run during the build`,
					'write the text itself; to show code, put it in `backticks` or a ``` block',
				),
			);
			return;
		}
		case 'link':
		case 'image':
		case 'definition':
			checkUrl((node as Link | Image | Definition).url, node, report);
			return;
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
			checkElement(node as MdxJsxFlowElement, components, report);
	}
}

function checkElement(
	element: MdxJsxFlowElement,
	components: ReadonlySet<string>,
	report: Report,
): void {
	const name = element.name;
	const isComponent = name !== null && components.has(name);
	if (name !== null && !isComponent) {
		const reason = DANGEROUS_ELEMENTS.get(name);
		if (reason || !HTML_ELEMENTS.has(name)) {
			const isComponentLike = /^[A-Z]|\./.test(name);
			report(
				finding(
					'html-element',
					element,
					reason
						? `raw <${name}> ${reason}`
						: isComponentLike
							? `<${name}> is not an imported allowlisted component`
							: `<${name}> is not one of the HTML elements chapters may use`,
					reason || !isComponentLike
						? 'remove it; Markdown has links, images, lists, tables and code blocks, and docs/security.md lists the allowed elements'
						: `import it from '${STARLIGHT_COMPONENTS_MODULE}' if it is one of ${[...STARLIGHT_COMPONENTS].join(', ')}, else remove it`,
				),
			);
		}
	}
	for (const attribute of element.attributes) {
		checkAttribute(attribute, element, name ?? '', isComponent, report);
	}
}

function checkAttribute(
	attribute: MdxJsxAttribute | MdxJsxExpressionAttribute,
	element: MdxJsxFlowElement,
	elementName: string,
	isComponent: boolean,
	report: Report,
): void {
	const isHtml = HTML_ELEMENTS.has(elementName);
	const node = attribute.position ? attribute : element;
	if (attribute.type === 'mdxJsxExpressionAttribute') {
		report(
			finding(
				'js-expression',
				node,
				`{${short(attribute.value)}} spreads code into <${elementName}>`,
				'write each attribute out with a literal value: name="value"',
			),
		);
		return;
	}
	const { name, value } = attribute;
	if (/^on/i.test(name)) {
		report(
			finding(
				'event-handler',
				node,
				`${name} on <${elementName}> runs code in readers' browsers`,
				`remove the ${name} attribute`,
			),
		);
	} else if (name.includes(':')) {
		report(
			finding(
				'html-attribute',
				node,
				`${name} on <${elementName}> is an Astro directive (set:html injects raw HTML)`,
				`remove ${name}; write the content as Markdown`,
			),
		);
	} else if (isHtml && !HTML_ATTRIBUTES.has(name) && !name.startsWith('aria-')) {
		report(
			finding(
				'html-attribute',
				node,
				`attribute ${name} on <${elementName}> is not one chapters may use (style and data-* reach into the site's layout and scripts)`,
				`remove ${name}; HTML elements take ${[...HTML_ATTRIBUTES].join(', ')} and aria-*`,
			),
		);
	}
	if (typeof value === 'string' || value === null || value === undefined) {
		if (typeof value === 'string') checkUrl(value, node, report);
		return;
	}
	const program = value.data?.estree;
	if (!isComponent || !program || !isLiteral(program)) {
		report(
			finding(
				'js-expression',
				node,
				`${name}={${short(value.value)}} is code${environmentNote(program ?? undefined)}, run during the build`,
				isComponent
					? `use a literal: ${name}="text", ${name}={3}, ${name}={true} or ${name}={['a', 'b']}`
					: `write ${name}="text"`,
			),
		);
		return;
	}
	for (const text of literalStrings(program)) checkUrl(text, node, report);
}

function checkUrl(url: string, node: Node, report: Report): void {
	// Browsers drop tabs and newlines anywhere in a URL and control characters and spaces around it.
	const normalized = url
		.replace(/[\t\n\r]/g, '')
		// eslint-disable-next-line no-control-regex
		.replace(/^[\u0000-\u0020]+/, '')
		.toLowerCase();
	const scheme = UNSAFE_SCHEME.exec(normalized)?.[0];
	if (!scheme) return;
	report(
		finding(
			'unsafe-url',
			node,
			`${scheme} URL ${quote(url)} ${scheme === 'data:' ? 'embeds a document instead of linking to one' : 'runs code when clicked'}`,
			scheme === 'data:'
				? 'link to a page on the web; put images in a file next to the chapter'
				: 'link to an http(s) page or a page of this site',
		),
	);
}

/**
 * Modules a compiled chapter may import: the MDX runtime Astro compiles it against, and the
 * allowlisted components.
 */
const COMPILED_IMPORTS = new Set([
	'astro/jsx-runtime',
	'astro/runtime/server/index.js',
	STARLIGHT_COMPONENTS_MODULE,
]);

/**
 * A second look, at the chapter as MDX compiled it (an ES module, before it runs): it imports
 * nothing but the MDX runtime and allowlisted components, and never names the build environment.
 * This holds even where the compiler reads a construct differently from `checkChapter`'s parser.
 * Returns what is wrong, one phrase each.
 */
export function checkCompiledChapter(program: Program): string[] {
	const problems: string[] = [];
	walkEstree(program, (node) => {
		if (
			(node.type === 'ImportDeclaration' ||
				node.type === 'ExportAllDeclaration' ||
				node.type === 'ExportNamedDeclaration') &&
			node.source
		) {
			const source = String(node.source.value);
			if (!COMPILED_IMPORTS.has(source) && !OWN_COMPONENT_MODULE.test(source)) {
				problems.push(`imports ${quote(source)}`);
			}
		} else if (node.type === 'ImportExpression') {
			problems.push('imports a module at run time');
		} else if (node.type === 'MetaProperty') {
			problems.push('reads import.meta');
		} else if (node.type === 'Identifier' && BUILD_ENVIRONMENT.has(node.name)) {
			problems.push(`names ${node.name}`);
		}
	});
	return [...new Set(problems)];
}

/** A JSON-like value: literals, arrays and plain objects of them, templates without `${}`. */
function isLiteral(program: Program): boolean {
	const [statement, ...rest] = program.body;
	if (!statement || rest.length > 0 || statement.type !== 'ExpressionStatement') return false;
	const literal = (node: EsNode | null): boolean => {
		if (!node) return true; // an array hole
		switch (node.type) {
			case 'Literal':
				return !('regex' in node);
			case 'TemplateLiteral':
				return node.expressions.length === 0;
			case 'UnaryExpression':
				return (node.operator === '-' || node.operator === '+') && node.argument.type === 'Literal';
			case 'ArrayExpression':
				return node.elements.every(
					(element) => element?.type !== 'SpreadElement' && literal(element),
				);
			case 'ObjectExpression':
				return node.properties.every(
					(property) =>
						property.type === 'Property' &&
						property.kind === 'init' &&
						!property.computed &&
						!property.method &&
						!property.shorthand &&
						literal(property.value as EsNode),
				);
			default:
				return false;
		}
	};
	return literal(statement.expression);
}

function literalStrings(program: Program): string[] {
	const texts: string[] = [];
	walkEstree(program, (node) => {
		if (node.type === 'Literal' && typeof node.value === 'string') texts.push(node.value);
		if (node.type === 'TemplateElement') texts.push(node.value.cooked ?? node.value.raw);
	});
	return texts;
}

/** ` (reads process.env)` when the code names the build environment, for the message. */
function environmentNote(code: EsNode | undefined): string {
	let note = '';
	if (code) {
		walkEstree(code, (node) => {
			if (note) return;
			if (node.type === 'MetaProperty') note = ' (reads import.meta)';
			if (node.type === 'Identifier' && BUILD_ENVIRONMENT.has(node.name)) {
				note = ` (reads ${node.name === 'process' ? 'process.env' : node.name})`;
			}
		});
	}
	return note;
}

function walkEstree(node: EsNode, visitor: (node: EsNode) => void): void {
	visitor(node);
	// `for…in` over the node's own keys: `Object.entries` built an array per node, about 1 MB per
	// compiled chapter.
	for (const key in node) {
		if (key === 'loc' || key === 'range' || key === 'comments' || !Object.hasOwn(node, key))
			continue;
		const value: unknown = node[key as keyof EsNode];
		if (Array.isArray(value)) {
			for (const child of value) if (isEsNode(child)) walkEstree(child, visitor);
		} else if (isEsNode(value)) walkEstree(value, visitor);
	}
}

const isEsNode = (value: unknown): value is EsNode =>
	!!value && typeof value === 'object' && typeof (value as EsNode).type === 'string';

function visit(node: Node, visitor: (node: Node) => void): void {
	visitor(node);
	for (const child of (node as Parent).children ?? []) visit(child, visitor);
}

function finding(rule: PolicyRule, node: Node, message: string, fix: string): PolicyFinding {
	return { rule, ...placeOfNode(node), message, fix };
}

function placeOfNode(node: Node): Place {
	const start = node.position?.start;
	return { line: start?.line ?? 1, column: start?.column ?? 1 };
}

/** An ES statement's place: acorn's `loc` (document positions, from remark-mdx), else its block's. */
function placeOf(statement: EsNode, block: Node): Place {
	const start = statement.loc?.start;
	return start ? { line: start.line, column: start.column + 1 } : placeOfNode(block);
}

function short(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

function quote(text: string): string {
	return JSON.stringify(short(text));
}
