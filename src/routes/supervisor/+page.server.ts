import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { pageNumber } from '$lib/server/form';
import { teamOverview } from '$lib/server/supervision/supervision.service';
import { teamFilterFrom } from '$lib/server/supervision/query';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = pageNumber(url);
	const { unitCode, filter } = teamFilterFrom(url);
	const overview = await teamOverview(db(), locals.user, { unitCode, filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }).catch((e) => asHttpError(e, m.err_forbidden()));
	if (!overview) error(404, m.err_not_found());
	// The export links carry the same selection (and order), without the page.
	const exportParams = new URLSearchParams(url.searchParams);
	exportParams.delete('page');
	const exportSearch = exportParams.size ? `?${exportParams}` : '';
	return { overview, page, pageSize: PAGE_SIZE, unitCode, filter, exportSearch };
};
