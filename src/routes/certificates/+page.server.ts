import { db } from '$lib/server/db';
import { myCertificates } from '$lib/server/certification/certification.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ certificates: await myCertificates(db(), locals.user!) });
