import { loadPersonCompetency, recordManualEvidence } from '$lib/server/competency/person-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => loadPersonCompetency(locals.user, params.id);

export const actions: Actions = {
	evidence: ({ request, locals, params }) => recordManualEvidence(request, locals.user, params.id)
};
