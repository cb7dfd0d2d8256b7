// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

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
);
