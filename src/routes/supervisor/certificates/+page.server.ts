import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { teamCertificateList } from '$lib/server/supervision/supervision.service';
import type { PageServerLoad } from './$types';

// The same function the certificate export reads, so the file and the page agree.
export const load: PageServerLoad = async ({ locals, url }) => {
	const unitCode = url.searchParams.get('unit')?.trim() || null;
	const list = await teamCertificateList(db(), locals.user, { unitCode }).catch((e) => asHttpError(e, m.err_forbidden()));
	if (!list) error(404, m.err_not_found());
	return { certificates: list.rows, unitCode };
};
