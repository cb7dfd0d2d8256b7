/** The site's name and one-line description: Starlight's config, the web manifest and llms.txt. */
export const SITE = {
	title: 'Backend Roadmaps',
	description:
		'Backend-developer learning roadmaps for Node.js, Express, PostgreSQL, MongoDB and Python. Tick off every item; progress stays in your browser.',
} as const;
