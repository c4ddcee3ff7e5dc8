import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { optionalId, text } from '$lib/server/form';
import { translate } from '$lib/server/i18n';
import { addItem, myPlan, removeItem, setItemDate, startPlan, submitPlan, type PlanResult } from '$lib/server/career/plan.service';
import type { Proposal } from '$lib/server/career/plan-proposals';
import type { Actions, PageServerLoad } from './$types';

/** The title a proposed item gets, in the reader's language (the learner may change it). */
function titleOf(p: Proposal): string {
	if (p.kind === 'course') return p.courseTitle ?? p.competencyName;
	if (p.kind === 'mentoring') return m.career_item_title_mentoring({ competency: p.competencyName });
	return m.career_item_title_otj({ competency: p.competencyName });
}

export const load: PageServerLoad = async ({ locals }) => {
	const data = await myPlan(db(), locals.user);
	return { ...data, proposals: data.proposals.map((p) => ({ ...p, title: titleOf(p) })) };
};

function answer(result: PlanResult, values: Record<string, string> = {}) {
	if (result.ok) return { ok: true };
	return fail(400, { values, field: result.field ?? null, message: translate(result.code) });
}

const itemValues = (form: FormData) => ({
	kind: text(form, 'kind'),
	title: text(form, 'title'),
	competencyCode: text(form, 'competencyCode'),
	targetLevel: text(form, 'targetLevel'),
	courseId: text(form, 'courseId'),
	targetDate: text(form, 'targetDate')
});

export const actions: Actions = {
	start: async ({ locals }) => answer(await startPlan(db(), locals.user, titleOf)),
	add: async ({ request, locals }) => {
		const values = itemValues(await request.formData());
		const result = await addItem(db(), locals.user, values);
		return result.ok ? { ok: true, added: values.title } : answer(result, values);
	},
	date: async ({ request, locals }) => {
		const form = await request.formData();
		const itemId = optionalId(text(form, 'itemId'));
		if (itemId === null) return fail(400, { message: m.err_not_found(), values: {}, field: null });
		const result = await setItemDate(db(), locals.user, itemId, text(form, 'targetDate'));
		return result.ok ? { ok: true, dated: itemId } : answer(result, { itemId: String(itemId), targetDate: text(form, 'targetDate') });
	},
	remove: async ({ request, locals }) => {
		const itemId = optionalId(text(await request.formData(), 'itemId'));
		if (itemId === null) return fail(400, { message: m.err_not_found(), values: {}, field: null });
		return answer(await removeItem(db(), locals.user, itemId));
	},
	submit: async ({ locals }) => {
		const result = await submitPlan(db(), locals.user);
		return result.ok ? { ok: true, submitted: true } : answer(result);
	}
};
