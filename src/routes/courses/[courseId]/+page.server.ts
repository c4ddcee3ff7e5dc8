import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { competencyNames } from '$lib/server/catalog/catalog.service';
import { contentIndex } from '$lib/server/catalog/content-index';
import { courseForLearner, enrol } from '$lib/server/learning/learning.service';
import { text } from '$lib/server/form';
import { fieldErrors } from '$lib/server/i18n';
import { asHttpError } from '$lib/server/access';
import { reactionStatus, REACTION_ITEMS, submitReaction, type ReactionValues } from '$lib/server/evaluation/evaluation.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const course = await courseForLearner(db(), locals.user!, params.courseId);
	if (!course) error(404, m.err_not_found());
	const index = contentIndex();
	const prerequisites = course.version.prerequisites.map((id) => ({ id, title: index.course(id)?.title ?? id }));
	return {
		course: {
			...course.version,
			id: params.courseId,
			versionId: course.version.id,
			slug: index.course(params.courseId)?.slug ?? params.courseId,
			hasExam: !!index.course(params.courseId)?.exam
		},
		modules: course.modules,
		enrolment: course.enrolment ? { status: course.enrolment.status, lastModuleId: course.enrolment.last_module_id, dueAt: course.enrolment.due_at } : null,
		newerVersionAvailable: course.newerVersionAvailable,
		prerequisites,
		competencyNames: await competencyNames(db()),
		// Level 1 evaluation, offered once the course is completed.
		reaction: course.enrolment?.status === 'completed' ? await reactionStatus(db(), locals.user!, { kind: 'course', courseId: params.courseId }) : null
	};
};

export const actions: Actions = {
	enrol: async ({ locals, params }) => {
		const result = await enrol(db(), locals.user!, params.courseId);
		if (!result.ok) {
			if (result.code === 'course_unknown') error(404, m.err_not_found());
			return fail(400, { message: m.enrol_prereq_missing({ courses: (result.missing ?? []).map((id) => contentIndex().course(id)?.title ?? id).join(', ') }) });
		}
		const course = await courseForLearner(db(), locals.user!, params.courseId);
		redirect(303, `/courses/${params.courseId}/${course!.modules[0].moduleId}`);
	},
	evaluate: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = Object.fromEntries([...REACTION_ITEMS, 'comment'].map((k) => [k, text(form, k)])) as ReactionValues;
		try {
			const r = await submitReaction(db(), locals.user!, { kind: 'course', courseId: params.courseId }, values);
			if (!r.ok) return fail(400, { reactionValues: values as Record<string, string>, reactionErrors: fieldErrors(r.problems) });
			return { evaluated: true };
		} catch (e) {
			asHttpError(e, m.err_forbidden());
		}
	}
};
