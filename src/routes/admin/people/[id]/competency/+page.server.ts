import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { optionalId, text } from '$lib/server/form';
import { fieldErrors } from '$lib/server/i18n';
import { activeCompetencies, addManualEvidence, competencyProfile } from '$lib/server/competency/competency.service';
import type { Actions, PageServerLoad } from './$types';

function personId(raw: string): number {
	const id = optionalId(raw);
	if (id === null) error(404, m.err_not_found());
	return id;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = personId(params.id);
	const profile = await competencyProfile(db(), locals.user, id).catch((e) => asHttpError(e, m.err_forbidden()));
	return { profile, competencies: await activeCompetencies(db(), locals.user), self: id === locals.user!.id };
};

export const actions: Actions = {
	evidence: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = { competencyCode: text(form, 'competencyCode'), level: text(form, 'level'), note: text(form, 'note'), validUntil: text(form, 'validUntil') };
		const result = await addManualEvidence(db(), locals.user, personId(params.id), values).catch((e) => asHttpError(e, m.err_forbidden()));
		if (!result.ok) return fail(400, { values, errors: fieldErrors(result.problems) });
		return { recorded: true };
	}
};
