import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { itemProblems, type ContentProblems } from '../content/checks.ts';
import { inWorker } from './worker.ts';

/**
 * The checks a build must not skip, whether or not the content linter ran: frontmatter that is
 * not valid YAML, an item id that collides with another id on its page, a broken concepts file
 * (`content/concepts.yaml`) or resources file (`content/resources.yaml`), and (in a build) an id
 * that vanished without an alias, which would lose learners' ticks. Same functions and messages
 * as the linter's rules `frontmatter`, `item-id-collision`, `concepts`, `resources` and
 * `item-id-vanished` (src/content/checks.ts); the build fails naming file, line and column.
 *
 * Frontmatter that is not YAML is reported where Astro's content layer stops on it, with a parser
 * trace of its own (the docs collection's loader, src/content.config.ts, calls `refuse` then), so
 * a build that passes reads no frontmatter twice. In a build, the item checks parse every chapter
 * in a worker while Astro syncs the content on the main thread, and the build waits for them when
 * it starts (`astro:build:start`), before anything is compiled: they cost a build about as much as
 * the sync itself. Elsewhere (`astro dev`, `astro sync`) they run at once.
 */
export function contentChecks(contentDir = 'content'): AstroIntegration {
	let checking: Promise<ContentProblems> | undefined;
	return {
		name: 'backend-roadmaps:content-checks',
		hooks: {
			'astro:config:setup': ({ command, config, logger }) => {
				const root = fileURLToPath(config.root);
				if (command === 'build') {
					checking = inWorker<ContentProblems>(
						new URL('./content-checks-worker.ts', import.meta.url),
						{
							root,
							contentDir,
						},
					);
					// Settled when awaited at the build's start; never an unhandled rejection before.
					checking.catch(() => {});
					return;
				}
				const { problems, warnings } = itemProblems(root, contentDir, { vanished: false });
				for (const warning of warnings) logger.warn(warning);
				refuse(problems, contentDir);
			},
			'astro:build:start': async ({ logger }) => {
				if (!checking) return;
				const { problems, warnings } = await checking;
				checking = undefined;
				for (const warning of warnings) logger.warn(warning);
				refuse(problems, contentDir);
			},
		},
	};
}

/** Fails with every problem found, each naming its file, line and column. */
export function refuse(problems: readonly string[], contentDir: string): void {
	if (problems.length === 0) return;
	throw new AstroError(
		`${problems.length} problem(s) in ${contentDir}/:\n${problems.join('\n')}`,
		'Fix each problem at its file, line and column, as its `fix:` line says. `npm run lint:content` shows the same findings.',
	);
}
