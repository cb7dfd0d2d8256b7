import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webManifest } from '../src/offline/manifest';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
	const png = readFileSync(path);
	expect(png.subarray(1, 4).toString('ascii'), `${path} is a PNG`).toBe('PNG');
	return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('webManifest', () => {
	it('is installable under the base path', () => {
		const manifest = webManifest('/roadmaps/');
		expect(manifest).toMatchObject({
			name: 'Backend Roadmaps',
			short_name: 'Roadmaps',
			start_url: '/roadmaps/',
			scope: '/roadmaps/',
			display: 'standalone',
		});
		expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
		expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
		expect(webManifest('/').start_url).toBe('/');
	});

	it('lists 192 and 512 px icons and a maskable one, whose files have those sizes', () => {
		const { icons } = webManifest('/');
		expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual([
			'192x192 any',
			'512x512 any',
			'512x512 maskable',
		]);
		for (const icon of icons) {
			const size = Number(icon.sizes.split('x')[0]);
			expect(pngSize(join(import.meta.dirname, '../public', icon.src))).toEqual([size, size]);
		}
	});
});
