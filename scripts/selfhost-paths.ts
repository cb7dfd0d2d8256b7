import { resolve } from 'node:path';

/** Where `npm run build:selfhost` writes the site, and the base path it builds it for. */
export const SELFHOST_DIST = resolve(import.meta.dirname, '../dist-selfhost');
export const SELFHOST_BASE = '/roadmaps/';
