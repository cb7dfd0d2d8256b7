import { z } from 'astro/zod';

/**
 * The one definition of this site's frontmatter. The content collections (src/content.config.ts),
 * the content linter and the generated frontmatter reference in CONTRIBUTING.md all read it, so
 * the three cannot drift apart. No Astro runtime imports: it loads in plain Node and in tests.
 */

/**
 * Controlled tag vocabulary. The same topic carries the same tag in every roadmap, which is what
 * makes the per-tag topic pages and the search filter useful. Add a tag here, with a description.
 */
export const TAGS = {
	javascript: 'The JavaScript language: scope, closures, async patterns, modules.',
	'node-core': 'Node.js runtime and core modules: event loop, fs, streams, buffers, process.',
	express: 'The Express framework: routing, middleware, request and response.',
	http: 'How the web works: HTTP, DNS, the client-server model.',
	apis: 'API design: REST, GraphQL, versioning, documentation.',
	databases: 'Data storage in general: modelling, indexing, transactions.',
	sql: 'Relational databases and SQL: PostgreSQL, MySQL, query builders and ORMs.',
	mongodb: 'MongoDB and Mongoose.',
	auth: 'Authentication and authorization: sessions, JWT, OAuth, RBAC.',
	security: 'Application security: OWASP, headers, validation, rate limiting.',
	testing: 'Unit, integration and API testing.',
	debugging: 'Debugging and profiling.',
	logging: 'Logging, monitoring and observability.',
	performance: 'Performance, scaling and optimisation.',
	caching: 'Caching with Redis and other stores.',
	queues: 'Background jobs and message queues.',
	realtime: 'Real-time communication: WebSockets, Socket.IO, server-sent events.',
	architecture: 'Architecture and design: patterns, layering, microservices, system design.',
	devops: 'Deployment, containers, CI/CD and cloud hosting.',
	typescript: 'TypeScript on the backend.',
	python: 'Python backends: Flask, FastAPI, Django.',
	tooling: 'Developer tooling: npm, package.json, linters, environment configuration.',
	projects: 'Hands-on projects and practice tasks.',
	interview: 'Interview preparation.',
	career: 'Career growth: soft skills, open source, portfolio.',
} as const;

export type Tag = keyof typeof TAGS;

/**
 * What learners read for each tag: topic page titles, tag links on chapters, the search filter.
 * Typed over `Tag`, so a tag added to `TAGS` without a name fails the type check.
 */
export const TAG_LABELS: Record<Tag, string> = {
	javascript: 'JavaScript',
	'node-core': 'Node.js core',
	express: 'Express',
	http: 'HTTP and the web',
	apis: 'API design',
	databases: 'Databases',
	sql: 'SQL and PostgreSQL',
	mongodb: 'MongoDB',
	auth: 'Authentication',
	security: 'Security',
	testing: 'Testing',
	debugging: 'Debugging',
	logging: 'Logging and monitoring',
	performance: 'Performance',
	caching: 'Caching and Redis',
	queues: 'Queues and background jobs',
	realtime: 'Real-time',
	architecture: 'Architecture',
	devops: 'DevOps and deployment',
	typescript: 'TypeScript',
	python: 'Python',
	tooling: 'Tooling',
	projects: 'Projects',
	interview: 'Interview preparation',
	career: 'Career',
};
export const tagSchema = z.enum(Object.keys(TAGS) as [Tag, ...Tag[]]);

/** Units a source states durations in. */
export const DURATION_UNITS = ['days', 'weeks', 'months'] as const;

/**
 * A duration as the source states it: `{ min: 2, max: 3, unit: weeks }` for "2–3 weeks",
 * `{ min: 20, unit: days }` for twenty days.
 */
export const durationSchema = z
	.strictObject({
		min: z.number().positive(),
		max: z.number().positive().optional(),
		unit: z.enum(DURATION_UNITS),
	})
	.refine((d) => d.max === undefined || d.max >= d.min, {
		message: '`max` must be at least `min`',
		path: ['max'],
	});

export type Duration = z.infer<typeof durationSchema>;

/** A roadmap: `content/<roadmap>/_roadmap.yaml`. Its folder name is its id. */
export const roadmapSchema = z.strictObject({
	/** Full title, e.g. "Senior Express.js Developer". */
	title: z.string().min(1),
	/** Short name for navigation, e.g. "Express". */
	shortTitle: z.string().min(1),
	/** One or two sentences: what the roadmap is for. */
	summary: z.string().min(1),
	/** Who it is for. */
	audience: z.string().min(1),
	/** Technologies it teaches, in the order a learner meets them. */
	stack: z.array(z.string().min(1)).min(1),
	/** Total time, when the source states one or its phases add up to one. */
	totalDuration: durationSchema.optional(),
	/**
	 * Where it starts and ends, in the roadmap's own words, e.g. "Basics to senior". Shown on the
	 * home page to help a learner choose.
	 */
	level: z.string().min(1).optional(),
	/** What sets it apart, in a few words from its own text, e.g. "One task a day". */
	focus: z.string().min(1).optional(),
	/** Position on the home page (1 first). */
	order: z.number().int().positive(),
	/** Where the roadmap comes from: the seed file it was published from. */
	source: z.string().min(1),
});

export type RoadmapData = z.infer<typeof roadmapSchema>;

/** The `roadmap` field: one of the roadmap folders that exist. */
export function roadmapIdSchema(ids: readonly string[]) {
	return z.string().refine((id) => ids.includes(id), {
		error: (issue) =>
			`No roadmap "${String(issue.input)}": use one of ${ids.map((id) => `"${id}"`).join(', ') || '(none yet)'}, or add content/${String(issue.input)}/_roadmap.yaml.`,
	});
}

/**
 * Chapter fields added to Starlight's docs schema. `roadmap` is passed in, because the site checks
 * it against the roadmap folders found when it starts (`roadmapIdSchema`).
 *
 * Starlight validates the frontmatter of generated pages (`<StarlightPage>`: home, landing and
 * topic pages) with this same schema, so the chapter fields are optional here and required by
 * `requireChapterFields` for every page whose `pageKind` is `chapter`, the default. Only pages
 * built from `src/pages/` set `pageKind: 'page'`.
 */
export function chapterFields<R extends z.ZodType>(roadmap: R) {
	return z.object({
		/** `chapter` (the default, every file in `content/`) or `page` (generated pages only). */
		pageKind: z.enum(['chapter', 'page']).default('chapter'),
		/** The roadmap this chapter belongs to: its folder name under `content/`. */
		roadmap: roadmap.optional(),
		/** Phase number within the roadmap, 1 first; sets the chapter's place in the sidebar. */
		phase: z.number().int().positive().optional(),
		/** Phase title as the source gives it, without the number. */
		phaseTitle: z.string().min(1).optional(),
		/** What the learner can do after this phase, when the source states a goal. */
		goal: z.string().min(1).optional(),
		/** How long the phase takes, when the source says. */
		duration: durationSchema.optional(),
		/** How long each item takes, when the source times every item (a day plan: one day each). */
		itemDuration: durationSchema.optional(),
		/** Topics covered, from the controlled vocabulary (`TAGS`). */
		tags: z.array(tagSchema).default([]),
	});
}

/** Fields every chapter must give, with what to write when one is missing. */
const REQUIRED_CHAPTER_FIELDS = {
	roadmap: 'the roadmap folder this chapter belongs to, e.g. `roadmap: express-senior`',
	phase: 'the phase number, 1 first, e.g. `phase: 2`',
	phaseTitle: 'the phase title without its number, e.g. `phaseTitle: Database Integration`',
} as const;

/** Refinement for the docs collection: a chapter must name its roadmap, phase and phase title. */
export function requireChapterFields(
	data: { pageKind?: string } & Partial<Record<keyof typeof REQUIRED_CHAPTER_FIELDS, unknown>>,
	ctx: z.RefinementCtx,
): void {
	if (data.pageKind === 'page') return;
	for (const [field, hint] of Object.entries(REQUIRED_CHAPTER_FIELDS)) {
		if (data[field as keyof typeof REQUIRED_CHAPTER_FIELDS] === undefined) {
			ctx.addIssue({ code: 'custom', path: [field], message: `Required: ${hint}.` });
		}
	}
}

/** Formats a duration for people: "2–3 weeks", "20 days". */
export function formatDuration(duration: Duration): string {
	const { min, max, unit } = duration;
	const amount = max !== undefined && max !== min ? `${min}–${max}` : `${min}`;
	const singular = max === undefined && min === 1;
	return `${amount} ${singular ? unit.slice(0, -1) : unit}`;
}

/** Days in a duration's unit, to compare durations given in different units. */
const UNIT_DAYS = { days: 1, weeks: 7, months: 365 / 12 } as const;

/**
 * When a chapter gives both `itemDuration` and `duration`, its items' times must add up to the
 * phase's: 20 items of one day make a 20-day phase. Returns what is wrong, for the linter and the
 * build, or `undefined` when they agree (or only one is given).
 */
export function itemDurationProblem(
	fields: { duration?: Duration; itemDuration?: Duration },
	items: number,
): string | undefined {
	const { duration, itemDuration } = fields;
	if (!duration || !itemDuration) return undefined;
	const days = (d: Duration, end: 'min' | 'max') => (d[end] ?? d.min) * UNIT_DAYS[d.unit];
	const fits =
		items * days(itemDuration, 'min') <= days(duration, 'max') + 1e-9 &&
		items * days(itemDuration, 'max') >= days(duration, 'min') - 1e-9;
	return fits
		? undefined
		: `${items} item${items === 1 ? '' : 's'} of ${formatDuration(itemDuration)} each do not add up to the phase's "duration" of ${formatDuration(duration)}`;
}

/**
 * A chapter's whole frontmatter as checked outside Astro (content linter, unit tests): Starlight's
 * `title` plus the chapter fields. Other Starlight fields (sidebar, template…) pass through; the
 * build checks them with Starlight's own schema.
 */
export function chapterSchema(roadmapIds: readonly string[]) {
	return z
		.looseObject({
			/** Page title: `'Phase 3: Express.js Mastery'` (quoted, because of the colon). */
			title: z.string().min(1),
			/** One sentence for search results and link previews. */
			description: z.string().optional(),
		})
		.extend(chapterFields(roadmapIdSchema(roadmapIds)).shape)
		.superRefine(requireChapterFields);
}

/** One problem in a file's frontmatter, named the way a contributor can act on it. */
export interface FrontmatterProblem {
	file: string;
	/** Dotted path of the field, e.g. `duration.max`; `(frontmatter)` for the whole block. */
	field: string;
	message: string;
}

/** Validates a chapter's frontmatter and lists every problem with its file and field. */
export function checkChapterFrontmatter(
	file: string,
	data: unknown,
	roadmapIds: readonly string[],
): FrontmatterProblem[] {
	const result = chapterSchema(roadmapIds).safeParse(data ?? {});
	if (result.success) return [];
	return result.error.issues.map((issue) => ({
		file,
		field: issue.path.map(String).join('.') || '(frontmatter)',
		message: issue.message,
	}));
}

/** `content/x.mdx: frontmatter field "phase": Required: …` */
export function formatFrontmatterProblem({ file, field, message }: FrontmatterProblem): string {
	return `${file}: frontmatter field "${field}": ${message}`;
}
