import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import type { PageServerLoad } from './$types';

// The "open a unit by code" form on the overview lands here and goes on to the unit's page.
export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'admin');
	const code = (url.searchParams.get('kode') ?? '').trim().toUpperCase();
	redirect(303, code ? `/admin/evaluation/units/${encodeURIComponent(code)}` : '/admin/evaluation');
};
