import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { slugify } from '$lib/content/dialect.js';
import { toPublicQuestion } from '$lib/content/load';
import type { PublicQuestion } from '$lib/content/types';
import { db } from '$lib/server/db';
import { contentIndex } from '$lib/server/catalog/content-index';
import { readAnswerForm } from '$lib/server/learning/answer-form';
import { answerPractice, completeModule, openModule } from '$lib/server/learning/learning.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const opened = await openModule(db(), locals.user!, params.courseId, params.moduleId);
	if (!opened.ok) {
		if (opened.code === 'not_enrolled') redirect(303, `/courses/${params.courseId}`);
		error(404, m.err_not_found());
	}
	const index = contentIndex();
	const course = index.course(params.courseId);
	const content = index.module(params.courseId, params.moduleId);
	if (!course || !content) error(404, m.err_not_found());
	const glossary = { ...course.glossary, ...content.glossary };
	// Only what may be shown before answering; the keys stay here.
	const questions: Record<string, PublicQuestion> = {};
	for (const q of content.questions) questions[q.id] = toPublicQuestion(q, `${locals.user!.id}:${q.id}`);
	const answers = Object.fromEntries(
		opened.answers.map((a) => [a.questionId, { response: a.response, correct: a.correct, tries: a.tries, explanation: index.question(params.courseId, a.questionId)?.explanation ?? '' }])
	);
	const current = opened.modules.find((x) => x.moduleId === params.moduleId)!;
	return {
		courseId: params.courseId,
		courseTitle: opened.version.title,
		file: content.file,
		module: { id: content.id, title: opened.module.title, minutes: content.minutes, objectives: content.objectives, headings: content.headings, position: opened.module.position },
		terms: content.termsUsed.map((t) => ({ term: t, slug: slugify(t), definition: glossary[t] ?? '' })),
		questions,
		answers,
		questionCount: opened.module.questionIds.length,
		status: current.status,
		modules: opened.modules,
		previous: opened.previous ? { id: opened.previous.moduleId, title: opened.previous.title } : null,
		next: opened.next ? { id: opened.next.moduleId, title: opened.next.title } : null,
		courseCompleted: opened.enrolment.status === 'completed'
	};
};

export const actions: Actions = {
	answer: async ({ locals, params, request }) => {
		const form = await request.formData();
		const questionId = String(form.get('questionId') ?? '');
		const question = contentIndex().question(params.courseId, questionId);
		if (!question) return fail(400, { questionId, message: m.err_not_found() });
		const result = await answerPractice(db(), locals.user!, params.courseId, params.moduleId, questionId, readAnswerForm(question, form));
		if (!result.ok) {
			if (result.code === 'not_enrolled') redirect(303, `/courses/${params.courseId}`);
			return fail(400, { questionId, message: result.code === 'empty_answer' ? m.practice_empty() : m.err_not_found() });
		}
		// Back to the question, so the feedback is in view (also without JavaScript).
		redirect(303, `/courses/${params.courseId}/${params.moduleId}#q-${questionId}`);
	},
	complete: async ({ locals, params }) => {
		const result = await completeModule(db(), locals.user!, params.courseId, params.moduleId);
		if (!result.ok) {
			if (result.code === 'not_enrolled') redirect(303, `/courses/${params.courseId}`);
			if (result.code === 'practice_unanswered') return fail(400, { completeMessage: m.module_complete_missing({ n: result.missing ?? 0 }) });
			error(404, m.err_not_found());
		}
		redirect(303, `/courses/${params.courseId}/${params.moduleId}?selesai=1#selesai`);
	}
};
