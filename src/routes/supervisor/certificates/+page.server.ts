import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { teamCertificateList } from '$lib/server/supervision/supervision.service';
import { pageNumber } from '$lib/server/form';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

// The same function the certificate export reads, so the file and the page agree; the page shows
// one page of it (in SQL), the export every row.
export const load: PageServerLoad = async ({ locals, url }) => {
	const unitCode = url.searchParams.get('unit')?.trim() || null;
	const page = pageNumber(url);
	const list = await teamCertificateList(db(), locals.user, { unitCode, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }).catch((e) => asHttpError(e, m.err_forbidden()));
	if (!list) error(404, m.err_not_found());
	return { certificates: list.rows, total: list.total, page, pageSize: PAGE_SIZE, unitCode };
};
