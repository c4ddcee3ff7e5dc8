import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { essaysToGrade, gradeEssay } from '$lib/server/assessment/exam.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = Number(params.attemptId);
	if (!Number.isInteger(id)) error(404, m.err_not_found());
	return { attempt: await essaysToGrade(db(), locals.user!, id).catch((e) => asHttpError(e, m.err_forbidden())) };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const form = await request.formData();
		const questionId = String(form.get('questionId') ?? '');
		const pointsText = String(form.get('points') ?? '').replace(',', '.');
		const comment = String(form.get('comment') ?? '').trim();
		const points = Number(pointsText);
		if (pointsText === '' || !Number.isFinite(points)) return fail(400, { questionId, comment, points: pointsText, message: m.grading_points_required() });
		const result = await gradeEssay(db(), locals.user!, Number(params.attemptId), questionId, points, comment).catch((e) => asHttpError(e, m.err_forbidden()));
		if (!result.ok) return fail(400, { questionId, comment, points: pointsText, message: result.code === 'points_range' ? m.grading_points_range() : m.grading_already() });
		return { graded: questionId, status: result.status };
	}
};
