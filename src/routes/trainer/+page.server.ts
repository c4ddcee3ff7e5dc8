import { db } from '$lib/server/db';
import { gradingQueue } from '$lib/server/assessment/exam.service';
import { trainerCourses } from '$lib/server/assessment/item-stats.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [courses, queue] = await Promise.all([trainerCourses(db(), locals.user!), gradingQueue(db(), locals.user!)]);
	return { courses, queue };
};
