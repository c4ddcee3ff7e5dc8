import { db } from '$lib/server/db';
import { teamCertificates } from '$lib/server/certification/certification.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ certificates: await teamCertificates(db(), locals.user!) });
