import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeReturnPath } from '$lib/auth/roles';
import { text } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	// A plain form post, so switching language works without JavaScript; a full page load after
	// it re-renders everything in the new language.
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const locale = text(form, 'locale');
		if (isLocale(locale)) {
			// Readable by the page's script (not HttpOnly): the client runtime picks the locale from it.
			cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: true });
		}
		redirect(303, safeReturnPath(text(form, 'next')));
	}
};
