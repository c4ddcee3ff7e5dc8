import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { text } from '$lib/server/form';
import { fieldErrors } from '$lib/server/i18n';
import { activeCompetencies } from '$lib/server/competency/competency.service';
import { MAX_DOCUMENT_BYTES, myTrainings, submitTraining } from '$lib/server/career/external-training.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	trainings: await myTrainings(db(), locals.user),
	competencies: await activeCompetencies(db(), locals.user),
	maxMb: MAX_DOCUMENT_BYTES / 1024 / 1024
});

export const actions: Actions = {
	submit: async ({ request, locals }) => {
		const form = await request.formData();
		const values = {
			title: text(form, 'title'),
			organiser: text(form, 'organiser'),
			kind: text(form, 'kind'),
			startDate: text(form, 'startDate'),
			endDate: text(form, 'endDate'),
			jp: text(form, 'jp'),
			competencyCode: text(form, 'competencyCode'),
			competencyLevel: text(form, 'competencyLevel')
		};
		const file = form.get('document');
		const document = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
		const result = await submitTraining(db(), locals.user, { ...values, document });
		if (!result.ok) return fail(400, { values, errors: fieldErrors(result.problems) });
		return { submitted: true, message: m.career_training_submitted() };
	}
};
