import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import type { ConceptMemberLink } from '../src/content/concept-links';
import { alsoInHtml, memberName } from '../src/markdown/also-in';
import { addAfterItems } from '../src/markdown/learn';
import { taskItemsHtml } from '../src/markdown/task-items';

const render = (markdown: string) => taskItemsHtml(markdownToHtml(markdown).html, 'demo.mdx');

const POSTGRES: ConceptMemberLink = {
	roadmap: 'node-express-postgresql',
	roadmapTitle: 'Node + PostgreSQL',
	href: '/node-express-postgresql/04-authentication-authorization/',
	phase: 4,
	phaseTitle: 'Authentication & Authorization',
	id: 'jwt-sign-verify-refresh',
};
const DAYS: ConceptMemberLink = {
	roadmap: 'nodejs-140-days',
	roadmapTitle: 'Node.js in 140 days',
	href: '/nodejs-140-days/04-days-61-80/',
	phase: 4,
	phaseTitle: 'Authentication & Authorization',
	id: 'day-63',
};
const LINE = alsoInHtml([POSTGRES, DAYS]);

describe('"Also in" lines', () => {
	it('name each member by roadmap and phase', () => {
		expect(memberName(POSTGRES)).toBe('Node + PostgreSQL, Phase 4: Authentication & Authorization');
		expect(memberName({ ...POSTGRES, phase: undefined })).toBe(
			'Node + PostgreSQL, Authentication & Authorization',
		);
		expect(memberName({ ...POSTGRES, phase: undefined, phaseTitle: undefined })).toBe(
			'Node + PostgreSQL',
		);
	});

	it('link each member at its item, escaped, out of the search index', () => {
		expect(LINE).toBe(
			'<span class="item-also" data-pagefind-ignore="all">Also in: ' +
				'<a href="/node-express-postgresql/04-authentication-authorization/#jwt-sign-verify-refresh">Node + PostgreSQL, Phase 4: Authentication &amp; Authorization</a>' +
				' · <a href="/nodejs-140-days/04-days-61-80/#day-63">Node.js in 140 days, Phase 4: Authentication &amp; Authorization</a></span>',
		);
		expect(alsoInHtml([{ ...DAYS, roadmapTitle: '<b>"x"</b>' }])).toContain(
			'>&lt;b&gt;&quot;x&quot;&lt;/b&gt;, Phase 4',
		);
		expect(alsoInHtml([])).toBe('');
	});

	it('go after the label, outside it, and only on the items given one', () => {
		const html = render('- [ ] JWT (`jsonwebtoken`) ^jwt\n- [ ] Sessions ^sessions\n');
		const out = addAfterItems(html, (id) => (id === 'jwt' ? { inline: LINE } : undefined));
		expect(out).toContain(
			`data-item="jwt"><span>JWT (<code>jsonwebtoken</code>)</span></label>${LINE}</li>`,
		);
		expect(out).toMatch(/data-item="sessions"><span>Sessions<\/span><\/label><\/li>/);
		expect(out.split('item-also')).toHaveLength(2);
	});

	it('go before a nested list, and right after the label of a loose item too', () => {
		const nested = addAfterItems(
			render('- [ ] Auth ^auth\n  - [ ] JWT ^jwt\n  - [ ] OAuth ^oauth\n'),
			(id) => (id === 'jwt' ? { inline: LINE } : undefined),
		);
		expect(nested).toMatch(
			/data-item="jwt"><span>JWT<\/span><\/label><span class="item-also"[^]*<\/span><\/li>\s*<li[^>]*id="oauth"/,
		);
		const loose = addAfterItems(
			render('- [ ] One ^one\n\n  More text.\n\n- [ ] Two ^two\n'),
			() => ({ inline: LINE }),
		);
		expect(loose).toMatch(
			/id="one"[^>]*>\s*<label class="item-label">[^]*?<\/label><span class="item-also"[^]*?<\/span>\s*<p>More text.<\/p>/,
		);
	});
});
