import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { roadmapSchema, type RoadmapData } from '../schema';

export interface RoadmapEntry extends RoadmapData {
	/** Folder name under `content/`, also the URL segment. */
	id: string;
}

/**
 * Reads every `content/<roadmap>/_roadmap.yaml` at config time, in `order`. The Starlight sidebar
 * needs the roadmap list before content collections exist, so this reads the same files with the
 * same schema the `roadmaps` collection uses.
 */
export function readRoadmaps(contentDir: string): RoadmapEntry[] {
	return readdirSync(contentDir, { withFileTypes: true })
		.filter((dir) => dir.isDirectory() && existsSync(join(contentDir, dir.name, '_roadmap.yaml')))
		.map((dir) => {
			const file = join(contentDir, dir.name, '_roadmap.yaml');
			const parsed = roadmapSchema.safeParse(parse(readFileSync(file, 'utf8')));
			if (!parsed.success) {
				const issues = parsed.error.issues.map(
					(i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`,
				);
				throw new Error(`${file}: invalid roadmap metadata:\n${issues.join('\n')}`);
			}
			return { id: dir.name, ...parsed.data };
		})
		.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
