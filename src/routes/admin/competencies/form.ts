import { text } from '$lib/server/form';

/** The competency form's fields as the service takes them. */
export function competencyValues(form: FormData) {
	return {
		code: text(form, 'code'),
		name: text(form, 'name'),
		kind: text(form, 'kind'),
		description: text(form, 'description'),
		active: form.get('active') === '1',
		levels: [1, 2, 3, 4, 5].map((n) => text(form, `level${n}`))
	};
}
