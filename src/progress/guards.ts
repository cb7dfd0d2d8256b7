/**
 * Small guards for values read from storage, files and links, which can hold anything: shared by
 * the progress store's modules, the planner and the transfer link.
 */

/** An object without a prototype, so an id like `constructor` is safe as a key. */
export const blank = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
export const has = (object: object, key: string) => Object.hasOwn(object, key);
export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
export const isTime = (value: unknown): value is number =>
	Number.isSafeInteger(value) && (value as number) >= 0;

/** A value quoted for a message, cut to a short excerpt: files and storage can hold anything. */
export function quote(value: unknown): string {
	const text = typeof value === 'string' ? value : String(JSON.stringify(value));
	return text.length <= 40
		? JSON.stringify(text)
		: `${JSON.stringify(text.slice(0, 32))}… (${text.length} characters)`;
}
