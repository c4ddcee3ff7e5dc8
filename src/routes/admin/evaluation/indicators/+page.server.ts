import { fail } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { pageNumber, text } from '$lib/server/form';
import { fieldErrors } from '$lib/server/i18n';
import { importUploadedCsv } from '$lib/server/csv-upload';
import { localDate } from '$lib/server/career/local-date';
import { importIndicators, listIndicators, saveIndicator } from '$lib/server/evaluation/indicators.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const unit = (url.searchParams.get('unit') ?? '').trim().toUpperCase();
	return { list: await listIndicators(db(), locals.user, unit || undefined, pageNumber(url)), unit, thisMonth: localDate(new Date()).slice(0, 7) };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const form = await request.formData();
		const values = {
			unitCode: text(form, 'unitCode').toUpperCase(),
			month: text(form, 'month'),
			received: text(form, 'received'),
			resolved: text(form, 'resolved'),
			withinStandard: text(form, 'withinStandard'),
			avgDays: text(form, 'avgDays')
		};
		const r = await saveIndicator(db(), locals.user, values);
		if (!r.ok) return fail(400, { values, errors: fieldErrors(r.problems.map((p) => ({ field: p.field, code: p.code }))) });
		return { saved: true };
	},
	import: ({ request, locals }) => importUploadedCsv(request, 2, (csv) => importIndicators(db(), locals.user, csv))
};
