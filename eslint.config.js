// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/** Which top-level folders each folder may not import from. */
const LAYERS = [
	{ folder: 'src', forbidden: ['scripts', 'e2e', 'e2e-selfhost', 'bench', 'tests'] },
	{ folder: 'scripts', forbidden: ['e2e', 'e2e-selfhost', 'bench', 'tests'] },
	{ folder: 'e2e', forbidden: ['bench'] },
	{ folder: 'e2e-selfhost', forbidden: ['bench'] },
];

/** ESLint flat config: the recommended JS, TypeScript and Astro rules, as Astro projects use them. */
export default defineConfig(
	// Generated files: .gitignore is the one list of them.
	includeIgnoreFile(fileURLToPath(new URL('.gitignore', import.meta.url))),
	// Sources that are not code: chapters and the content linter's fixtures.
	{ ignores: ['content/', 'tests/fixtures/'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			// `_name` marks a value that is deliberately unused (e.g. removed by destructuring).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
		},
	},
	// Layering runs one way (docs/architecture.md): the site never reaches into its tools, the tools
	// never into their tests or the bench. What two sides need lives on the side that owns it.
	...LAYERS.map(
		({ folder, forbidden }) =>
			/** @type {import('eslint').Linter.Config} */ ({
				files: [`${folder}/**`],
				rules: {
					'no-restricted-imports': [
						'error',
						{
							patterns: [
								{
									regex: `^(\\.\\./)+(${forbidden.join('|')})/`,
									message: `${folder}/ must not import from ${forbidden.map((dir) => `${dir}/`).join(', ')} (layering: docs/architecture.md). Move what both need to the side that owns it.`,
								},
							],
						},
					],
				},
			}),
	),
);
