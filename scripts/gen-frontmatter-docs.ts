/**
 * `npm run docs:frontmatter`: rewrites the frontmatter reference in CONTRIBUTING.md from
 * src/schema.ts (between its markers), formatted with the project's Prettier settings.
 * `--check` only reports whether it is up to date (exit 1 when not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { updatedContributing } from './docs/contributing.ts';

const file = 'CONTRIBUTING.md';
const current = readFileSync(file, 'utf8');
const next = await updatedContributing(current, readFileSync('src/schema.ts', 'utf8'));
if (process.argv.includes('--check')) {
	if (next !== current) {
		console.error(
			`${file}: the frontmatter reference is out of date. Run \`npm run docs:frontmatter\`.`,
		);
		process.exitCode = 1;
	} else console.log(`${file}: frontmatter reference up to date.`);
} else {
	writeFileSync(file, next);
	console.log(
		next === current ? `${file}: already up to date.` : `${file}: frontmatter reference updated.`,
	);
}
