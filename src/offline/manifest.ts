import { SITE } from '../site.ts';

/** Sizes of the PNG icons in public/icons/ (scripts/gen-icons.ts draws them from the favicon). */
export const ICON_SIZES = [192, 512] as const;

/** The favicon's background: the installed app's title bar and splash screen match it. */
export const THEME_COLOR = '#1e3a5f';

/**
 * The web app manifest for a site built under `base`: installable, opening standalone at the
 * home page, and limited to the site's own path so a self-hoster's other pages stay outside it.
 */
export function webManifest(base: string) {
	const root = base.replace(/\/?$/, '/');
	return {
		name: SITE.title,
		short_name: 'Roadmaps',
		description:
			'Backend-developer learning roadmaps. Tick off every item; progress stays in your browser, also offline.',
		id: root,
		start_url: root,
		scope: root,
		display: 'standalone',
		background_color: THEME_COLOR,
		theme_color: THEME_COLOR,
		icons: [
			...ICON_SIZES.map((size) => ({
				src: `${root}icons/icon-${size}.png`,
				sizes: `${size}x${size}`,
				type: 'image/png',
				purpose: 'any',
			})),
			{
				src: `${root}icons/icon-maskable-512.png`,
				sizes: '512x512',
				type: 'image/png',
				purpose: 'maskable',
			},
		],
	};
}
