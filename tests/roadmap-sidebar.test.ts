import { describe, expect, it } from 'vitest';
import { paginationFor, sidebarFor } from '../src/navigation/roadmap-sidebar';

const link = (n: number) => ({
	type: 'link' as const,
	label: `Phase ${n}`,
	href: `/r/0${n}/`,
	isCurrent: false,
	badge: undefined,
	attrs: {},
});
const links = [link(1), link(2), link(3)];

describe('the roadmap sidebar', () => {
	it('marks the current page only, leaving the shared links untouched', () => {
		const sidebar = sidebarFor(links, '/r/02/');
		expect(sidebar.map((l) => l.isCurrent)).toEqual([false, true, false]);
		expect(links.every((l) => !l.isCurrent)).toBe(true);
	});

	it('links the neighbours, none before the first phase or after the last', () => {
		expect(paginationFor(sidebarFor(links, '/r/02/'), {})).toMatchObject({
			prev: { href: '/r/01/' },
			next: { href: '/r/03/' },
		});
		expect(paginationFor(sidebarFor(links, '/r/01/'), {}).prev).toBeUndefined();
		expect(paginationFor(sidebarFor(links, '/r/03/'), {}).next).toBeUndefined();
	});

	it('gives a page outside the sidebar (landing, plan, print) no previous or next', () => {
		expect(paginationFor(sidebarFor(links, '/r/plan/'), {})).toEqual({
			prev: undefined,
			next: undefined,
		});
	});

	it('follows a chapter’s prev/next frontmatter, as Starlight does', () => {
		const sidebar = sidebarFor(links, '/r/02/');
		expect(paginationFor(sidebar, { prev: false }).prev).toBeUndefined();
		expect(paginationFor(sidebar, { next: 'Onwards' }).next).toMatchObject({
			label: 'Onwards',
			href: '/r/03/',
		});
		expect(
			paginationFor(sidebar, { next: { link: '/elsewhere/', label: 'Elsewhere' } }).next,
		).toMatchObject({ label: 'Elsewhere', href: '/elsewhere/' });
	});
});
