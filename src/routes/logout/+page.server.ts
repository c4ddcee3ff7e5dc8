import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { signOut } from '$lib/server/auth/auth.service';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.sessionId) await signOut(db(), event.locals.sessionId);
		clearSessionCookie(event);
		redirect(303, '/login');
	}
};
