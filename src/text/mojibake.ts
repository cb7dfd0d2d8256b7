/**
 * Mojibake detection: UTF-8 text that was decoded as Windows-1252/Latin-1 somewhere on its way
 * (`’` shows as `â€™`, `é` as `Ã©`, emoji as `ðŸ…`), plus U+FFFD, the replacement character a
 * decoder leaves where bytes were lost. Pure: used by the content linter and by content scripts.
 */

/** Windows-1252 characters for bytes 0x80–0x9F (the rest of the byte range is Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** Any character a Windows-1252 decoder produces for a UTF-8 continuation byte (0x80–0xBF). */
const CONTINUATION = `[${CP1252_HIGH}\u00A0-\u00BF]`;

/**
 * Sequences that (almost) never occur in real text: a UTF-8 lead byte read as `Â`, `Ã`, `â`, `ð`
 * or `ï` followed by continuation bytes, or U+FFFD.
 */
const MOJIBAKE = new RegExp(
	`\uFFFD|[ÂÃ]${CONTINUATION}|â${CONTINUATION}{2}|ð${CONTINUATION}{3}|ï»¿`,
	'gu',
);

export interface Mojibake {
	/** Index of the sequence in the text (UTF-16 code units). */
	index: number;
	/** The garbled sequence as it appears. */
	sequence: string;
	/** What it most likely was, or `undefined` when the original is lost (U+FFFD). */
	repaired: string | undefined;
}

/** Lists every mojibake sequence in `text`, with the character it probably stood for. */
export function findMojibake(text: string): Mojibake[] {
	return [...text.matchAll(MOJIBAKE)].map((match) => ({
		index: match.index,
		sequence: match[0],
		repaired: repairSequence(match[0]),
	}));
}

/** Re-encodes a sequence as Windows-1252 bytes and decodes them as UTF-8. */
function repairSequence(sequence: string): string | undefined {
	if (sequence === '\uFFFD') return undefined;
	const bytes = [...sequence].map((char) => {
		const high = CP1252_HIGH.indexOf(char);
		return high >= 0 ? 0x80 + high : char.charCodeAt(0);
	});
	if (bytes.some((byte) => byte > 0xff)) return undefined;
	const decoded = new TextDecoder('utf-8').decode(new Uint8Array(bytes));
	return decoded.includes('\uFFFD') ? undefined : decoded;
}
