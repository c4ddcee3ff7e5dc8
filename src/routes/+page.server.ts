import { db } from '$lib/server/db';
import { getOwnProfile } from '$lib/server/org/profile.service';
import { learnerHome } from '$lib/server/learning/home.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [profile, home] = await Promise.all([getOwnProfile(db(), locals.user!), learnerHome(db(), locals.user!)]);
	return { profile, home };
};
