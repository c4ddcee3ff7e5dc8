import { db } from '$lib/server/db';
import { getOwnProfile } from '$lib/server/org/profile.service';
import { learnerHome } from '$lib/server/learning/home.service';
import { planSummary } from '$lib/server/career/plan.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [profile, home, plan] = await Promise.all([getOwnProfile(db(), locals.user!), learnerHome(db(), locals.user!), planSummary(db(), locals.user)]);
	return { profile, home, plan };
};
