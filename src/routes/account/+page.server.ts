import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { changePassword } from '$lib/server/auth/auth.service';
import { getOwnProfile } from '$lib/server/org/profile.service';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	profile: await getOwnProfile(db(), locals.user!)
});

export const actions: Actions = {
	password: async ({ request, locals }) => {
		const form = await request.formData();
		const current = String(form.get('current') ?? '');
		const next = String(form.get('next') ?? '');
		const confirm = String(form.get('confirm') ?? '');
		if (!current || !next) return fail(400, { message: m.err_required_fields(), field: 'next' });
		if (next !== confirm) return fail(400, { message: m.password_mismatch(), field: 'confirm' });
		const result = await changePassword(db(), { personId: locals.user!.id, sessionId: locals.sessionId!, current, next });
		if (!result.ok) {
			const code = result.reason === 'wrong_current' ? 'password_wrong_current' : `err_password_${result.reason}`;
			return fail(400, { message: translate(code), field: result.reason === 'wrong_current' ? 'current' : 'next' });
		}
		return { changed: true };
	}
};
