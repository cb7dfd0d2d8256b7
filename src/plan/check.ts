import { ITEM_ID_PATTERN } from '../content/item-id.ts';
import { blank, isRecord } from '../progress/guards.ts';
import { quote } from '../text/quote.ts';
import { planFault, type Plan, type PlanFault, type Plans } from './plan.ts';

/**
 * Plans from a file or a transfer link, with the words that say what is wrong in one (the rules
 * are `planFault`, src/plan/plan.ts). Only the progress page, which imports files and links, loads
 * this: the plan page reads stored plans with the rules alone.
 */

/** The words for each rule of a plan. */
const FAULTS: Record<PlanFault[0], (value: unknown) => string> = {
	object: () => 'is not an object',
	field: (value) => `has an unexpected field ${quote(value)}`,
	start: (value) => `has a start ${quote(value)} that is not a date`,
	weekdaysOnly: () => 'has an invalid "weekdaysOnly"',
	pace: (value) => `has an invalid pace ${quote(value)}`,
	estimate: () => 'has an invalid "estimate"',
	since: () => 'has an invalid "since"',
	time: () => 'has an invalid time',
};

/** Checks a plan as stored, imported or transferred; returns the problem, in words, instead. */
export function checkPlan(value: unknown): Plan | string {
	const fault = planFault(value);
	return fault ? FAULTS[fault[0]](fault[1]) : (value as Plan);
}

/** Checks `{ roadmap: plan }` from a file or link; returns the first problem instead. */
export function checkPlans(value: unknown): Plans | string {
	if (!isRecord(value)) return '"plans" must be an object of roadmap ids';
	const plans = blank<Plan>();
	for (const [roadmap, plan] of Object.entries(value)) {
		if (!ITEM_ID_PATTERN.test(roadmap)) return `${quote(roadmap)} is not a roadmap id`;
		const checked = checkPlan(plan);
		if (typeof checked === 'string') return `the plan of ${quote(roadmap)} ${checked}`;
		plans[roadmap] = checked;
	}
	return plans;
}
