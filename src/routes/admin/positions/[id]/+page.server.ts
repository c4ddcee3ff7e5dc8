import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { text } from '$lib/server/form';
import { fieldErrors, translate } from '$lib/server/i18n';
import { listPositions, removePosition, savePosition } from '$lib/server/org/org.service';
import { positionRequirements, savePositionRequirements } from '$lib/server/competency/competency.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const position = (await listPositions(db(), locals.user)).find((p) => p.id === Number(params.id));
	if (!position) error(404, m.err_not_found());
	return { position, requirements: await positionRequirements(db(), locals.user, position.id) };
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = { code: text(form, 'code'), name: text(form, 'name'), kind: text(form, 'kind') };
		const result = await savePosition(db(), locals.user, values, Number(params.id));
		if (!result.ok) return fail(400, { values, errors: fieldErrors(result.problems) });
		return { saved: true };
	},
	requirements: async ({ request, locals, params }) => {
		const form = await request.formData();
		const levels: Record<string, string> = {};
		for (const [key, value] of form) if (key.startsWith('req:') && typeof value === 'string') levels[key.slice(4)] = value.trim();
		const result = await savePositionRequirements(db(), locals.user, Number(params.id), levels);
		if (!result.ok) return fail(400, { requirementValues: levels, requirementErrors: fieldErrors(result.problems) });
		return { requirementsSaved: true };
	},
	delete: async ({ locals, params }) => {
		const result = await removePosition(db(), locals.user, Number(params.id));
		if (!result.ok) return fail(400, { deleteError: translate(result.code) });
		redirect(303, '/admin/positions');
	}
};
