import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { contentIndex } from '$lib/server/catalog/content-index';
import { itemStatistics } from '$lib/server/assessment/item-stats.service';
import { failedAttempts, grantRetry } from '$lib/server/assessment/exam.service';
import { text } from '$lib/server/form';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const course = contentIndex().course(params.courseId);
	if (!course) error(404, m.err_not_found());
	const [items, failed] = await Promise.all([
		itemStatistics(db(), locals.user!, params.courseId),
		failedAttempts(db(), locals.user!, params.courseId)
	]).catch((e) => asHttpError(e, m.err_forbidden()));
	return { courseTitle: course.title, items, failed: failed.map((f) => ({ ...f, percent: f.percent === null ? null : Number(f.percent) })) };
};

export const actions: Actions = {
	grant: async ({ locals, request }) => {
		const form = await request.formData();
		const attemptId = Number(text(form, 'attemptId'));
		const reason = text(form, 'reason');
		const result = await grantRetry(db(), locals.user!, attemptId, reason).catch((e) => asHttpError(e, m.err_forbidden()));
		if (!result.ok) return fail(400, { attemptId, reason, message: result.code === 'reason_required' ? m.grant_reason_required() : m.err_not_found() });
		return { granted: attemptId };
	}
};
