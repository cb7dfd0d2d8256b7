/**
 * Mojibake: UTF-8 text that was decoded as Windows-1252 and written again, so `🔹` (bytes
 * F0 9F 94 B9) reads `ðŸ”¹` and `✅` reads `âœ…`. Seeds 001 and 004 arrived like this. Pure: no
 * DOM, no file system.
 */

/**
 * Windows-1252 bytes 0x80–0x9F; the rest of the code page is Latin-1. The five undefined bytes
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D) stand for themselves (U+0081…), as browsers decode them.
 */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Character → Windows-1252 byte. */
const CP1252_BYTE = new Map<string, number>();
for (let byte = 0; byte < 0x100; byte++) {
	const char =
		byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80]! : String.fromCharCode(byte);
	CP1252_BYTE.set(char, byte);
}

/** Characters whose Windows-1252 byte is a UTF-8 continuation byte (0x80–0xBF). */
const CONTINUATION = `[\\u0080-\\u00bf${[...CP1252_BYTE]
	.filter(([char, byte]) => byte >= 0x80 && byte <= 0xbf && char.charCodeAt(0) > 0xff)
	.map(([char]) => char)
	.join('')}]`;

/**
 * A UTF-8 multi-byte sequence seen through Windows-1252: a lead byte (Â–ô, 0xC2–0xF4) followed by
 * the continuation bytes it announces. Real text rarely has `ð` or `Ã` before such characters.
 */
const MOJIBAKE = new RegExp(
	`[\\u00c2-\\u00df]${CONTINUATION}|[\\u00e0-\\u00ef]${CONTINUATION}{2}|[\\u00f0-\\u00f4]${CONTINUATION}{3}`,
	'g',
);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes one suspected sequence, or returns `undefined` when it is not valid UTF-8 after all. */
function decodeSequence(sequence: string): string | undefined {
	const bytes = [...sequence].map((char) => CP1252_BYTE.get(char));
	if (bytes.some((byte) => byte === undefined)) return undefined;
	try {
		return utf8.decode(new Uint8Array(bytes as number[]));
	} catch {
		return undefined;
	}
}

/**
 * Repairs mojibake: each sequence that is UTF-8 read as Windows-1252 is re-encoded as Windows-1252
 * bytes and decoded as UTF-8 (`ðŸ”¹` → `🔹`). Works sequence by sequence, so correct text around
 * it (including real emoji, which Windows-1252 cannot encode) is left as it is.
 */
export function repairMojibake(text: string): string {
	return text.replace(MOJIBAKE, (sequence) => decodeSequence(sequence) ?? sequence);
}

/** One suspicious sequence found by `findMojibake`. */
export interface MojibakeHit {
	/** 1-based line. */
	line: number;
	/** 1-based column. */
	column: number;
	/** The sequence as it stands in the text. */
	found: string;
	/** What it should read, when it can be repaired (`undefined` for U+FFFD). */
	repaired: string | undefined;
}

/**
 * Lists mojibake (`Ã©`, `â€™`, `ðŸ”¹`…) and U+FFFD replacement characters (bytes already lost) in
 * a text, with line and column, so a check can say where to fix.
 */
export function findMojibake(text: string): MojibakeHit[] {
	const hits: MojibakeHit[] = [];
	text.split('\n').forEach((line, index) => {
		for (const match of line.matchAll(new RegExp(`${MOJIBAKE.source}|\\ufffd`, 'g'))) {
			const repaired = match[0] === '\ufffd' ? undefined : decodeSequence(match[0]);
			if (match[0] !== '\ufffd' && repaired === undefined) continue;
			hits.push({
				line: index + 1,
				column: match.index + 1,
				found: match[0],
				repaired,
			});
		}
	});
	return hits;
}
