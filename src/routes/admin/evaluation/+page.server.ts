import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { text } from '$lib/server/form';
import { ikmOverview, setIkmWeight } from '$lib/server/evaluation/survey.service';
import { periodFromUrl } from '$lib/server/evaluation/period';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const period = periodFromUrl(url);
	return { period, ...(await ikmOverview(db(), locals.user, period)) };
};

export const actions: Actions = {
	weight: async ({ request, locals }) => {
		const ok = await setIkmWeight(db(), locals.user, text(await request.formData(), 'weight'));
		if (!ok) return fail(400, { weightError: m.err_choose() });
		return { weightSaved: true };
	}
};
