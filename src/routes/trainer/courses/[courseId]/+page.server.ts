import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { contentIndex } from '$lib/server/catalog/content-index';
import { itemStatistics } from '$lib/server/assessment/item-stats.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const course = contentIndex().course(params.courseId);
	if (!course) error(404, m.err_not_found());
	const items = await itemStatistics(db(), locals.user!, params.courseId).catch((e) => asHttpError(e, m.err_forbidden()));
	return { courseTitle: course.title, items };
};
