import { db } from '$lib/server/db';
import { catalogFacets, listCatalog } from '$lib/server/catalog/catalog.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const p = url.searchParams;
	const maxJp = Number(p.get('jp'));
	const filter = {
		q: p.get('q')?.trim() || undefined,
		competency: p.get('kompetensi') || undefined,
		topic: p.get('topik') || undefined,
		level: p.get('tingkat') || undefined,
		maxJp: Number.isFinite(maxJp) && maxJp > 0 ? maxJp : undefined
	};
	const [courses, facets] = await Promise.all([listCatalog(db(), locals.user!, filter), catalogFacets(db())]);
	return { courses, facets, filter };
};
