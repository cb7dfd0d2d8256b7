import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Several tests start Node, git or a small build; on a shared 2-core machine the default
		// 5 s is a coin toss, and a timeout there says nothing about the code.
		testTimeout: 60_000,
	},
});
