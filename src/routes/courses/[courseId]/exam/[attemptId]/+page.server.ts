import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { contentIndex } from '$lib/server/catalog/content-index';
import { saveAnswers, setReviewing, submitAttempt, viewAttempt } from '$lib/server/assessment/exam.service';
import { readAnswersForm } from '$lib/server/learning/answer-form';
import type { Question } from '$lib/content/types';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function attemptOrError(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const id = Number(event.params.attemptId);
	const view = Number.isInteger(id) ? await viewAttempt(db(), event.locals.user!, id) : null;
	if (!view || view.courseId !== event.params.courseId) error(404, m.err_not_found());
	return view;
}

export const load: PageServerLoad = async (event) => {
	const view = await attemptOrError(event);
	const certificate =
		view.status === 'passed'
			? await db().selectFrom('certificate').select('code').where('attempt_id', '=', view.id).executeTakeFirst()
			: undefined;
	return { attempt: view, courseTitle: contentIndex().course(view.courseId)?.title ?? view.courseId, certificateCode: certificate?.code ?? null };
};

/** Saves every answer in the form; used by save, review and submit so nothing typed is lost. */
async function saveFromForm(event: RequestEvent) {
	const view = await attemptOrError(event);
	const index = contentIndex();
	const questions = view.questions.map((q) => index.question(view.courseId, q.public.id)).filter((q): q is Question => !!q);
	const responses = readAnswersForm(questions, await event.request.formData());
	// Unanswered fields are left alone: only what the learner filled in is sent.
	const filled = Object.fromEntries(Object.entries(responses).filter(([, v]) => v !== null));
	return saveAnswers(db(), event.locals.user!, view.id, filled);
}

export const actions: Actions = {
	save: async (event) => {
		const result = await saveFromForm(event);
		if (result.ok && result.lateRefused) return fail(409, { message: m.exam_late_refused() });
		return { saved: true };
	},
	review: async (event) => {
		const result = await saveFromForm(event);
		if (result.ok && result.lateRefused) return fail(409, { message: m.exam_late_refused() });
		await setReviewing(db(), event.locals.user!, Number(event.params.attemptId), true);
		redirect(303, `/courses/${event.params.courseId}/exam/${event.params.attemptId}`);
	},
	resume: async (event) => {
		await setReviewing(db(), event.locals.user!, Number(event.params.attemptId), false);
		redirect(303, `/courses/${event.params.courseId}/exam/${event.params.attemptId}`);
	},
	submit: async (event) => {
		const result = await saveFromForm(event);
		if (result.ok && result.lateRefused) return fail(409, { message: m.exam_late_refused() });
		await submitAttempt(db(), event.locals.user!, Number(event.params.attemptId));
		redirect(303, `/courses/${event.params.courseId}/exam/${event.params.attemptId}`);
	}
};
