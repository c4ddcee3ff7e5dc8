import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { text } from '$lib/server/form';
import { fieldErrors } from '$lib/server/i18n';
import { listPositions, savePosition } from '$lib/server/org/org.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ positions: await listPositions(db(), locals.user) });

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { code: text(form, 'code'), name: text(form, 'name'), kind: text(form, 'kind') };
		const result = await savePosition(db(), locals.user, values);
		if (!result.ok) return fail(400, { values, errors: fieldErrors(result.problems) });
		return { created: m.saved_position({ name: values.name }) };
	}
};
