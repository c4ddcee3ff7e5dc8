import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { optionalId, text } from '$lib/server/form';
import { fieldErrors, translate } from '$lib/server/i18n';
import { asHttpError } from '$lib/server/access';
import { cancelRegistration, registerForWorkshop, workshopForLearner } from '$lib/server/evaluation/workshop.service';
import { REACTION_ITEMS, submitReaction, type ReactionValues } from '$lib/server/evaluation/evaluation.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = optionalId(params.id);
	const workshop = id ? await workshopForLearner(db(), locals.user!, id) : null;
	if (!workshop) error(404, m.err_not_found());
	return { workshop };
};

function idOf(params: { id: string }) {
	const id = optionalId(params.id);
	if (!id) error(404, m.err_not_found());
	return id;
}

export const actions: Actions = {
	register: async ({ locals, params }) => {
		const r = await registerForWorkshop(db(), locals.user!, idOf(params));
		if (!r.ok) return fail(400, { message: translate(r.code) });
		return { done: r.status };
	},
	cancel: async ({ locals, params }) => {
		const r = await cancelRegistration(db(), locals.user!, idOf(params));
		if (!r.ok) return fail(400, { message: translate(r.code) });
		return { done: 'cancelled' as const };
	},
	evaluate: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = Object.fromEntries([...REACTION_ITEMS, 'comment'].map((k) => [k, text(form, k)])) as ReactionValues;
		try {
			const r = await submitReaction(db(), locals.user!, { kind: 'workshop', workshopId: idOf(params) }, values);
			if (!r.ok) return fail(400, { reactionValues: values as Record<string, string>, reactionErrors: fieldErrors(r.problems) });
			return { evaluated: true };
		} catch (e) {
			asHttpError(e, m.err_forbidden());
		}
	}
};
