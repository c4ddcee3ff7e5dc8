import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { competencyNames } from '$lib/server/catalog/catalog.service';
import { contentIndex } from '$lib/server/catalog/content-index';
import { courseForLearner, enrol } from '$lib/server/learning/learning.service';
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
		competencyNames: await competencyNames(db())
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
	}
};
