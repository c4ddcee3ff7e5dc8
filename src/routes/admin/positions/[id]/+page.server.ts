import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { text } from '$lib/server/form';
import { fieldErrors, translate } from '$lib/server/i18n';
import { listPositions, removePosition, savePosition } from '$lib/server/org/org.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const position = (await listPositions(db(), locals.user)).find((p) => p.id === Number(params.id));
	if (!position) error(404, m.err_not_found());
	return { position };
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = { code: text(form, 'code'), name: text(form, 'name'), kind: text(form, 'kind') };
		const result = await savePosition(db(), locals.user, values, Number(params.id));
		if (!result.ok) return fail(400, { values, errors: fieldErrors(result.problems) });
		return { saved: true };
	},
	delete: async ({ locals, params }) => {
		const result = await removePosition(db(), locals.user, Number(params.id));
		if (!result.ok) return fail(400, { deleteError: translate(result.code) });
		redirect(303, '/admin/positions');
	}
};
