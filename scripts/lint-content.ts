/**
 * `npm run lint:content [-- --base REV] [--content DIR]`: checks every chapter and roadmap under
 * `content/` and prints each problem as `file:line:column  rule  message` with a fix. Exits 1 on
 * any error. The rules live in `scripts/lint/rules/`, one module each.
 */
import { parseArgs } from 'node:util';
import { formatFinding } from '../src/content/finding.ts';
import { lintContent } from './lint/run.ts';
import { RULES } from './lint/rules/index.ts';

const { values } = parseArgs({
	options: {
		base: { type: 'string' },
		content: { type: 'string', default: 'content' },
		help: { type: 'boolean', short: 'h' },
	},
});

if (values.help) {
	console.log('Usage: npm run lint:content [-- --base REV] [--content DIR]\n\nRules:');
	for (const rule of RULES) console.log(`  ${rule.name.padEnd(20)} ${rule.description}`);
	process.exit(0);
}

const started = performance.now();
const findings = lintContent({ cwd: process.cwd(), contentDir: values.content, base: values.base });
const errors = findings.filter((finding) => finding.severity === 'error').length;
const warnings = findings.length - errors;
for (const finding of findings) console.log(formatFinding(finding));
const elapsed = Math.round(performance.now() - started);
console.log(
	`${findings.length === 0 ? '✓ ' : ''}${errors} error(s), ${warnings} warning(s) in ${values.content}/ (${elapsed} ms)`,
);
process.exitCode = errors > 0 ? 1 : 0;
