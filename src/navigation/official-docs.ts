import type { Tag } from '../schema';

/** A link to a technology's own documentation. */
export interface DocLink {
	/** What the page is, as its publisher names it. */
	title: string;
	/** Canonical https URL, on the publisher's own site. */
	url: string;
}

/**
 * Official documentation per topic: shown on each topic page and at the end of every chapter that
 * carries the tag. Facts only: the publisher's own docs (or a standard's own home), no tutorials,
 * no commentary. Tags with no single authority (projects, interview) have none.
 * docs/learner-site.md says how to add one.
 */
export const OFFICIAL_DOCS: Record<Tag, DocLink[]> = {
	javascript: [
		{ title: 'MDN: JavaScript', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript' },
	],
	'node-core': [{ title: 'Node.js API documentation', url: 'https://nodejs.org/docs/latest/api/' }],
	express: [{ title: 'Express documentation', url: 'https://expressjs.com/' }],
	http: [{ title: 'MDN: HTTP', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP' }],
	apis: [
		{ title: 'OpenAPI Specification', url: 'https://spec.openapis.org/oas/latest.html' },
		{ title: 'GraphQL: Learn', url: 'https://graphql.org/learn/' },
	],
	databases: [
		{ title: 'PostgreSQL documentation', url: 'https://www.postgresql.org/docs/current/' },
		{ title: 'MongoDB documentation', url: 'https://www.mongodb.com/docs/' },
	],
	sql: [
		{ title: 'PostgreSQL documentation', url: 'https://www.postgresql.org/docs/current/' },
		{ title: 'MySQL documentation', url: 'https://dev.mysql.com/doc/' },
		{ title: 'Prisma documentation', url: 'https://www.prisma.io/docs' },
	],
	mongodb: [
		{ title: 'MongoDB manual', url: 'https://www.mongodb.com/docs/manual/' },
		{ title: 'Mongoose documentation', url: 'https://mongoosejs.com/docs/' },
	],
	auth: [
		{
			title: 'OWASP Authentication Cheat Sheet',
			url: 'https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html',
		},
		{ title: 'RFC 7519: JSON Web Token', url: 'https://www.rfc-editor.org/rfc/rfc7519' },
		{ title: 'OAuth 2.0', url: 'https://oauth.net/2/' },
	],
	security: [
		{ title: 'OWASP Top Ten', url: 'https://owasp.org/www-project-top-ten/' },
		{
			title: 'Express: security best practices',
			url: 'https://expressjs.com/en/advanced/best-practice-security.html',
		},
	],
	testing: [
		{ title: 'Jest documentation', url: 'https://jestjs.io/docs/getting-started' },
		{ title: 'Node.js test runner', url: 'https://nodejs.org/api/test.html' },
		{ title: 'pytest documentation', url: 'https://docs.pytest.org/' },
	],
	debugging: [
		{ title: 'Node.js: debugging', url: 'https://nodejs.org/en/learn/getting-started/debugging' },
	],
	logging: [{ title: 'OpenTelemetry documentation', url: 'https://opentelemetry.io/docs/' }],
	performance: [
		{
			title: "Node.js: Don't block the event loop",
			url: 'https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop',
		},
	],
	caching: [{ title: 'Redis documentation', url: 'https://redis.io/docs/' }],
	queues: [
		{ title: 'BullMQ documentation', url: 'https://docs.bullmq.io/' },
		{ title: 'RabbitMQ documentation', url: 'https://www.rabbitmq.com/docs' },
	],
	realtime: [
		{
			title: 'MDN: WebSockets API',
			url: 'https://developer.mozilla.org/en-US/docs/Web/API/WebSockets_API',
		},
		{ title: 'Socket.IO documentation', url: 'https://socket.io/docs/v4/' },
	],
	architecture: [{ title: 'The Twelve-Factor App', url: 'https://12factor.net/' }],
	devops: [
		{ title: 'Docker documentation', url: 'https://docs.docker.com/' },
		{ title: 'NGINX documentation', url: 'https://nginx.org/en/docs/' },
		{ title: 'GitHub Actions documentation', url: 'https://docs.github.com/en/actions' },
	],
	typescript: [{ title: 'TypeScript documentation', url: 'https://www.typescriptlang.org/docs/' }],
	python: [
		{ title: 'Python documentation', url: 'https://docs.python.org/3/' },
		{ title: 'Flask documentation', url: 'https://flask.palletsprojects.com/' },
		{ title: 'FastAPI documentation', url: 'https://fastapi.tiangolo.com/' },
		{ title: 'Django documentation', url: 'https://docs.djangoproject.com/' },
	],
	tooling: [{ title: 'npm Docs', url: 'https://docs.npmjs.com/' }],
	projects: [],
	interview: [],
	career: [{ title: 'GitHub: Open Source Guides', url: 'https://opensource.guide/' }],
};

/** The official docs of several tags, each link once, in tag order. */
export function officialDocsFor(tags: readonly Tag[]): DocLink[] {
	const seen = new Set<string>();
	return tags
		.flatMap((tag) => OFFICIAL_DOCS[tag])
		.filter((link) => !seen.has(link.url) && !!seen.add(link.url));
}
