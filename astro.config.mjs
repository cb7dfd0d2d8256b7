// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import starlightSidebarTopics from 'starlight-sidebar-topics';
import { taskItemsPlugin } from './src/markdown/task-items.ts';
import { readRoadmaps } from './src/navigation/roadmaps.ts';
import { cspIntegration } from './src/integrations/csp.ts';
import { STORAGE_GUARD_SCRIPT } from './src/progress/storage-guard.ts';

/** Self-hosters set these at build time (README, "Self-hosting"). */
const site = process.env.SITE_URL || 'https://backend-roadmaps.example.org';
const base = process.env.BASE_PATH || '/';
/** The repository "Edit page" links point into; forks and mirrors set REPO_URL. */
const repoUrl = (
	process.env.REPO_URL || 'https://github.com/backend-roadmaps/backend-roadmaps'
).replace(/\/$/, '');

const roadmaps = readRoadmaps('./content');

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	markdown: {
		// Astro 7's default processor, Sätteri, renders GFM natively; our one plugin labels task items.
		processor: satteri({ hastPlugins: [taskItemsPlugin] }),
	},
	integrations: [
		starlight({
			title: 'Backend Roadmaps',
			description:
				'Backend-developer learning roadmaps for Node.js, Express, PostgreSQL, MongoDB and Python. Tick off every item; progress stays in your browser.',
			markdown: { processedDirs: ['./content/'] },
			// Starlight appends the entry's filePath (`content/<roadmap>/<file>.mdx`) to this URL.
			editLink: { baseUrl: `${repoUrl}/edit/main/` },
			// First in <head>, before Starlight's theme script, which throws when storage is blocked.
			head: [{ tag: 'script', content: STORAGE_GUARD_SCRIPT }],
			customCss: ['./src/styles/progress.css'],
			components: {
				// Wraps the default title with the chapter's progress meter.
				PageTitle: './src/components/PageTitle.astro',
			},
			routeMiddleware: ['./src/navigation/route-middleware.ts'],
			plugins: [
				starlightSidebarTopics(
					roadmaps.map((roadmap) => ({
						id: roadmap.id,
						label: roadmap.shortTitle,
						link: `/${roadmap.id}/`,
						items: [{ autogenerate: { directory: `content/${roadmap.id}` } }],
					})),
					{
						// Landing pages belong to their roadmap's topic; the home and progress pages to none.
						topics: Object.fromEntries(
							roadmaps.map((roadmap) => [roadmap.id, [`/${roadmap.id}/`]]),
						),
						exclude: ['/', '/progress'],
					},
				),
			],
		}),
		// After Starlight: hashes every inline script in the finished HTML (README, "Self-hosting").
		cspIntegration(),
	],
});
