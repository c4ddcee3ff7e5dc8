import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { listUnits } from '$lib/server/org/org.service';
import type { PageServerLoad } from './$types';

// Every unit, to open its survey results; the "open by code" form lands here with ?kode=.
export const load: PageServerLoad = async ({ locals, url }) => {
	const code = (url.searchParams.get('kode') ?? '').trim().toUpperCase();
	if (code) redirect(303, `/admin/evaluation/units/${encodeURIComponent(code)}`);
	return { units: await listUnits(db(), locals.user) };
};
