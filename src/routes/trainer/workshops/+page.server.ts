import { db } from '$lib/server/db';
import { trainerWorkshops } from '$lib/server/evaluation/workshop.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ workshops: await trainerWorkshops(db(), locals.user) });
