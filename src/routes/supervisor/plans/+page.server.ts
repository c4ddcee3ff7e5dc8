import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { optionalId, text } from '$lib/server/form';
import { translate } from '$lib/server/i18n';
import { supervisorPlans } from '$lib/server/career/plan.service';
import { pendingTrainings, reviewTraining } from '$lib/server/career/external-training.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	plans: await supervisorPlans(db(), locals.user),
	trainings: await pendingTrainings(db(), locals.user)
});

export const actions: Actions = {
	review: async ({ request, locals }) => {
		const form = await request.formData();
		const id = optionalId(text(form, 'trainingId'));
		if (id === null) return fail(400, { trainingId: null, message: m.err_not_found(), note: '' });
		const note = text(form, 'note');
		const result = await reviewTraining(db(), locals.user, id, text(form, 'decision'), note).catch((e) => asHttpError(e, m.err_forbidden()));
		if (!result.ok) return fail(400, { trainingId: id, message: translate(result.code), note });
		return { reviewed: id, decision: text(form, 'decision') };
	}
};
