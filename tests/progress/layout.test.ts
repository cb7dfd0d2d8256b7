import { describe, expect, it } from 'vitest';
import { itemKey, storageKey } from '../../src/progress/layout';

describe('storage key', () => {
	it('is namespaced by the base path, with or without slashes', () => {
		expect(storageKey('/')).toBe('backend-roadmaps:progress:/');
		expect(storageKey('/docs')).toBe(storageKey('/docs/'));
		expect(storageKey('/docs/')).not.toBe(storageKey('/'));
	});

	it('keeps item keys of two base paths apart', () => {
		expect(itemKey(storageKey('/'), 'docs', 'x')).toBe('backend-roadmaps:progress:/#docs/x');
		expect(itemKey(storageKey('/docs/'), 'r', 'x')).toBe('backend-roadmaps:progress:/docs/#r/x');
	});
});
