import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { taskItemsHtml } from '../src/markdown/task-items';

/** As the build renders a chapter: GFM by Sätteri, then the task items (TaskItems.astro). */
const render = (markdown: string) => taskItemsHtml(markdownToHtml(markdown).html, 'demo.mdx');

describe('task items', () => {
	it('turns a task item into an enabled, labelled checkbox anchored by its id', () => {
		const html = render('- [ ] Routing (`app.get`) ^routing ^old-routing\n');
		expect(html).toContain(
			'<li class="task-list-item roadmap-item" id="routing" data-pagefind-index-attrs="data-search-text" data-search-text="Routing (app.get)">',
		);
		expect(html).toContain(
			'<label class="item-label"><input type="checkbox" class="item-check" data-item="routing" data-aliases="old-routing"><span>Routing (<code>app.get</code>)</span></label>',
		);
		expect(html).not.toContain('disabled');
		expect(html).not.toContain('^');
	});

	it('repeats the item text (without markers or nested items) where Pagefind indexes it', () => {
		const html = render('- [ ] Use `sequelize`  or *knex* ^orm\n  - [ ] Child ^child\n');
		expect(html).toContain(
			'id="orm" data-pagefind-index-attrs="data-search-text" data-search-text="Use sequelize or knex"',
		);
	});

	it('keeps nested lists out of the label, in tight lists', () => {
		const html = render('- [ ] Parent `code` ^parent\n  - [ ] Child ^child\n');
		expect(html).toMatch(
			/data-item="parent"><span>Parent <code>code<\/code><\/span><\/label>\s*<ul/,
		);
		expect(html).toContain('id="child"');
	});

	it('handles loose lists, where the checkbox sits in a paragraph', () => {
		const html = render('- [ ] One ^one\n\n  More text.\n\n- [ ] Two ^two\n');
		expect(html).toMatch(
			/<li class="task-list-item roadmap-item" id="one" data-pagefind-index-attrs="data-search-text" data-search-text="One">\s*<label class="item-label">/,
		);
		expect(html).toContain('<p>More text.</p>');
	});

	it('gives a loose item the markup of a tight one, its label a child of the <li>', () => {
		// Pagefind takes an anchor's text from its element and inline descendants only: with the
		// label in a <p>, the item's anchor had no text and search never linked to the item.
		const loose = render('- [ ] Learn `Express`: ^one\n\n  - [ ] Child ^child\n\n- [ ] Two ^two\n');
		const tight = render('- [ ] Learn `Express`: ^one\n  - [ ] Child ^child\n- [ ] Two ^two\n');
		const tags = (html: string) => html.replace(/>\s+</g, '><');
		expect(loose).not.toContain('<p>');
		expect(tags(loose)).toBe(tags(tight));
	});

	it('keeps an item text escaped as HTML, in the label and in the search text', () => {
		const html = render('- [ ] Request & "Response" <b>x</b> ^r\n');
		expect(html).toContain('data-search-text="Request &amp; &quot;Response&quot; x"');
		expect(html).toContain('<span>Request &amp; "Response" <b>x</b></span>');
	});

	it('leaves a checked item unticked: the learner ticks, not the source', () => {
		expect(render('- [x] Done in the source ^d\n')).not.toContain('checked');
	});

	it('leaves plain list items alone', () => {
		expect(render('- plain\n')).toBe('<ul>\n<li>plain</li>\n</ul>\n');
	});

	it('fails naming the file and the item text when an item has no id', () => {
		expect(() => render('- [ ] Forgotten id\n')).toThrow(
			/^demo\.mdx: task item "Forgotten id" has no id/,
		);
		expect(() => render('- [ ] Marker inside **bold ^b**\n')).toThrow(/has no id/);
	});

	it('fails on a malformed id', () => {
		expect(() => render('- [ ] Bad ^Bad_Id\n')).toThrow(/malformed id marker\(s\) \^Bad_Id/);
	});
});
