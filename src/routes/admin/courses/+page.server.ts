import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { optionalId, text } from '$lib/server/form';
import { assignTrainer, coursesWithTrainers, unassignTrainer } from '$lib/server/catalog/course-trainer.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ courses: await coursesWithTrainers(db(), locals.user) });

export const actions: Actions = {
	assign: async ({ locals, request }) => {
		const form = await request.formData();
		const courseId = text(form, 'courseId');
		const login = text(form, 'login');
		const result = await assignTrainer(db(), locals.user, courseId, login);
		if (!result.ok) {
			const message = result.code === 'not_trainer' ? m.course_trainer_not_trainer() : result.code === 'person_unknown' ? m.course_trainer_unknown() : m.err_not_found();
			return fail(400, { courseId, login, message });
		}
		return { assigned: courseId };
	},
	unassign: async ({ locals, request }) => {
		const form = await request.formData();
		const personId = optionalId(text(form, 'personId'));
		if (personId) await unassignTrainer(db(), locals.user, text(form, 'courseId'), personId);
		return { removed: true };
	}
};
