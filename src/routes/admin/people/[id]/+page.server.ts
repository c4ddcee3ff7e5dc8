import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { treeOrder } from '$lib/org-tree';
import { db } from '$lib/server/db';
import { fieldErrors } from '$lib/server/i18n';
import { getPerson, listPositions, listUnits, savePerson } from '$lib/server/org/org.service';
import { readPersonForm } from '$lib/server/org/person-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const [person, units, positions] = await Promise.all([
		getPerson(db(), locals.user, Number(params.id)),
		listUnits(db(), locals.user),
		listPositions(db(), locals.user)
	]);
	if (!person) error(404, m.err_not_found());
	return { person, units: treeOrder(units), positions, justSaved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const { values, input } = readPersonForm(await request.formData());
		const result = await savePerson(db(), locals.user, input, Number(params.id));
		if (!result.ok) return fail(400, { values, errors: fieldErrors(result.problems) });
		return { saved: true };
	}
};
