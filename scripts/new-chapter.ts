/**
 * `npm run new -- <roadmap> "<title>"`: writes `content/<roadmap>/NN-<slug>.mdx` with the next
 * phase number, valid frontmatter and a placeholder item. Without arguments it asks.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { roadmapFolders } from '../src/content/roadmaps.ts';
import { scaffoldChapter } from './scaffold/chapter.ts';

const CONTENT = process.env.CONTENT_DIR ?? 'content';

async function ask(): Promise<[string, string]> {
	const roadmaps = roadmapFolders(CONTENT);
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	// Reading lines through the iterator (not rl.question) keeps answers piped in ahead of a prompt.
	const lines = rl[Symbol.asyncIterator]();
	const question = async (prompt: string) => {
		process.stdout.write(prompt);
		const { value, done } = await lines.next();
		if (done) throw new Error('no answer given');
		return String(value).trim();
	};
	try {
		roadmaps.forEach((id, index) => console.log(`  ${index + 1}. ${id}`));
		const answer = await question(`Roadmap (1-${roadmaps.length} or its id): `);
		const roadmap = roadmaps[Number(answer) - 1] ?? answer;
		return [roadmap, await question('Chapter title (without "Phase N:"): ')];
	} finally {
		rl.close();
	}
}

try {
	const [roadmap, title] =
		process.argv.length > 2 ? [process.argv[2]!, process.argv.slice(3).join(' ')] : await ask();
	const chapter = scaffoldChapter(CONTENT, roadmap, title);
	if (existsSync(chapter.path))
		throw new Error(`${chapter.path} exists already; pick another title.`);
	writeFileSync(chapter.path, chapter.source);
	console.log(`Created ${chapter.path} (phase ${chapter.phase}).`);
	console.log(
		'Next: fill in its sections and items (CONTRIBUTING.md), then `npm run lint:content`.',
	);
} catch (error) {
	console.error(`new chapter: ${(error as Error).message}`);
	console.error('Usage: npm run new -- <roadmap> "<title>"   (no arguments: asks)');
	process.exitCode = 1;
}
