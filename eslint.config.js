// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/** ESLint flat config: the recommended JS, TypeScript and Astro rules, as Astro projects use them. */
export default defineConfig(
	{
		ignores: [
			'dist/',
			'dist-selfhost/',
			'.astro/',
			'.tmp/',
			'node_modules/',
			'content/',
			'tests/fixtures/',
			'bench/.work/',
			'test-results/',
			'playwright-report/',
		],
	},
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
