import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { fieldErrors } from '$lib/server/i18n';
import { createWorkshop, workshopFormOptions } from '$lib/server/evaluation/workshop.service';
import { workshopValuesFrom } from '$lib/server/evaluation/workshop-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => workshopFormOptions(db(), locals.user);

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = workshopValuesFrom(await request.formData());
		const r = await createWorkshop(db(), locals.user, values);
		if (!r.ok) return fail(400, { values, errors: fieldErrors(r.problems) });
		redirect(303, `/trainer/workshops/${r.id}`);
	}
};
