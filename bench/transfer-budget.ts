import { readFileSync } from 'node:fs';
import { encodeQR } from '@paulmillr/qr';
import { leaves, parseItemTree } from '../src/content/items.ts';
import { listChapterFiles, roadmapFolders } from '../src/content/roadmaps.ts';
import type { Roadmaps, Status } from '../src/progress/entries.ts';
import { encodeTransfer, type ItemLists } from '../src/progress/transfer.ts';

/**
 * The transfer link (issue 12) with every item of every roadmap set: its length, and the QR code
 * version it needs at error correction L (a version-40 code is the largest there is).
 */
export async function measureTransfer(contentDir = 'content') {
	const lists: ItemLists = {};
	const roadmaps: Roadmaps = {};
	const statuses: Status[] = ['done', 'learning', 'skipped'];
	let n = 0;
	for (const roadmap of roadmapFolders(contentDir)) {
		const items = listChapterFiles(contentDir, roadmap).flatMap(({ path }) =>
			leaves(parseItemTree(readFileSync(path, 'utf8')).items).map((item) => ({
				id: item.id!,
				aliases: item.aliases,
			})),
		);
		lists[roadmap] = items;
		roadmaps[roadmap] = Object.fromEntries(
			items.map((item) => [item.id, { status: statuses[n++ % 3]!, at: 1 }]),
		);
	}
	const { fragment } = await encodeTransfer(roadmaps, lists, Date.now());
	const url = `https://backend-roadmaps.example.org/progress/#transfer=${fragment}`;
	const modules = encodeQR(url, 'raw', { ecc: 'low', border: 0 }).length;
	return { items: n, characters: url.length, qrVersion: (modules - 17) / 4 };
}
