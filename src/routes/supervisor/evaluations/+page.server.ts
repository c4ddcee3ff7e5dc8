import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { optionalId, pageNumber, text } from '$lib/server/form';
import { fieldErrors } from '$lib/server/i18n';
import { asHttpError } from '$lib/server/access';
import { answerBehaviour, behaviourRequests } from '$lib/server/evaluation/evaluation.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({ requests: await behaviourRequests(db(), locals.user, pageNumber(url)) });

export const actions: Actions = {
	answer: async ({ request, locals }) => {
		const form = await request.formData();
		const id = optionalId(text(form, 'id')) ?? 0;
		const values = { rating: text(form, 'rating'), note: text(form, 'note') };
		try {
			const r = await answerBehaviour(db(), locals.user, id, values);
			if (!r.ok) return fail(400, { id, values, errors: fieldErrors(r.problems) });
			return { answered: id };
		} catch (e) {
			asHttpError(e, m.err_forbidden());
		}
	}
};
