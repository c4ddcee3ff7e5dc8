// The course catalogue as learners see it: current versions, searchable and filterable.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Actor } from '../access';
import type { CompetencyTarget, Certification } from '../../content/types';

export interface CatalogFilter {
	q?: string;
	competency?: string;
	topic?: string;
	level?: string;
	maxJp?: number;
}

export interface CatalogEntry {
	id: string;
	title: string;
	summary: string;
	level: string;
	jp: number;
	topic: string;
	totalMinutes: number;
	modules: number;
	competencies: CompetencyTarget[];
	enrolment: { status: string; done: number } | null;
}

export async function listCatalog(db: Kysely<DB>, actor: Actor, filter: CatalogFilter): Promise<CatalogEntry[]> {
	let q = db
		.selectFrom('course as c')
		.innerJoin('course_version as v', 'v.id', 'c.current_version_id')
		.leftJoin('enrolment as e', (join) => join.onRef('e.course_id', '=', 'c.id').on('e.person_id', '=', actor.id))
		.select((eb) => [
			'c.id',
			'v.title',
			'v.summary',
			'v.level',
			'v.jp',
			'v.topic',
			'v.total_minutes as totalMinutes',
			'v.competencies',
			'e.status as enrolmentStatus',
			eb.selectFrom('module_version as mv').select(eb.fn.countAll<number>().as('n')).whereRef('mv.course_version_id', '=', 'v.id').as('modules'),
			eb
				.selectFrom('module_progress as p')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('p.enrolment_id', '=', 'e.id')
				.where('p.status', '=', 'completed')
				.as('done')
		]);
	if (filter.q) {
		const like = `%${filter.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
		q = q.where((eb) => eb.or([eb(eb.fn('lower', ['v.title']), 'like', like), eb(eb.fn('lower', ['v.summary']), 'like', like), eb(sql`lower(v.tags::text)`, 'like', like)]));
	}
	if (filter.competency) q = q.where(sql<boolean>`v.competencies @> ${JSON.stringify([{ code: filter.competency }])}::jsonb`);
	if (filter.topic) q = q.where('v.topic', '=', filter.topic);
	if (filter.level) q = q.where('v.level', '=', filter.level);
	if (filter.maxJp) q = q.where('v.jp', '<=', filter.maxJp);
	const rows = await q.orderBy('v.title').execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		summary: r.summary,
		level: r.level,
		jp: Number(r.jp),
		topic: r.topic,
		totalMinutes: r.totalMinutes,
		modules: Number(r.modules),
		competencies: r.competencies as unknown as CompetencyTarget[],
		enrolment: r.enrolmentStatus ? { status: r.enrolmentStatus, done: Number(r.done ?? 0) } : null
	}));
}

export async function catalogFacets(db: Kysely<DB>) {
	const [topics, competencies] = await Promise.all([
		db.selectFrom('course as c').innerJoin('course_version as v', 'v.id', 'c.current_version_id').select('v.topic').distinct().orderBy('v.topic').execute(),
		db.selectFrom('competency').select(['code', 'name', 'kind']).orderBy('position').execute()
	]);
	return { topics: topics.map((t) => t.topic), competencies };
}

export async function competencyNames(db: Kysely<DB>): Promise<Record<string, string>> {
	const rows = await db.selectFrom('competency').select(['code', 'name']).execute();
	return Object.fromEntries(rows.map((r) => [r.code, r.name]));
}

export interface CourseVersionRow {
	id: number;
	courseId: string;
	title: string;
	summary: string;
	audience: string;
	level: string;
	jp: number;
	topic: string;
	tags: string[];
	prerequisites: string[];
	competencies: CompetencyTarget[];
	certification: Certification | null;
	totalMinutes: number;
	modules: Array<{ moduleId: string; position: number; title: string; minutes: number; questionIds: string[] }>;
}

export async function loadCourseVersion(db: Kysely<DB>, versionId: number): Promise<CourseVersionRow | null> {
	const [v, modules] = await Promise.all([
		db.selectFrom('course_version').selectAll().where('id', '=', versionId).executeTakeFirst(),
		db.selectFrom('module_version').select(['module_id', 'position', 'title', 'minutes', 'question_ids']).where('course_version_id', '=', versionId).orderBy('position').execute()
	]);
	if (!v) return null;
	return {
		id: v.id,
		courseId: v.course_id,
		title: v.title,
		summary: v.summary,
		audience: v.audience,
		level: v.level,
		jp: Number(v.jp),
		topic: v.topic,
		tags: v.tags as string[],
		prerequisites: v.prerequisites as string[],
		competencies: v.competencies as unknown as CompetencyTarget[],
		certification: v.certification as unknown as Certification | null,
		totalMinutes: v.total_minutes,
		modules: modules.map((m) => ({ moduleId: m.module_id, position: m.position, title: m.title, minutes: m.minutes, questionIds: m.question_ids as string[] }))
	};
}

export async function currentVersionId(db: Kysely<DB>, courseId: string): Promise<number | null> {
	const row = await db.selectFrom('course').select('current_version_id').where('id', '=', courseId).executeTakeFirst();
	return row?.current_version_id ?? null;
}
