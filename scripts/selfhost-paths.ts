import { resolve } from 'node:path';

/** Where `npm run build:selfhost` writes the site, and the base path it builds it for. */
export const SELFHOST_DIST = resolve(import.meta.dirname, '../dist-selfhost');
export const SELFHOST_BASE = '/roadmaps/';
/**
 * The first-visit budget of that build, in megabytes: below the real site's size, so the
 * self-hosting tests run the service worker as on a site of thousands of chapters (a shell
 * precached, roadmaps saved from their page), while dist/ keeps the whole-site precache.
 */
export const SELFHOST_PRECACHE_MB = '1';
