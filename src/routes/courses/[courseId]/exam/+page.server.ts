import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formatDateTime } from '$lib/format';
import { db } from '$lib/server/db';
import { contentIndex } from '$lib/server/catalog/content-index';
import { examOverview, startAttempt, type ExamBlock } from '$lib/server/assessment/exam.service';
import type { Actions, PageServerLoad } from './$types';

function blockText(block: ExamBlock): string {
	switch (block.code) {
		case 'no_exam':
			return m.exam_none();
		case 'not_enrolled':
			return m.exam_not_enrolled();
		case 'modules_incomplete':
			return m.exam_modules_incomplete({ done: block.done, total: block.total });
		case 'no_attempts_left':
			return m.exam_no_attempts({ n: block.allowed });
		case 'waiting':
			return m.exam_waiting({ time: formatDateTime(block.until) });
		case 'already_certified':
			return m.exam_already_passed();
	}
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const course = contentIndex().course(params.courseId);
	if (!course) error(404, m.err_not_found());
	const overview = await examOverview(db(), locals.user!, params.courseId);
	return { courseId: params.courseId, courseTitle: course.title, ...overview, blockText: overview.block ? blockText(overview.block) : null };
};

export const actions: Actions = {
	start: async ({ locals, params }) => {
		const result = await startAttempt(db(), locals.user!, params.courseId);
		if (!result.ok) return fail(400, { message: blockText(result.block) });
		redirect(303, `/courses/${params.courseId}/exam/${result.attemptId}`);
	}
};
