/** A value quoted for a message, cut to a short excerpt: files and storage can hold anything. */
export function quote(value: unknown): string {
	const text = typeof value === 'string' ? value : String(JSON.stringify(value));
	return text.length <= 40
		? JSON.stringify(text)
		: `${JSON.stringify(text.slice(0, 32))}… (${text.length} characters)`;
}
