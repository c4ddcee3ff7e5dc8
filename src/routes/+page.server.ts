import { db } from '$lib/server/db';
import { getOwnProfile } from '$lib/server/org/profile.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	profile: await getOwnProfile(db(), locals.user!)
});
