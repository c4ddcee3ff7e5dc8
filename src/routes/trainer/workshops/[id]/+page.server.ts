import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { optionalId, text } from '$lib/server/form';
import { fieldErrors, translate } from '$lib/server/i18n';
import { asHttpError } from '$lib/server/access';
import { cancelWorkshop, markAttendance } from '$lib/server/evaluation/workshop.service';
import { editWorkshop, trainerWorkshop } from '$lib/server/evaluation/workshop-edit.service';
import { workshopValuesFrom } from '$lib/server/evaluation/workshop-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = optionalId(params.id);
	const found = id ? await trainerWorkshop(db(), locals.user, id) : null;
	if (!found) error(404, m.err_not_found());
	return found;
};

export const actions: Actions = {
	edit: async ({ request, locals, params }) => {
		const id = optionalId(params.id);
		const form = await request.formData();
		const values = workshopValuesFrom(form);
		if (!id) error(404, m.err_not_found());
		const r = await editWorkshop(db(), locals.user, id, values, new Date(), text(form, 'version')).catch((e) => asHttpError(e, m.err_forbidden()));
		if (!r.ok) {
			if ('problems' in r) return fail(400, { editValues: values, editErrors: fieldErrors(r.problems) });
			if (r.code === 'ev_err_workshop_unknown') error(404, m.err_not_found());
			// Saved elsewhere since the form was opened: keep what was typed; the page now carries the
			// new version, so saving again is a deliberate choice.
			if (r.code === 'ev_err_workshop_changed_meanwhile') return fail(409, { editValues: values, editError: translate(r.code) });
			return fail(400, { editError: translate(r.code) });
		}
		return { edited: r };
	},
	cancel: async ({ request, locals, params }) => {
		const id = optionalId(params.id);
		const reason = text(await request.formData(), 'reason');
		if (!id) error(404, m.err_not_found());
		const r = await cancelWorkshop(db(), locals.user, id, reason).catch((e) => asHttpError(e, m.err_forbidden()));
		if (!r.ok) {
			if (r.code === 'ev_err_workshop_unknown') error(404, m.err_not_found());
			return fail(400, { cancelError: translate(r.code), reason });
		}
		return { cancelled: true };
	},
	mark: async ({ request, locals, params }) => {
		const id = optionalId(params.id);
		const personId = optionalId(String((await request.formData()).get('personId') ?? ''));
		if (!id || !personId) return fail(400, { message: translate('ev_err_not_registered') });
		try {
			const r = await markAttendance(db(), locals.user, id, personId);
			if (!r.ok) return fail(400, { message: translate(r.code) });
			return { marked: personId };
		} catch (e) {
			asHttpError(e, m.err_forbidden());
		}
	}
};
