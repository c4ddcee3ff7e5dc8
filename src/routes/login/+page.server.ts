import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formatTime } from '$lib/format';
import { safeReturnPath } from '$lib/auth/roles';
import { db } from '$lib/server/db';
import { signIn } from '$lib/server/auth/auth.service';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { text } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeReturnPath(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { next };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const login = text(form, 'login');
		const password = typeof form.get('password') === 'string' ? (form.get('password') as string) : '';
		const next = safeReturnPath(text(form, 'next'));
		if (!login || !password) {
			return fail(400, { login, message: m.login_missing_fields() });
		}
		const result = await signIn(db(), { login, password, address: event.getClientAddress() });
		if (!result.ok) {
			if (result.reason === 'throttled') {
				const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60_000));
				return fail(429, { login, message: m.login_throttled({ minutes, time: formatTime(result.retryAt) }) });
			}
			return fail(400, { login, message: m.login_invalid() });
		}
		setSessionCookie(event, result.token, result.expiresAt);
		redirect(303, next);
	}
};
