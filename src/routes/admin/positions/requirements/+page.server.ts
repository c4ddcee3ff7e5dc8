import { db } from '$lib/server/db';
import { importUploadedCsv } from '$lib/server/csv-upload';
import { importRequirements } from '$lib/server/competency/requirements-import';
import type { Actions } from './$types';

export const actions: Actions = {
	default: ({ request, locals }) => importUploadedCsv(request, 5, (csv) => importRequirements(db(), locals.user, csv))
};
