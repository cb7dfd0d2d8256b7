/** "1 item", "1,000 items": a count and its noun, for every page and script of the site. */
export const plural = (count: number, noun: string) =>
	`${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
