// The reader's language on the server. It comes from the PARAGLIDE_LOCALE cookie that /lang sets
// (Indonesian when there is none) and lives on the request, in SvelteKit's own request store.
// Paraglide's server middleware did the same job with a copy of every request, a second async
// store and a record of every message call, and rewrote every page to set <html lang>: about a
// tenth of the module page's server time (see README, "Speed").
import { getRequestEvent } from '$app/server';
import { baseLocale, isLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';

export function localeFrom(cookie: string | undefined): Locale {
	return cookie !== undefined && isLocale(cookie) ? cookie : baseLocale;
}

/** Message functions ask this for the language: the request's, or Indonesian outside a request (jobs). */
export function useRequestLocale(): void {
	overwriteGetLocale(() => {
		try {
			return getRequestEvent().locals.locale ?? baseLocale;
		} catch {
			return baseLocale;
		}
	});
}

/** The template says <html lang="id">; only pages in another language are rewritten. */
export function langAttribute(locale: Locale): ((input: { html: string }) => string) | undefined {
	if (locale === baseLocale) return undefined;
	const from = `<html lang="${baseLocale}">`;
	const to = `<html lang="${locale}">`;
	return ({ html }) => html.replace(from, to);
}
