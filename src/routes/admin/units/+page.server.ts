import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { treeOrder } from '$lib/org-tree';
import { db } from '$lib/server/db';
import { optionalId, text } from '$lib/server/form';
import { fieldErrors } from '$lib/server/i18n';
import { listUnits, saveUnit } from '$lib/server/org/org.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ units: treeOrder(await listUnits(db(), locals.user)) });

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { code: text(form, 'code'), name: text(form, 'name'), kind: text(form, 'kind'), parentId: text(form, 'parentId') };
		const result = await saveUnit(db(), locals.user, { ...values, parentId: optionalId(values.parentId) });
		if (!result.ok) return fail(400, { values, errors: fieldErrors(result.problems) });
		return { created: m.saved_unit({ name: values.name }) };
	}
};
