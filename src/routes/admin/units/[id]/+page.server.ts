import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { treeOrder } from '$lib/org-tree';
import { db } from '$lib/server/db';
import { optionalId, text } from '$lib/server/form';
import { fieldErrors, translate } from '$lib/server/i18n';
import { listUnits, removeUnit, saveUnit } from '$lib/server/org/org.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const units = treeOrder(await listUnits(db(), locals.user));
	const unit = units.find((u) => u.id === Number(params.id));
	if (!unit) error(404, m.err_not_found());
	return { unit, units: units.filter((u) => u.id !== unit.id) };
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = { code: text(form, 'code'), name: text(form, 'name'), kind: text(form, 'kind'), parentId: text(form, 'parentId') };
		const result = await saveUnit(db(), locals.user, { ...values, parentId: optionalId(values.parentId) }, Number(params.id));
		if (!result.ok) return fail(400, { values, errors: fieldErrors(result.problems) });
		return { saved: true };
	},
	delete: async ({ locals, params }) => {
		const result = await removeUnit(db(), locals.user, Number(params.id));
		if (!result.ok) return fail(400, { deleteError: translate(result.code) });
		redirect(303, '/admin/units');
	}
};
