import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { optionalId, text } from '$lib/server/form';
import { fieldErrors } from '$lib/server/i18n';
import { addSurveyService, ikmForUnit, setSurveyServiceActive } from '$lib/server/evaluation/survey.service';
import { weakestElements } from '$lib/server/evaluation/ikm';
import { periodFromUrl } from '$lib/server/evaluation/period';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const period = periodFromUrl(url);
	const found = await ikmForUnit(db(), locals.user, params.unitCode, period);
	if (!found) error(404, m.err_not_found());
	return { period, ...found, weakest: found.result ? weakestElements(found.result).map((e) => e.element) : [] };
};

export const actions: Actions = {
	addService: async ({ request, locals, params }) => {
		const form = await request.formData();
		const name = text(form, 'name');
		const r = await addSurveyService(db(), locals.user, params.unitCode, name);
		if (!r.ok) return fail(400, { serviceName: name, serviceErrors: fieldErrors(r.problems) });
		return { serviceAdded: true };
	},
	toggleService: async ({ request, locals, params }) => {
		const form = await request.formData();
		const id = optionalId(text(form, 'serviceId'));
		if (id) await setSurveyServiceActive(db(), locals.user, params.unitCode, id, text(form, 'active') === '1');
		return { serviceToggled: true };
	}
};
