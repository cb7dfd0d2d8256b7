import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { lastCommitDate } from './last-updated';

/**
 * Starlight reads git "last updated" dates only for `src/content/docs`; chapters live in
 * `content/`, so the date of each chapter's last commit is looked up here instead.
 */
export const onRequest = defineRouteMiddleware((context) => {
	const { entry } = context.locals.starlightRoute;
	if (!entry.filePath) return;
	const date = lastCommitDate(entry.filePath);
	if (date) context.locals.starlightRoute.lastUpdated = date;
});
