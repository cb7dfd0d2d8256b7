/** "1 item", "3 items": counts in the progress page's messages. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
