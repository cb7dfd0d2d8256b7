import type { Notice } from './store';

/**
 * What the learner reads when progress is not being saved, by reason. Loaded only when a page has
 * a notice to show (storage blocked, full, unreadable or from a newer version), so that a page
 * whose progress saves normally does not carry these words.
 */
export const MESSAGES: Record<Notice, string> = {
	unavailable:
		'This browser does not let the site save progress (storage is blocked). Your ticks work on this page but are lost when you leave it.',
	unsaved:
		'Your latest ticks could not be saved (browser storage is full or blocked). Export your progress from the Progress page to keep it.',
	future:
		'Your progress was saved by a newer version of this site. It is shown here, but changes made on this page are not saved.',
	corrupted:
		'Your saved progress could not be read, so a new record was started. The unreadable copy was kept in this browser’s storage.',
	damaged:
		'Part of your saved progress (an item’s status or note) could not be read. It was kept aside in this browser’s storage, and the item starts fresh.',
	unloaded:
		'Your progress is saved in an older format, and the code that reads it could not be loaded (this browser may be offline). It was left untouched, and nothing you tick on this page is saved: reload the page when you are online.',
	unreadable:
		'Your saved progress could not be read, and browser storage has no room to keep a copy of it, so it was left untouched. Nothing you tick is being saved: your ticks are lost when you leave this page.',
};
