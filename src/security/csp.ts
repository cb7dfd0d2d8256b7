import { createHash } from 'node:crypto';

/**
 * The site's Content-Security-Policy, computed per page from the built HTML.
 *
 * Scripts: only files from the site itself and inline scripts whose exact text is hashed here, so
 * no 'unsafe-inline' and no 'unsafe-eval'. 'wasm-unsafe-eval' lets Pagefind compile its
 * WebAssembly search engine; it allows no JavaScript eval.
 * Styles: 'unsafe-inline', because Starlight renders `style="…"` attributes (`--sl-icon-size`,
 * `--depth`, `display: none`) that hashes can only allow with 'unsafe-hashes', which older
 * browsers ignore (they would then block the attributes and break the layout).
 * Everything else: this site only (`'self'`), so no request can leave it; `data:` images for
 * Starlight's inline SVG icons in CSS.
 */
const BASE_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
	['default-src', "'self'"],
	['style-src', "'self' 'unsafe-inline'"],
	['img-src', "'self' data:"],
	['font-src', "'self'"],
	['connect-src', "'self'"],
	['worker-src', "'self'"],
	['object-src', "'none'"],
	['base-uri', "'self'"],
	['form-action', "'self'"],
];

/**
 * An HTML comment (skipped: a `<script>` in it never runs) or one `<script>` element with its
 * attributes and its text, as the HTML tokenizer splits them: a script's text ends at the first
 * `</script`, and a comment opener inside a script is part of the script.
 */
const COMMENT_OR_SCRIPT =
	/<!--[\s\S]*?-->|<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
/** A `src` attribute: the script's code comes from a file, covered by 'self'. */
const SRC_ATTRIBUTE = /(?:^|\s)src\s*=/i;
const TYPE_ATTRIBUTE = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
/**
 * Script types that are data (JSON, JSON-LD), never run. Every other inline script counts as code:
 * browsers run a long list of JavaScript types, and hashing an inert one costs nothing.
 */
const DATA_TYPE = /^application\/(?:[\w.-]+\+)?json$/;
const POLICY_META = /<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy/i;
const HEAD_END = /<\/head\s*>/i;
/**
 * Where chapter content starts: Starlight renders every page's Markdown inside this container, and
 * nothing of the site's own comes after it but the footer. The first match is the real one: a
 * chapter's own markup can only come later.
 */
const CHAPTER_CONTENT =
	/<div\s(?:[^>"']|"[^"]*"|'[^']*')*?\bclass\s*=\s*"[^"]*\bsl-markdown-content\b/i;

/** An inline script a browser could run: its exact text and where its element starts. */
export interface InlineScript {
	text: string;
	offset: number;
}

/** Every inline script in `html` that is code, not data, in page order. */
export function inlineScriptElements(html: string): InlineScript[] {
	const scripts: InlineScript[] = [];
	for (const match of html.matchAll(COMMENT_OR_SCRIPT)) {
		const [element, attributes = '', text = ''] = match;
		if (element.startsWith('<!--') || SRC_ATTRIBUTE.test(attributes)) continue;
		const type = TYPE_ATTRIBUTE.exec(attributes);
		const typeValue = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase();
		if (!DATA_TYPE.test(typeValue)) scripts.push({ text, offset: match.index });
	}
	return scripts;
}

/** Texts of every inline script in `html` that is code, in page order. */
export function inlineScripts(html: string): string[] {
	return inlineScriptElements(html).map((script) => script.text);
}

/**
 * A page's inline scripts, split into the site's own and those inside chapter content.
 *
 * Site scripts are the ones before the chapter content (Starlight's and our components' in the
 * head, header, sidebar and title), plus, anywhere, scripts whose text is exactly one that Astro
 * bundled from a component (`bundled`: an allowlisted component such as Starlight's `<Tabs>` used
 * in a chapter inlines its script there). Anything else inside chapter content came from the
 * chapter: it is never hashed, so the browser refuses to run it.
 */
export function splitScripts(
	html: string,
	bundled: ReadonlySet<string>,
	/** Turns a script's text as `html` holds it into the text itself (see `withPolicyBytes`). */
	read: (text: string) => string = (text) => text,
): { site: string[]; chapter: string[] } {
	const contentStart = CHAPTER_CONTENT.exec(html)?.index ?? Infinity;
	const site: string[] = [];
	const chapter: string[] = [];
	for (const { text: held, offset } of inlineScriptElements(html)) {
		const text = read(held);
		(offset < contentStart || bundled.has(text.trim()) ? site : chapter).push(text);
	}
	return { site, chapter };
}

/**
 * A built page's UTF-8 bytes with its policy (`withPolicyMeta`), and the scripts found inside its
 * chapter content (`splitScripts`), without decoding the page or encoding it again: the bytes are
 * read one character per byte (latin1), which keeps every tag, attribute and offset as it is, since
 * the HTML syntax these functions look for is ASCII and a UTF-8 byte of any other character is
 * 0x80 or above. Only each inline script's own text is decoded, to be hashed and compared. At
 * 1 MB (a print page) decoding and encoding the whole page took about 10 ms.
 *
 * The page comes back in three parts, never copied: the bytes before the policy, the policy's
 * `<meta>`, and the bytes after it. Joining them is left to whoever reads them next (the page's
 * response, which the build reads into one buffer anyway).
 */
export function withPolicyBytes(
	bytes: Uint8Array,
	file: string,
	bundled: ReadonlySet<string>,
	hash = hashSource,
): { parts: [Uint8Array, Uint8Array, Uint8Array]; chapter: string[] } {
	const page = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const view = page.toString('latin1');
	const scripts = splitScripts(view, bundled, (text) =>
		Buffer.from(text, 'latin1').toString('utf8'),
	);
	const { at, meta } = policyMeta(view, file, scripts.site, hash);
	// The policy is ASCII, so it reads the same in both.
	return {
		parts: [page.subarray(0, at), Buffer.from(meta, 'latin1'), page.subarray(at)],
		chapter: scripts.chapter,
	};
}

/** CSP hash source (`'sha256-…'`) of a script's exact text. */
export function hashSource(text: string): string {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy for a page whose allowed inline scripts are `scripts`. */
export function pagePolicy(scripts: readonly string[], hash = hashSource): string {
	const hashes = [...new Set(scripts.map(hash))].sort();
	const scriptSrc = ["'self'", "'wasm-unsafe-eval'", ...hashes].join(' ');
	return [['script-src', scriptSrc] as const, ...BASE_DIRECTIVES]
		.map(([name, value]) => `${name} ${value}`)
		.join('; ');
}

/**
 * `html` with its policy, allowing `scripts` (default: every inline script), in a
 * `<meta http-equiv="Content-Security-Policy">` at the start of `<head>`, before any script it
 * governs: right after a `<meta charset>` that opens `<head>`, since browsers look for the charset
 * only in the first 1,024 bytes and the policy is long. Throws when the page has no `<head>` or
 * already carries a policy (two would both apply, and the stricter one would block hashed scripts).
 */
export function withPolicyMeta(
	html: string,
	file: string,
	scripts: readonly string[] = inlineScripts(html),
	hash = hashSource,
): string {
	const { at, meta } = policyMeta(html, file, scripts, hash);
	return `${html.slice(0, at)}${meta}${html.slice(at)}`;
}

/** The policy `<meta>` of `withPolicyMeta`, and the offset in `html` where it goes. */
function policyMeta(
	html: string,
	file: string,
	scripts: readonly string[],
	hash: (text: string) => string,
): { at: number; meta: string } {
	// A policy <meta> applies only in <head>: the rest of the page (1 MB on a print page) is not read.
	const headEnd = html.search(HEAD_END);
	if (POLICY_META.test(headEnd < 0 ? html : html.slice(0, headEnd))) {
		throw new Error(
			`${file}: already has a Content-Security-Policy <meta>. The policy is written by src/integrations/csp.ts; remove the other one (e.g. Astro's \`security.csp\` in astro.config.mjs).`,
		);
	}
	const head = /<head(?:\s[^>]*)?>/i.exec(html);
	if (!head) throw new Error(`${file}: no <head> to put the Content-Security-Policy <meta> in.`);
	const policy = pagePolicy(scripts, hash).replaceAll('"', '&quot;');
	const start = head.index + head[0].length;
	const at = start + (/^\s*<meta\s+charset\s*=[^>]*>/i.exec(html.slice(start))?.[0].length ?? 0);
	return { at, meta: `<meta http-equiv="Content-Security-Policy" content="${policy}">` };
}

/** The policy a page carries in its `<meta>`, or undefined. */
export function readPolicyMeta(html: string): string | undefined {
	const meta = /<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/i.exec(html);
	if (!meta) return undefined;
	return /\scontent\s*=\s*"([^"]*)"/i.exec(meta[0])?.[1]?.replaceAll('&quot;', '"');
}
