import type { Roadmaps } from './entries.ts';
import { has, isRecord } from './guards.ts';
import { checkEntry, readRoadmaps, readTick } from './records.ts';
import { quote } from '../text/quote.ts';
import { type Settings } from './store.ts';
import type { Plans } from '../plan/plan.ts';
import { checkPlans } from '../plan/check.ts';

/**
 * The progress file a learner exports and imports (the Progress page), apart from the store so
 * that chapter pages do not download it:
 *
 *     { "format": "backend-roadmaps-progress", "version": 3, "exportedAt": "<ISO date>",
 *       "roadmaps": { "<roadmap>": { "<item id>": { "status": "done", "at": <epoch ms>,
 *                                                  "note": "…", "noteAt": <epoch ms> } } },
 *       "plans": { "<roadmap>": { "start": "2026-11-02", "weekdaysOnly": false, … } },
 *       "settings": { "linkConcepts": true } }
 *
 * Each entry is what the store keeps per item (src/progress/store.ts, `Entry`); each plan what
 * the planner keeps per roadmap (src/plan/plan.ts, `Plan`); `settings` what the learner chose
 * (src/progress/store.ts, `Settings`; an entry copied to a concept's member carries `via`).
 * Version 3 files (no settings), version 2 files (no plans) and
 * version 1 files, which held ticks only (`"<item id>": <ticked at>`), still import: each tick as
 * "done".
 */

/** `format` marker of an export file. */
export const EXPORT_FORMAT = 'backend-roadmaps-progress';
/** Version of export files. */
export const EXPORT_VERSION = 4;
/** Result of `parseImport`: the ticks, or a message a person can act on. */
export type ImportResult =
	| {
			ok: true;
			roadmaps: Roadmaps;
			plans: Plans;
			/** The settings the file carries (version 4), if any. */
			settings?: Settings;
			exportedAt: string;
	  }
	| { ok: false; error: string };

/** An export file's text: format marker, version, export date, every entry and every plan. */
export function exportProgress(
	roadmaps: Roadmaps,
	exportedAt: Date,
	plans: Plans = {},
	settings: Settings = { linkConcepts: true },
): string {
	const file = {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: exportedAt.toISOString(),
		roadmaps,
		plans,
		settings,
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
	if (![1, 2, 3, EXPORT_VERSION].includes(value.version as number))
		return refuse(`unknown version ${quote(value.version)}`);
	const { exportedAt } = value;
	if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) {
		return refuse('"exportedAt" is not a date');
	}
	const extra = Object.keys(value).find(
		(key) =>
			![
				'format',
				'version',
				'exportedAt',
				'roadmaps',
				...((value.version as number) >= 3 ? ['plans'] : []),
				...(value.version === 4 ? ['settings'] : []),
			].includes(key),
	);
	if (extra !== undefined) return refuse(`unexpected field ${quote(extra)}`);
	const roadmaps = readRoadmaps(value.roadmaps, value.version === 1 ? readTick : checkEntry);
	if (typeof roadmaps === 'string') return refuse(roadmaps);
	const plans = checkPlans(value.plans ?? {});
	if (typeof plans === 'string') return refuse(plans);
	if (value.settings === undefined) return { ok: true, roadmaps, plans, exportedAt };
	const { settings } = value;
	if (
		!isRecord(settings) ||
		Object.keys(settings).some((key) => key !== 'linkConcepts') ||
		typeof settings.linkConcepts !== 'boolean'
	)
		return refuse('"settings" is not { "linkConcepts": true or false }');
	return {
		ok: true,
		roadmaps,
		plans,
		settings: { linkConcepts: settings.linkConcepts },
		exportedAt,
	};
}
