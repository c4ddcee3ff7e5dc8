import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { optionalId, pageNumber, text } from '$lib/server/form';
import { fieldErrors } from '$lib/server/i18n';
import { asHttpError, hasRole } from '$lib/server/access';
import { localDate } from '$lib/server/career/local-date';
import { confirmSession, createPair, logSession, managedPairs, myMentoring, MENTOR_COMPETENCY } from '$lib/server/evaluation/mentoring.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user!;
	const manager = hasRole(user, 'admin') || hasRole(user, 'supervisor');
	const [mine, managed] = await Promise.all([myMentoring(db(), user), manager ? managedPairs(db(), user, pageNumber(url)) : Promise.resolve(null)]);
	return { mine, managed, today: localDate(new Date()), mentorCompetency: MENTOR_COMPETENCY };
};

export const actions: Actions = {
	pair: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { mentor: text(form, 'mentor'), mentee: text(form, 'mentee'), startsOn: text(form, 'startsOn'), endsOn: text(form, 'endsOn'), goal: text(form, 'goal') };
		try {
			const r = await createPair(db(), locals.user, values);
			if (!r.ok) return fail(400, { pairValues: values, pairErrors: fieldErrors(r.problems) });
			return { paired: true };
		} catch (e) {
			asHttpError(e, m.err_forbidden());
		}
	},
	log: async ({ request, locals }) => {
		const form = await request.formData();
		const pairId = optionalId(text(form, 'pairId')) ?? 0;
		const values = { heldOn: text(form, 'heldOn'), minutes: text(form, 'minutes'), topic: text(form, 'topic'), agreedActions: text(form, 'agreedActions') };
		try {
			const r = await logSession(db(), locals.user!, pairId, values);
			if (!r.ok) return fail(400, { logPairId: pairId, logValues: values, logErrors: fieldErrors(r.problems) });
			return { logged: pairId };
		} catch (e) {
			asHttpError(e, m.err_forbidden());
		}
	},
	confirm: async ({ request, locals }) => {
		const sessionId = optionalId(text(await request.formData(), 'sessionId')) ?? 0;
		try {
			const r = await confirmSession(db(), locals.user!, sessionId);
			return { confirmed: r.jp };
		} catch (e) {
			asHttpError(e, m.err_forbidden());
		}
	}
};
