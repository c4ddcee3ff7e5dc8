import { fail } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { optionalId } from '$lib/server/form';
import { translate } from '$lib/server/i18n';
import { cancelRegistration, listWorkshopsForLearner, registerForWorkshop } from '$lib/server/evaluation/workshop.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return { workshops: await listWorkshopsForLearner(db(), locals.user!) };
};

export const actions: Actions = {
	register: async ({ request, locals }) => {
		const id = optionalId(String((await request.formData()).get('workshopId') ?? ''));
		if (!id) return fail(400, { message: translate('ev_err_workshop_unknown') });
		const r = await registerForWorkshop(db(), locals.user!, id);
		if (!r.ok) return fail(400, { message: translate(r.code), workshopId: id });
		return { done: r.status, workshopId: id };
	},
	cancel: async ({ request, locals }) => {
		const id = optionalId(String((await request.formData()).get('workshopId') ?? ''));
		if (!id) return fail(400, { message: translate('ev_err_workshop_unknown') });
		const r = await cancelRegistration(db(), locals.user!, id);
		if (!r.ok) return fail(400, { message: translate(r.code), workshopId: id });
		return { done: 'cancelled' as const, workshopId: id };
	}
};
