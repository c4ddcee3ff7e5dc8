import { db } from '$lib/server/db';
import { surveyUnits } from '$lib/server/evaluation/survey.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ units: await surveyUnits(db()) });
