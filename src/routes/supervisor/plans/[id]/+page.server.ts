import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { optionalId, text } from '$lib/server/form';
import { translate } from '$lib/server/i18n';
import { approvePlan, evaluatePlan, planForSupervisor, requestChanges, type PlanResult } from '$lib/server/career/plan.service';
import { localDate } from '$lib/server/career/local-date';
import { evaluationOpensOn as opensOn } from '$lib/machines/plan.machine';
import type { Actions, PageServerLoad } from './$types';

function planId(raw: string): number {
	const id = optionalId(raw);
	if (id === null) error(404, m.err_not_found());
	return id;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const plan = await planForSupervisor(db(), locals.user, planId(params.id)).catch((e) => asHttpError(e, m.err_forbidden()));
	if (!plan) error(404, m.err_not_found());
	// Evaluation opens at year end on the server's clock (WIB); the page says when, rather than offer a form that would refuse.
	const evaluationOpensOn = opensOn(plan.year);
	return { plan, evaluationOpensOn, evaluationOpen: localDate(new Date()) >= evaluationOpensOn };
};

function answer(result: PlanResult, action: string, values: Record<string, string>) {
	if (result.ok) return { done: action };
	return fail(400, { action, values, message: translate(result.code) });
}

export const actions: Actions = {
	changes: async ({ request, locals, params }) => {
		const comment = text(await request.formData(), 'comment');
		const result = await requestChanges(db(), locals.user, planId(params.id), comment).catch((e) => asHttpError(e, m.err_forbidden()));
		return answer(result, 'changes', { comment });
	},
	approve: async ({ request, locals, params }) => {
		const comment = text(await request.formData(), 'comment');
		const result = await approvePlan(db(), locals.user, planId(params.id), comment).catch((e) => asHttpError(e, m.err_forbidden()));
		return answer(result, 'approve', { comment });
	},
	evaluate: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = { rating: text(form, 'rating'), note: text(form, 'note') };
		const result = await evaluatePlan(db(), locals.user, planId(params.id), values.rating, values.note).catch((e) => asHttpError(e, m.err_forbidden()));
		return answer(result, 'evaluate', values);
	}
};
