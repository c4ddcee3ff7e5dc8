import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { text } from '$lib/server/form';
import { fieldErrors, translate } from '$lib/server/i18n';
import { localDate } from '$lib/server/career/local-date';
import { SKM_ELEMENTS } from '$lib/server/evaluation/ikm';
import { formStamp, publicSurveyUnit, submitSurvey, type SurveyValues } from '$lib/server/evaluation/survey.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const unit = await publicSurveyUnit(db(), params.unitCode);
	if (!unit) error(404, m.err_not_found());
	// The stamp is per page view; a cached page would carry an old one.
	setHeaders({ 'cache-control': 'no-store' });
	return { unit, elements: [...SKM_ELEMENTS], stamp: await formStamp(db()), today: localDate(new Date()) };
};

export const actions: Actions = {
	default: async ({ request, params, getClientAddress }) => {
		const form = await request.formData();
		const values: SurveyValues = {
			answers: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, text(form, e)])),
			service: text(form, 'service'),
			serviceOther: text(form, 'serviceOther'),
			servedOn: text(form, 'servedOn'),
			comment: text(form, 'comment'),
			website: text(form, 'website'),
			stamp: text(form, 'stamp')
		};
		const r = await submitSurvey(db(), params.unitCode, values, getClientAddress());
		if (r.ok) return { thanks: true };
		const shown = { ...values.answers, service: values.service, serviceOther: values.serviceOther, servedOn: values.servedOn, comment: values.comment };
		// A fresh stamp, so a person who was refused only for speed can simply send again.
		const stamp = await formStamp(db());
		if (r.reason === 'unit') error(404, m.err_not_found());
		if (r.reason === 'limited') return fail(429, { values: shown, stamp, errors: {}, message: translate('ev_survey_err_limited') });
		const errors = fieldErrors(r.problems);
		return fail(400, { values: shown, stamp, errors, message: errors.form ?? translate('ev_survey_err_fix') });
	}
};
