/**
 * Small guards for values read from storage, files and links, which can hold anything: shared by
 * the progress store's modules, the planner and the transfer link (`records.ts` quotes them).
 */

/** An object without a prototype, so an id like `constructor` is safe as a key. */
export const blank = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
export const has = (object: object, key: string) => Object.hasOwn(object, key);
export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
export const isTime = (value: unknown): value is number =>
	Number.isSafeInteger(value) && (value as number) >= 0;
