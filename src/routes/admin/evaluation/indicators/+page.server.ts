import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { pageNumber, text } from '$lib/server/form';
import { fieldErrors, translate } from '$lib/server/i18n';
import { localDate } from '$lib/server/career/local-date';
import { importIndicators, listIndicators, saveIndicator } from '$lib/server/evaluation/indicators.service';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 2 * 1024 * 1024;

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
	import: async ({ request, locals }) => {
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { importMessage: m.import_no_file(), problems: [] });
		if (file.size > MAX_BYTES) return fail(400, { importMessage: m.import_too_large({ mb: 2 }), problems: [] });
		const r = await importIndicators(db(), locals.user, await file.text());
		if (!r.ok) {
			return fail(400, {
				importMessage: m.import_failed({ count: r.problems.length }),
				problems: r.problems.map((p) => ({ line: p.line, text: translate(p.code, { value: p.value ?? '', otherLine: p.otherLine ?? '' }) }))
			});
		}
		return { imported: r.imported, fileName: file.name };
	}
};
