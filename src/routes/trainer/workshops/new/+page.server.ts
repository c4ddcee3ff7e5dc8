import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { text } from '$lib/server/form';
import { fieldErrors } from '$lib/server/i18n';
import { createWorkshop, workshopFormOptions, type WorkshopValues } from '$lib/server/evaluation/workshop.service';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['title', 'description', 'courseId', 'competencyCode', 'competencyLevel', 'place', 'onlineUrl', 'startsAt', 'endsAt', 'capacity', 'jp', 'partners'] as const;

export const load: PageServerLoad = async ({ locals }) => workshopFormOptions(db(), locals.user);

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const values = Object.fromEntries(FIELDS.map((f) => [f, f === 'description' || f === 'partners' ? String(form.get(f) ?? '').trim() : text(form, f)])) as unknown as WorkshopValues;
		const r = await createWorkshop(db(), locals.user, values);
		if (!r.ok) return fail(400, { values, errors: fieldErrors(r.problems) });
		redirect(303, `/trainer/workshops/${r.id}`);
	}
};
