// The learner's home: my courses with progress and due dates, JP this year, what to do next.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Actor } from '../access';
import { jpForYear } from '../career/jp.repository';
import { localDate, localYear } from '../career/local-date';

export async function jpSettings(db: Kysely<DB>) {
	const rows = await db.selectFrom('app_setting').select(['key', 'value']).where('key', 'in', ['jp_target_per_year', 'jp_minutes']).execute();
	const get = (k: string, d: number) => Number(rows.find((r) => r.key === k)?.value ?? d);
	return { target: get('jp_target_per_year', 20), minutesPerJp: get('jp_minutes', 45) };
}

export async function learnerHome(db: Kysely<DB>, actor: Actor, now = new Date()) {
	const year = localYear(now);
	const [courses, jp, settings] = await Promise.all([
		db
			.selectFrom('enrolment as e')
			.innerJoin('course_version as v', 'v.id', 'e.course_version_id')
			.select((eb) => [
				'e.course_id as courseId',
				'e.status',
				'e.due_at as dueAt',
				'e.assigned_at as assignedAt',
				'e.last_module_id as lastModuleId',
				'e.completed_at as completedAt',
				'v.title',
				'v.jp',
				eb.selectFrom('module_version as mv').select(eb.fn.countAll<number>().as('n')).whereRef('mv.course_version_id', '=', 'v.id').as('modules'),
				eb
					.selectFrom('module_progress as p')
					.select(eb.fn.countAll<number>().as('n'))
					.whereRef('p.enrolment_id', '=', 'e.id')
					.where('p.status', '=', 'completed')
					.as('done'),
				eb
					.selectFrom('module_version as mv')
					.select('mv.module_id')
					.whereRef('mv.course_version_id', '=', 'v.id')
					.where((w) =>
						w.not(
							w.exists(
								w
									.selectFrom('module_progress as p2')
									.whereRef('p2.enrolment_id', '=', 'e.id')
									.whereRef('p2.module_id', '=', 'mv.module_id')
									.where('p2.status', '=', 'completed')
							)
						)
					)
					.orderBy('mv.position')
					.limit(1)
					.as('nextModuleId')
			])
			.where('e.person_id', '=', actor.id)
			.where('e.status', '<>', 'withdrawn')
			.orderBy('e.status')
			.orderBy('e.last_seen_at', 'desc')
			.execute(),
		jpForYear(db, actor.id, year),
		jpSettings(db)
	]);
	const list = courses.map((c) => ({
		...c,
		jp: Number(c.jp),
		modules: Number(c.modules),
		done: Number(c.done),
		continueModuleId: c.status === 'completed' ? null : (c.lastModuleId ?? c.nextModuleId),
		// Assigned by a supervisor or BKPSDM; overdue when the due day (WIB) has passed unfinished.
		assigned: c.assignedAt !== null,
		overdue: c.status !== 'completed' && c.dueAt !== null && c.dueAt < localDate(now)
	}));
	return { courses: list, jpThisYear: jp, jpTarget: settings.target, year };
}
