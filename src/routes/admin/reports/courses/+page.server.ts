import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { courseReport } from '$lib/server/supervision/supervision.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ courses: await courseReport(db(), locals.user).catch((e) => asHttpError(e, m.err_forbidden())) });
