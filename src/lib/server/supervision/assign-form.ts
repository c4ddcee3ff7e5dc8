// The assignment form's action, shared by /supervisor/assign and /admin/assignments.
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { text } from '$lib/server/form';
import { translate } from '$lib/server/i18n';
import { assignableCourses, assignableUnits, assignCourse } from './supervision.service';
import { localDate } from '../career/local-date';

export async function loadAssignForm(locals: App.Locals, url: URL) {
	const actor = locals.user;
	const [courses, units] = await Promise.all([assignableCourses(db(), actor), assignableUnits(db(), actor)]).catch((e) => asHttpError(e, m.err_forbidden()));
	const people = url.searchParams.get('people')?.trim() ?? '';
	return {
		courses,
		units,
		minDate: localDate(new Date()),
		initial: { courseId: url.searchParams.get('course') ?? '', dueOn: '', target: people ? 'people' : 'unit', unitCode: url.searchParams.get('unit') ?? '', people }
	};
}

export async function submitAssignForm(request: Request, locals: App.Locals) {
	const form = await request.formData();
	const values = { courseId: text(form, 'courseId'), dueOn: text(form, 'dueOn'), target: text(form, 'target') === 'people' ? 'people' : 'unit', unitCode: text(form, 'unitCode'), people: text(form, 'people') };
	const result = await assignCourse(db(), locals.user, {
		courseId: values.courseId,
		dueOn: values.dueOn,
		target: values.target as 'unit' | 'people',
		unitCode: values.unitCode,
		people: values.people.split(/[\n,;]+/)
	}).catch((e) => asHttpError(e, m.err_forbidden()));
	if (!result.ok) {
		const errors: Record<string, string> = {};
		for (const e of result.errors) errors[e.field] ??= translate(e.code, e.params ?? {});
		return fail(400, { values, errors });
	}
	return { done: m.sup_assign_done({ course: result.courseTitle, people: result.people, enrolled: result.enrolled, updated: result.updated }) };
}
