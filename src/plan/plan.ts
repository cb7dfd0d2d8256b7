import { isDay, type Day } from '../progress/dates.ts';
import { blank, isRecord, isTime } from '../progress/guards.ts';
import { type StorageLike } from '../progress/store.ts';

/**
 * A learner's study plan for one roadmap: when they start and at what pace. Kept in the browser
 * beside the progress (one key per roadmap, so plans of two roadmaps never overwrite each other),
 * carried by the progress file and the transfer link. The schedule itself is never stored: it is
 * computed from the plan, the roadmap's durations and the progress (src/plan/schedule.ts).
 *
 *     backend-roadmaps:plan:/#nodejs-140-days
 *       {"start":"2026-11-02","weekdaysOnly":false,"perWeek":5,"estimate":"min","at":1763…}
 */
export interface Plan {
	/** The first day of the plan, a local date. */
	start: Day;
	/** Study Monday to Friday only. */
	weekdaysOnly: boolean;
	/** Items per week in phases whose source gives no time. */
	perWeek: number;
	/** Which end of a source's range ("2–3 weeks") to plan with. */
	estimate: 'min' | 'max';
	/**
	 * Set by "Re-plan from today" (epoch ms): items done or skipped before then stay out of the
	 * schedule, and what is left is spread from `start` on.
	 */
	since?: number;
	/** When the plan was last changed (epoch ms): of two plans, the later one wins. */
	at: number;
}

/** Plans by roadmap id. */
export type Plans = Record<string, Plan>;

/** Items per week where the source gives no time: one a weekday. */
export const DEFAULT_PER_WEEK = 5;
/** The most items per week a plan may ask for. */
export const MAX_PER_WEEK = 70;

/** What is wrong with a value read as a plan: the broken rule, and the value at fault. */
export type PlanFault = readonly [
	rule: 'object' | 'field' | 'start' | 'weekdaysOnly' | 'pace' | 'estimate' | 'since' | 'time',
	value?: unknown,
];

/**
 * The first rule a plan (as stored, imported or transferred) breaks, or `undefined` when it is
 * one. The words for each rule are in ./check.ts, loaded only where a message is shown.
 */
export function planFault(value: unknown): PlanFault | undefined {
	if (!isRecord(value)) return ['object'];
	for (const key in value) {
		if (!['start', 'weekdaysOnly', 'perWeek', 'estimate', 'since', 'at'].includes(key))
			return ['field', key];
	}
	if (!isDay(value.start)) return ['start', value.start];
	if (typeof value.weekdaysOnly !== 'boolean') return ['weekdaysOnly'];
	const { perWeek } = value;
	if (typeof perWeek !== 'number' || !(perWeek > 0 && perWeek <= MAX_PER_WEEK))
		return ['pace', perWeek];
	if (value.estimate !== 'min' && value.estimate !== 'max') return ['estimate'];
	if (value.since !== undefined && !isTime(value.since)) return ['since'];
	if (!isTime(value.at)) return ['time'];
	return undefined;
}

/** The plan keys' prefix for a store key (`storageKey(base)`): `backend-roadmaps:plan:<base>#`. */
export const prefixOf = (storeKey: string) => `${storeKey.replace(':progress:', ':plan:')}#`;

/** Every plan in `storage` for the site whose store key is `storeKey`; unreadable ones are skipped. */
export function readPlans(storage: StorageLike | undefined, storeKey: string): Plans {
	const plans = blank<Plan>();
	const prefix = prefixOf(storeKey);
	try {
		for (let i = 0; storage && i < storage.length; i++) {
			const key = storage.key(i);
			if (!key?.startsWith(prefix)) continue;
			const plan: unknown = JSON.parse(storage.getItem(key) ?? '');
			if (!planFault(plan)) plans[key.slice(prefix.length)] = plan as Plan;
		}
	} catch {
		// Blocked or broken storage: no plans, and the page says progress is not saved.
	}
	return plans;
}

/** Saves (or, with `undefined`, removes) one roadmap's plan. Returns whether it was saved. */
export function writePlan(
	storage: StorageLike | undefined,
	storeKey: string,
	roadmap: string,
	plan: Plan | undefined,
): boolean {
	try {
		const key = prefixOf(storeKey) + roadmap;
		if (plan) storage!.setItem(key, JSON.stringify(plan));
		else storage!.removeItem(key);
		return true;
	} catch {
		return false;
	}
}

/**
 * Merges plans from a file or link into `storage`: per roadmap, the later plan wins. Returns the
 * roadmaps whose plan changed and whether every change was saved.
 */
export function mergePlans(
	storage: StorageLike | undefined,
	storeKey: string,
	incoming: Plans,
): { changed: string[]; saved: boolean } {
	const mine = readPlans(storage, storeKey);
	const changed: string[] = [];
	let saved = true;
	for (const [roadmap, plan] of Object.entries(incoming)) {
		if (mine[roadmap] && mine[roadmap].at >= plan.at) continue;
		changed.push(roadmap);
		saved = writePlan(storage, storeKey, roadmap, plan) && saved;
	}
	return { changed, saved };
}
