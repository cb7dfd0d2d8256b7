import { bindProgress, openStorage } from '../progress/dom';
import { ProgressPart } from '../progress/elements';
import { plural } from '../text/plural';
import { dayOf, formatDay, type Day } from '../progress/dates';
import type { Duration } from '../schema';
import type { Item } from '../progress/entries';
import { prefixOf, readPlans, writePlan, DEFAULT_PER_WEEK, MAX_PER_WEEK, type Plan } from './plan';
import {
	dateOf,
	dueNow,
	isHandled,
	pace,
	replan,
	schedule,
	type PlanPhase,
	type Slot,
} from './schedule';
import { planEvents, toICalendar } from './ics';

/**
 * `<roadmap-plan data-roadmap="…">` (src/components/Plan.astro): reads the learner's plan for its
 * roadmap, dates every phase and item, lists today's work, the rest of the week and what is
 * overdue, says whether the learner is on pace, and keeps all of it current as items are ticked
 * here, on other pages or in other tabs. Dates are the learner's local dates. Its controls stay
 * disabled until it is bound.
 */

/** Reads the plan's markup inside `root`, its `<roadmap-plan>`; returns what draws it. */
function bindPlan(root: HTMLElement): () => void {
	const { store, chapters } = bindProgress();
	/** A part of the component that its markup always has. */
	const $ = <T extends Element = HTMLElement>(selector: string, within: ParentNode = root) =>
		within.querySelector<T>(selector)!;
	const roadmap = root.dataset.roadmap ?? '';
	const storage = openStorage();
	const form = $<HTMLFormElement>('[data-plan-form]');
	const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
	const message = $('[data-plan-message]');

	const toDuration = (json?: string): Duration | undefined =>
		json ? (JSON.parse(json) as Duration) : undefined;
	const phaseElements = [...root.querySelectorAll<HTMLElement>('[data-plan-phase]')];
	const phases: PlanPhase[] = (chapters.get(roadmap) ?? []).map((chapter, index) => ({
		items: chapter.items,
		duration: toDuration(phaseElements[index]?.dataset.duration),
		itemDuration: toDuration(phaseElements[index]?.dataset.itemDuration),
	}));
	const rows = new Map(
		[...root.querySelectorAll<HTMLElement>('[data-plan-item]')].map((li) => [
			li.dataset.planItem!,
			li,
		]),
	);
	const entry = (item: Item) => store.entry(roadmap, item);
	/** Every item by id, with its aliases, as the progress binding knows them. */
	const items = new Map(phases.flatMap((phase) => phase.items.map((item) => [item.id, item])));

	let plan: Plan | undefined = readPlans(storage, store.key)[roadmap];

	const STATE = { learning: 'Learning', done: 'Done', skipped: 'Skipped' } as Record<
		string,
		string
	>;
	const today = (): Day => dayOf(Date.now());

	/** Saves the plan (or removes it) and redraws; says so when the browser would not keep it. */
	function save(next: Plan | undefined, done?: string): void {
		plan = next;
		// Where progress is not being saved (blocked storage, or data from a newer version or
		// unreadable, which must not be overwritten), the plan is not written either.
		const saved = !store.notSaving && writePlan(storage, store.key, roadmap, next);
		render();
		// Why progress is not being saved is the page's notice, above the plan (ProgressData.astro).
		message.textContent = saved
			? (done ?? '')
			: store.notSaving
				? 'Your plan works on this page only and is not saved, for the reason given above.'
				: 'Your plan could not be saved (browser storage is full or blocked): it works on this page only.';
	}

	/** The plan the form describes, keeping a re-plan's cut-off unless the start date changed. */
	function fromForm(): Plan | undefined {
		const start = field('start')!.value;
		if (!start) return undefined;
		const perWeek = Number(field('perWeek')?.value ?? DEFAULT_PER_WEEK);
		return {
			start,
			weekdaysOnly: field('weekdaysOnly')!.checked,
			perWeek: perWeek >= 1 && perWeek <= MAX_PER_WEEK ? perWeek : DEFAULT_PER_WEEK,
			estimate:
				(form.elements.namedItem('estimate') as RadioNodeList | null)?.value === 'max'
					? 'max'
					: 'min',
			...(plan?.since !== undefined && plan.start === start ? { since: plan.since } : {}),
			at: Date.now(),
		};
	}

	form.addEventListener('change', () => {
		const next = fromForm();
		if (next) save(next, 'Your plan was saved.');
	});
	form.addEventListener('submit', (event) => event.preventDefault());
	$('[data-plan-start-today]').addEventListener('click', () => {
		field('start')!.value = today();
		save(fromForm(), 'Your plan starts today.');
	});
	$('[data-plan-replan]').addEventListener('click', () => {
		if (plan) save(replan(plan, today(), Date.now()), 'Re-planned: what is left now starts today.');
	});
	$('[data-plan-remove]').addEventListener('click', () => {
		save(
			undefined,
			'The plan was removed; your progress is untouched. Pick a start date to plan again.',
		);
	});
	$('[data-plan-ics]').addEventListener('click', () => {
		if (!plan) return;
		const names = {
			phases: phaseElements.map((el) => ({
				title: el.dataset.title!,
				url: new URL(el.dataset.href!, location.href).href,
				byItem: el.dataset.itemDuration !== undefined,
			})),
			item: (id: string) => {
				const link = $<HTMLAnchorElement>('a', rows.get(id));
				return { title: link.textContent!.trim(), url: link.href };
			},
		};
		const text = toICalendar(
			root.dataset.name!,
			planEvents(schedule(phases, plan, entry), roadmap, names),
			new Date(),
		);
		const link = Object.assign(document.createElement('a'), {
			href: URL.createObjectURL(new Blob([text], { type: 'text/calendar' })),
			download: `${roadmap}-plan.ics`,
		});
		link.click();
		setTimeout(() => URL.revokeObjectURL(link.href), 1000);
	});

	/** A linked copy of an item's row for the Today, week and overdue lists. */
	function listed({ item }: Slot, when: string): HTMLLIElement {
		const source = $<HTMLAnchorElement>('a', rows.get(item.id));
		const li = document.createElement('li');
		li.append(
			Object.assign(document.createElement('a'), {
				href: source.href,
				textContent: source.textContent,
			}),
			Object.assign(document.createElement('span'), { className: 'plan-when', textContent: when }),
		);
		return li;
	}

	/** Puts the plan's dates, the due lists and the pace into the page. */
	function render(): void {
		$('[data-plan-now]').hidden = !plan;
		$('[data-plan-unplanned]').hidden = !!plan;
		if (document.activeElement?.closest('form') !== form) {
			field('start')!.value = plan?.start ?? '';
			field('weekdaysOnly')!.checked = plan?.weekdaysOnly ?? false;
			if (field('perWeek')) field('perWeek')!.value = String(plan?.perWeek ?? DEFAULT_PER_WEEK);
			const estimate = form.querySelector<HTMLInputElement>(
				`[name=estimate][value=${plan?.estimate ?? 'min'}]`,
			);
			if (estimate) estimate.checked = true;
		}
		const day = today();
		const sched = plan && schedule(phases, plan, entry);
		const slots = new Map(sched?.slots.map((slot) => [slot.item.id, slot]));
		const now = sched ? dueNow(sched, day, entry) : { today: [], week: [], overdue: [] };
		const marks = new Map<string, string>([
			...now.today.map((slot) => [slot.item.id, 'Today'] as const),
			...now.overdue.map((slot) => [slot.item.id, 'Overdue'] as const),
		]);
		const dateText = (slot: Slot) =>
			plan! &&
			(slot.from === slot.due
				? formatDay(dateOf(plan, slot.due), false)
				: `${formatDay(dateOf(plan, slot.from), false)} – ${formatDay(dateOf(plan, slot.due), false)}`);
		for (const [id, li] of rows) {
			const slot = slots.get(id);
			const state = entry(items.get(id) ?? { id, aliases: [] })?.status ?? 'open';
			li.dataset.status = state;
			li.dataset.due = marks.get(id)?.toLowerCase() ?? '';
			const words = [
				slot ? dateText(slot) : plan ? 'Before this plan' : '',
				marks.get(id),
				STATE[state],
			];
			$('[data-plan-when]', li).textContent = words.filter(Boolean).join(' · ');
		}
		phaseElements.forEach((el, index) => {
			const span = sched?.phases[index];
			const list = phases[index]?.items ?? [];
			$('[data-plan-dates]', el).textContent =
				plan && span
					? `${formatDay(dateOf(plan, span.from))} – ${formatDay(dateOf(plan, span.due))}`
					: '';
			$('[data-plan-count]', el).textContent =
				`${list.filter((item) => isHandled(entry(item))).length} of ${plural(list.length, 'item')} done or skipped`;
			// Open the phase where today's work is.
			if (span && now.today.some((slot) => slot.phase === index))
				$<HTMLDetailsElement>('details', el).open = true;
		});
		for (const kind of ['today', 'week', 'overdue'] as const) {
			const list = now[kind];
			$(`[data-plan-list=${kind}]`).replaceChildren(
				...list.slice(0, 10).map((slot) => listed(slot, dateText(slot)!)),
				...(list.length > 10
					? [
							Object.assign(document.createElement('li'), {
								textContent: `and ${list.length - 10} more, in the schedule below`,
							}),
						]
					: []),
			);
			$(`[data-plan-empty=${kind}]`).hidden = list.length > 0;
		}
		$('[data-plan-today-title]').textContent = `Today, ${formatDay(day, false)}`;
		if (!sched) return;
		const p = pace(sched, day, entry);
		const by = `${plural(p.items, 'item')}${p.days > 0 ? ` (${plural(p.days, plan!.weekdaysOnly ? 'weekday' : 'day')})` : ''}`;
		const end = sched.slots.length > 0 ? formatDay(dateOf(plan!, sched.slots.at(-1)!.due)) : '';
		const pacePanel = $('[data-plan-pace]');
		pacePanel.dataset.state = p.state;
		pacePanel.textContent = {
			before: `Your plan starts on ${formatDay(dateOf(plan!, 0))} and ends on ${end}.`,
			finished: `Plan complete: all ${plural(p.total, 'item')} are done or skipped.`,
			ahead: `Ahead of plan by ${by}. ${p.handled} of ${p.total} done or skipped; the plan ends on ${end}.`,
			'on-track': `On track. ${p.handled} of ${p.total} done or skipped; the plan ends on ${end}.`,
			behind: `Behind plan by ${by}. ${p.handled} of ${p.total} done or skipped; the plan ends on ${end}. Catch up, or re-plan from today.`,
		}[p.state];
	}

	addEventListener('storage', (event) => {
		if (event.key === null || event.key.startsWith(prefixOf(store.key))) {
			plan = readPlans(storage, store.key)[roadmap];
			render();
		}
	});
	// Drawn right after this returns, and on every change of the store.
	for (const control of form.elements) (control as HTMLInputElement).disabled = false;
	return render;
}

class RoadmapPlan extends ProgressPart {
	bind() {
		return bindPlan(this);
	}
}

customElements.define('roadmap-plan', RoadmapPlan);
