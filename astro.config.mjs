// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { contentChecks } from './src/integrations/content-checks.ts';
import { contentPolicyIntegration } from './src/integrations/content-policy.ts';
import { cspIntegration } from './src/integrations/csp.ts';
import { offlineIntegration } from './src/integrations/offline.ts';
import { searchIndexIntegration } from './src/integrations/search-index.ts';
import { cdnHeadersIntegration } from './src/integrations/cdn-headers.ts';
import { THEME_COLOR } from './src/offline/manifest.ts';
import { STORAGE_GUARD_SCRIPT } from './src/progress/storage-guard.ts';
import { SITE } from './src/site.ts';

/** Self-hosters set these at build time (docs/self-hosting.md). */
const site = process.env.SITE_URL || 'https://backend-roadmaps.example.org';
const base = process.env.BASE_PATH || '/';
/** The repository "Edit page" links point into; forks and mirrors set REPO_URL. */
const repoUrl = (
	process.env.REPO_URL || 'https://github.com/backend-roadmaps/backend-roadmaps'
).replace(/\/$/, '');

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	build: {
		// Four pages rendered at a time, not one: while one page's file is written, the next renders.
		// The build wrote nothing differently, and took 0.94x the time at 1,000 chapters
		// (docs/benchmarks.md).
		concurrency: 4,
	},
	markdown: {
		// Astro 7's default processor, Sätteri, renders GFM natively, with no plugin: task items
		// become labelled checkboxes where chapters are rendered (src/components/TaskItems.astro).
		processor: satteri(),
	},
	vite: {
		resolve: {
			// Starlight's search dialog imports the Pagefind UI by this name; our subclass adds item
			// deep links and filter options (src/search/pagefind-ui.ts). Exact name only: the subclass
			// imports the real UI by its file path.
			alias: [
				{
					find: /^@pagefind\/default-ui$/,
					replacement: fileURLToPath(new URL('./src/search/pagefind-ui.ts', import.meta.url)),
				},
			],
		},
	},
	integrations: [
		// First: refuses chapters that are code, not content, before anything compiles them.
		contentPolicyIntegration({ contentDir: 'content' }),
		// Item ids that collide on their page or vanished without an alias fail the build too.
		contentChecks(),
		starlight({
			title: SITE.title,
			description: SITE.description,
			markdown: { processedDirs: ['./content/'] },
			// Starlight appends the entry's filePath (`content/<roadmap>/<file>.mdx`) to this URL.
			editLink: { baseUrl: `${repoUrl}/edit/main/` },
			// First in <head>, before Starlight's theme script, which throws when storage is blocked.
			head: [
				{ tag: 'script', content: STORAGE_GUARD_SCRIPT },
				// Installable app (src/pages/manifest.webmanifest.ts).
				{
					tag: 'link',
					attrs: { rel: 'manifest', href: `${base.replace(/\/?$/, '/')}manifest.webmanifest` },
				},
				{ tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR } },
			],
			customCss: [
				'./src/styles/progress.css',
				'./src/styles/status.css',
				'./src/styles/a11y.css',
				'./src/styles/offline.css',
				'./src/styles/print.css',
			],
			components: {
				// PageTitle: wraps the default title with the chapter's progress meter.
				PageTitle: './src/components/PageTitle.astro',
				// Search: the `/` shortcut. MarkdownContent: roadmap and tag search filters, item highlight.
				Search: './src/components/Search.astro',
				MarkdownContent: './src/components/MarkdownContent.astro',
				// Header: adds Roadmaps, Topics and Progress. Sidebar: the same links atop the phone menu.
				Header: './src/components/Header.astro',
				Sidebar: './src/components/Sidebar.astro',
			},
			// Our own 404 (src/pages/404.astro) links every roadmap and search instead of a dead end.
			disable404Route: true,
			// The roadmap's sidebar and previous/next links; chapters' last-updated dates.
			routeMiddleware: ['./src/navigation/route-middleware.ts'],
			// The search index is built from the pages that have a search body only
			// (src/integrations/search-index.ts), not by Starlight's run over all of dist/; the search
			// dialog stays (Search is overridden, above) and its options, ranking included, are
			// src/search/pagefind-ui.ts's.
			pagefind: false,
			// Each roadmap's own sidebar and previous/next links are set per page by the route middleware
			// (src/navigation/roadmap-sidebar.ts). Starlight's own sidebar stays empty: it copies it into
			// every page's route data, so one listing every roadmap's chapters grew with the site on
			// every page.
			sidebar: [],
		}),
		// After Starlight: hashes the site's own inline scripts in the finished HTML and fails on any in
		// chapter content (docs/security.md).
		cspIntegration({ contentDir: 'content' }),
		// The search index, from the pages the page middleware noted as having a search body.
		searchIndexIntegration(),
		// _headers for Netlify and Cloudflare Pages, from deploy/nginx/.
		cdnHeadersIntegration(),
		// Last: the offline service worker precaches every file the build wrote, as written.
		offlineIntegration(),
	],
});
