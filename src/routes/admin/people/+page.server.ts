import { db } from '$lib/server/db';
import { optionalId, pageNumber } from '$lib/server/form';
import { isRole } from '$lib/auth/roles';
import { treeOrder } from '$lib/org-tree';
import { listPeople, listUnits } from '$lib/server/org/org.service';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = pageNumber(url);
	const q = url.searchParams.get('q')?.trim() ?? '';
	const unitId = optionalId(url.searchParams.get('unit'));
	const roleParam = url.searchParams.get('role');
	const role = isRole(roleParam) ? roleParam : undefined;
	const [people, units] = await Promise.all([
		listPeople(db(), locals.user, { q, unitId: unitId ?? undefined, role, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
		listUnits(db(), locals.user)
	]);
	return { people, units: treeOrder(units), page, pageSize: PAGE_SIZE, q, unitId, role: role ?? '' };
};
