import { fail, redirect } from '@sveltejs/kit';
import { treeOrder } from '$lib/org-tree';
import { db } from '$lib/server/db';
import { fieldErrors } from '$lib/server/i18n';
import { listPositions, listUnits, savePerson } from '$lib/server/org/org.service';
import { readPersonForm } from '$lib/server/org/person-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [units, positions] = await Promise.all([listUnits(db(), locals.user), listPositions(db(), locals.user)]);
	return { units: treeOrder(units), positions };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const { values, input } = readPersonForm(await request.formData());
		const result = await savePerson(db(), locals.user, input);
		if (!result.ok) return fail(400, { values, errors: fieldErrors(result.problems) });
		redirect(303, `/admin/people/${result.id}?saved=1`);
	}
};
