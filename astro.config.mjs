// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import starlightSidebarTopics from 'starlight-sidebar-topics';
import { taskItemsPlugin } from './src/markdown/task-items.ts';
import { readRoadmaps } from './src/navigation/roadmaps.ts';

/** Self-hosters set these at build time (README, "Self-hosting"). */
const site = process.env.SITE_URL || 'https://backend-roadmaps.example.org';
const base = process.env.BASE_PATH || '/';

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
			customCss: ['./src/styles/a11y.css'],
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
						// Landing pages belong to their roadmap's topic; the home page to none.
						topics: Object.fromEntries(roadmaps.map((roadmap) => [roadmap.id, [`/${roadmap.id}/`]])),
						exclude: ['/'],
					},
				),
			],
		}),
	],
});
