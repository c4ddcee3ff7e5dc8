import { db } from '$lib/server/db';
import { orgSummary } from '$lib/server/org/org.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ summary: await orgSummary(db(), locals.user) });
