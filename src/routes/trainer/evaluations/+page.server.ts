import { db } from '$lib/server/db';
import { evaluationResults } from '$lib/server/evaluation/evaluation.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ results: await evaluationResults(db(), locals.user) });
