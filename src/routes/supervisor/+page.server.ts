import { db } from '$lib/server/db';
import { pageNumber } from '$lib/server/form';
import { listTeam } from '$lib/server/org/team.service';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = pageNumber(url);
	const q = url.searchParams.get('q')?.trim() ?? '';
	const team = await listTeam(db(), locals.user, { q, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
	return { team, page, pageSize: PAGE_SIZE, q };
};
