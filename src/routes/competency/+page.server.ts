import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { m } from '$lib/paraglide/messages';
import { competencyProfile } from '$lib/server/competency/competency.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	profile: await competencyProfile(db(), locals.user, locals.user!.id).catch((e) => asHttpError(e, m.err_forbidden()))
});
