import { db } from '$lib/server/db';
import { trainingEffect } from '$lib/server/evaluation/effect.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => trainingEffect(db(), locals.user);
