import { db } from '$lib/server/db';
import { importUploadedCsv } from '$lib/server/csv-upload';
import { importPeople } from '$lib/server/org/people-import';
import type { Actions } from './$types';

export const actions: Actions = {
	default: ({ request, locals }) => importUploadedCsv(request, 5, (csv) => importPeople(db(), locals.user, csv))
};
