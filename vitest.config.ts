import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		// Several tests start Node, git or a small build; on a shared 2-core machine the default
		// 5 s is a coin toss, and a timeout there says nothing about the code.
		testTimeout: 60_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/build/**'],
					// One process per worker runs many files: 45 processes each loading the same
					// modules cost a third of the run. These files restore what they change (TZ,
					// stubbed variables) in afterEach/afterAll.
					isolate: false,
				},
			},
			{
				extends: true,
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					// A process per file: the fixture builds change the working directory, and
					// Astro's content store writes on a timer after a build, which must die with
					// the file's process, not land in the next file's removed fixture.
					isolate: true,
				},
			},
		],
	},
});
