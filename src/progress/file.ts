import {
	checkEntry,
	has,
	isRecord,
	quote,
	readRoadmaps,
	readTick,
	type Roadmaps,
} from './store.ts';

/**
 * The progress file a learner exports and imports (the Progress page), apart from the store so
 * that chapter pages do not download it:
 *
 *     { "format": "backend-roadmaps-progress", "version": 2, "exportedAt": "<ISO date>",
 *       "roadmaps": { "<roadmap>": { "<item id>": { "status": "done", "at": <epoch ms>,
 *                                                  "note": "…", "noteAt": <epoch ms> } } } }
 *
 * Each entry is what the store keeps per item (src/progress/store.ts, `Entry`). Version 1 files,
 * which held ticks only (`"<item id>": <ticked at>`), still import: each tick as "done".
 */

/** `format` marker of an export file. */
export const EXPORT_FORMAT = 'backend-roadmaps-progress';
/** Version of export files. */
export const EXPORT_VERSION = 2;
/** Result of `parseImport`: the ticks, or a message a person can act on. */
export type ImportResult =
	{ ok: true; roadmaps: Roadmaps; exportedAt: string } | { ok: false; error: string };

/** An export file's text: format marker, version, export date and every entry. */
export function exportProgress(roadmaps: Roadmaps, exportedAt: Date): string {
	const file = {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: exportedAt.toISOString(),
		roadmaps,
	};
	return `${JSON.stringify(file, null, '\t')}\n`;
}

/** Strictly validates an export file's text. Never throws; anything else gets a clear reason. */
export function parseImport(text: string): ImportResult {
	const refuse = (reason: string): ImportResult => ({
		ok: false,
		error: `This file is not a progress export from this site: ${reason}. Nothing was changed.`,
	});
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return refuse('it is not valid JSON');
	}
	if (!isRecord(value) || value.format !== EXPORT_FORMAT) {
		return refuse(`it has no "format": "${EXPORT_FORMAT}" marker`);
	}
	if (!has(value, 'version')) return refuse('it has no "version" field');
	if (Number.isInteger(value.version) && (value.version as number) > EXPORT_VERSION) {
		return refuse(
			`it was made by a newer version of the site (version ${value.version}); update the site first`,
		);
	}
	if (value.version !== 1 && value.version !== EXPORT_VERSION)
		return refuse(`unknown version ${quote(value.version)}`);
	const { exportedAt } = value;
	if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) {
		return refuse('"exportedAt" is not a date');
	}
	const extra = Object.keys(value).find(
		(key) => !['format', 'version', 'exportedAt', 'roadmaps'].includes(key),
	);
	if (extra !== undefined) return refuse(`unexpected field ${quote(extra)}`);
	const roadmaps = readRoadmaps(value.roadmaps, value.version === 1 ? readTick : checkEntry);
	return typeof roadmaps === 'string' ? refuse(roadmaps) : { ok: true, roadmaps, exportedAt };
}
