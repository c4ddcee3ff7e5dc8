import { loadAssignForm, submitAssignForm } from '$lib/server/supervision/assign-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => loadAssignForm(locals, url);

export const actions: Actions = {
	default: ({ request, locals }) => submitAssignForm(request, locals)
};
