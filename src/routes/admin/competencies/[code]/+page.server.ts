import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { fieldErrors } from '$lib/server/i18n';
import { getCompetency, saveCompetency } from '$lib/server/competency/competency.service';
import { competencyValues } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const competency = await getCompetency(db(), locals.user, params.code);
	if (!competency) error(404, m.err_not_found());
	return { competency, created: url.searchParams.has('created') };
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const values = competencyValues(await request.formData());
		const result = await saveCompetency(db(), locals.user, values, params.code);
		if (!result.ok) return fail(400, { values: { ...values, code: params.code }, errors: fieldErrors(result.problems) });
		return { saved: true };
	}
};
