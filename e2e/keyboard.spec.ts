import { expect, test, type Page } from './fixtures';

/** A chapter with items: the first phase of the first roadmap listed on the home page. */
async function openFirstChapter(page: Page): Promise<void> {
	await page.goto('/');
	const landing = page.locator('.roadmap-card').first().getByRole('link').first();
	await page.goto((await landing.getAttribute('href'))!);
	const firstPhase = page.locator('#starlight__sidebar ul.top-level a').first();
	await page.goto((await firstPhase.getAttribute('href'))!);
	await expect(page.locator('.item-check').first()).toBeVisible();
}

interface Focused {
	/** What the element is, for messages: tag, classes, label. */
	name: string;
	kind: 'skip-link' | 'search' | 'sidebar' | 'item' | 'theme' | 'other';
	/** Computed outline and box-shadow, which draw the focus indicator. */
	ring: string;
}

/** Describes the focused element and its focus ring (outline + box-shadow). */
function describeFocus(page: Page): Promise<Focused> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const style = getComputedStyle(el);
		const kind = el.matches('.sl-skip-link')
			? 'skip-link'
			: el.matches('button[data-open-modal]')
				? 'search'
				: el.closest('#starlight__sidebar')
					? 'sidebar'
					: el.matches('.item-check')
						? 'item'
						: el.closest('starlight-theme-select')
							? 'theme'
							: 'other';
		const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
		const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
		return {
			name: `<${el.tagName.toLowerCase()} class="${el.className}"> "${label}"`,
			kind: kind as Focused['kind'],
			ring: `${hasOutline ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : 'none'} | ${style.boxShadow}`,
		};
	});
}

/** The same element's ring once focus has moved on. */
function ringOf(page: Page, selector: string, index: number): Promise<string> {
	return page.evaluate(
		([sel, i]) => {
			const el = document.querySelectorAll(sel)[i as number] as HTMLElement;
			const style = getComputedStyle(el);
			const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
			return `${hasOutline ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : 'none'} | ${style.boxShadow}`;
		},
		[selector, index] as const,
	);
}

test('a chapter can be walked by keyboard alone, with a visible focus indicator on every stop', async ({
	page,
}) => {
	await openFirstChapter(page);
	const seen = new Set<Focused['kind']>();
	const unseen = () =>
		(['skip-link', 'search', 'sidebar', 'item', 'theme'] as const).filter((k) => !seen.has(k));
	const noRing: string[] = [];
	let toggled = false;
	let previous: { selector: string; index: number; focused: Focused } | undefined;
	for (let step = 0; step < 300 && unseen().length > 0; step++) {
		await page.keyboard.press('Tab');
		const focused = await describeFocus(page);
		// The previous stop, now unfocused, must look different from when it had focus.
		if (
			previous &&
			(await ringOf(page, previous.selector, previous.index)) === previous.focused.ring
		) {
			noRing.push(
				`${previous.focused.name}: same outline/box-shadow with and without focus (${previous.focused.ring})`,
			);
		}
		if (focused.ring === 'none | none')
			noRing.push(`${focused.name}: no outline or box-shadow when focused`);
		if (focused.kind === 'skip-link') {
			await expect(page.locator('.sl-skip-link')).toBeInViewport();
		}
		if (focused.kind === 'item' && !toggled) {
			toggled = true;
			// Operate the first item: Space ticks it, Space again unticks it.
			const box = page.locator('.item-check:focus');
			await expect(box).not.toBeChecked();
			await page.keyboard.press('Space');
			await expect(box).toBeChecked();
			await page.keyboard.press('Space');
			await expect(box).not.toBeChecked();
		}
		seen.add(focused.kind);
		const ref = await page.evaluate(() => {
			const el = document.activeElement!;
			const selector = el.tagName.toLowerCase();
			return { selector, index: [...document.querySelectorAll(selector)].indexOf(el) };
		});
		previous = { ...ref, focused };
	}
	expect(unseen(), 'controls never reached by Tab').toEqual([]);
	expect(noRing, 'focused elements without a visible focus indicator').toEqual([]);
});
