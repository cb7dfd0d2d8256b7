/**
 * Mojibake: UTF-8 text that was decoded as Windows-1252 and written again, so `🔹` (bytes
 * F0 9F 94 B9) reads `ðŸ”¹` and `✅` reads `âœ…`. Seeds 001 and 004 arrived like this. Pure: no
 * DOM, no file system.
 */

/** Windows-1252 bytes 0x80–0x9F whose characters differ from Latin-1. */
const CP1252_HIGH: Readonly<Record<number, string>> = {
	0x80: '€',
	0x82: '‚',
	0x83: 'ƒ',
	0x84: '„',
	0x85: '…',
	0x86: '†',
	0x87: '‡',
	0x88: 'ˆ',
	0x89: '‰',
	0x8a: 'Š',
	0x8b: '‹',
	0x8c: 'Œ',
	0x8e: 'Ž',
	0x91: '‘',
	0x92: '’',
	0x93: '“',
	0x94: '”',
	0x95: '•',
	0x96: '–',
	0x97: '—',
	0x98: '˜',
	0x99: '™',
	0x9a: 'š',
	0x9b: '›',
	0x9c: 'œ',
	0x9e: 'ž',
	0x9f: 'Ÿ',
};

/** Character → Windows-1252 byte. Undefined bytes (0x81, 0x8D…) round-trip as U+0081…, as browsers do. */
const CP1252_BYTE = new Map<string, number>();
for (let byte = 0; byte < 0x100; byte++) CP1252_BYTE.set(String.fromCharCode(byte), byte);
for (const [byte, char] of Object.entries(CP1252_HIGH)) {
	CP1252_BYTE.delete(String.fromCharCode(Number(byte)));
	CP1252_BYTE.set(char, Number(byte));
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
