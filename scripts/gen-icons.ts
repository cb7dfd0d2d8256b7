/**
 * Draws the web app icons in public/icons/ from public/favicon.svg: `icon-192.png` and
 * `icon-512.png` as the favicon is, and `icon-maskable-512.png` with the mark shrunk into the
 * safe zone on a full-bleed background, because launchers crop maskable icons to any shape.
 * The PNGs are committed; run `npx node scripts/gen-icons.ts` after changing the favicon
 * (tests/manifest.test.ts checks their sizes).
 *
 * sharp is Astro's image library, so it is installed with Astro.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { ICON_SIZES, THEME_COLOR } from '../src/offline/manifest.ts';

const ROOT = join(import.meta.dirname, '..');
const favicon = readFileSync(join(ROOT, 'public', 'favicon.svg'), 'utf8');
const out = join(ROOT, 'public', 'icons');
mkdirSync(out, { recursive: true });

const mark = /<path\b[^>]*\/>/.exec(favicon)?.[0];
if (!mark)
	throw new Error('public/favicon.svg: no <path …/> mark found to put into the maskable icon.');
// The mark scaled to 60 % around the centre: inside the 80 % circle every launcher keeps.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${THEME_COLOR}"/><g transform="translate(16 16) scale(0.6) translate(-16 -16)">${mark}</g></svg>`;

const draw = (svg: string, size: number, file: string) =>
	sharp(Buffer.from(svg), { density: (72 * size) / 32 })
		.resize(size, size)
		.png({ compressionLevel: 9 })
		.toFile(join(out, file));

for (const size of ICON_SIZES) await draw(favicon, size, `icon-${size}.png`);
await draw(maskable, 512, 'icon-maskable-512.png');
console.log(`Icons written to ${out}`);
