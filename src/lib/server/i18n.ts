// Turns the codes that services return into text in the reader's language. Services speak in
// codes so they stay free of presentation; only the catalogue holds words.
import * as messages from '$lib/paraglide/messages/_index.js';

type MessageFn = (params?: Record<string, unknown>) => string;

export function translate(code: string, params: Record<string, unknown> = {}): string {
	const fn = (messages as unknown as Record<string, MessageFn | undefined>)[code];
	if (!fn) {
		console.warn(`[i18n] no message for "${code}"`);
		return code;
	}
	return fn(params);
}

/** Field problems from a service, as { field: text } for the form. */
export function fieldErrors(problems: Array<{ field: string; code: string; params?: Record<string, unknown> }>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const p of problems) out[p.field] ??= translate(p.code, p.params);
	return out;
}
