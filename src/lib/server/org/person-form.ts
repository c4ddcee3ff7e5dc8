import { optionalId, text } from '../form';
import type { PersonInput } from './org.service';

/** Reads the person form; `values` goes back to the page unchanged when the input is refused. */
export function readPersonForm(form: FormData) {
	const values = {
		nip: text(form, 'nip'),
		name: text(form, 'name'),
		email: text(form, 'email'),
		unitId: text(form, 'unitId'),
		positionId: text(form, 'positionId'),
		supervisorNip: text(form, 'supervisorNip'),
		roles: form.getAll('roles').filter((r): r is string => typeof r === 'string'),
		active: form.get('active') === '1'
	};
	const input: PersonInput = {
		...values,
		unitId: optionalId(values.unitId),
		positionId: optionalId(values.positionId),
		password: typeof form.get('password') === 'string' ? (form.get('password') as string) : ''
	};
	return { values, input };
}
