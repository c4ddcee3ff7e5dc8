import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { fieldErrors } from '$lib/server/i18n';
import { listFramework, saveCompetency } from '$lib/server/competency/competency.service';
import { competencyValues } from './form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ competencies: await listFramework(db(), locals.user) });

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const values = competencyValues(await request.formData());
		const result = await saveCompetency(db(), locals.user, values, null);
		if (!result.ok) return fail(400, { values, errors: fieldErrors(result.problems) });
		redirect(303, `/admin/competencies/${result.code}?created=1`);
	}
};
