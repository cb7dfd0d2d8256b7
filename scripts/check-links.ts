/**
 * `npm run check:links [-- --dist DIR] [--base /path/]`: every internal link, image, script and
 * stylesheet in the built site resolves to a file in `dist/`, and every `#anchor` exists on its
 * page. The base path is read from the build (its sitemap link), else `--base`, else BASE_PATH.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkLinks, detectBase } from './links/check.ts';

const { values } = parseArgs({
	options: { dist: { type: 'string', default: 'dist' }, base: { type: 'string' } },
});
const dist = values.dist;
if (!existsSync(dist)) {
	console.error(`check:links: no ${dist}/ folder. Run \`npm run build\` first.`);
	process.exit(1);
}
const base = values.base ?? detectBase(dist) ?? process.env.BASE_PATH ?? '/';
const broken = checkLinks(dist, base);
for (const link of broken) {
	console.log(`${link.file}  ${link.reference}  ${link.problem}`);
}
if (broken.length > 0) {
	console.log(
		`  fix: correct the link in the chapter (npm run lint:content points at its line) or the component that renders it`,
	);
}
console.log(`${broken.length} broken link(s) in ${dist}/ (base ${base})`);
process.exitCode = broken.length > 0 ? 1 : 0;
