// The figures supervisors and BKPSDM follow, computed in SQL: per person (certificate states, JP
// this year, plan status, overdue assignments) and rolled up per unit. Every screen, export and
// chart reads these functions, so they cannot disagree.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { unitSubtree } from '../org/org.repository';

type Db = Kysely<DB>;

/** When the figures are taken: the instant (certificate states) and the WIB calendar (JP, due dates). */
export interface Moment {
	now: Date;
	/** YYYY-MM-DD in WIB. */
	today: string;
	year: number;
	jpTarget: number;
	/** The `certificate_expiring_window_days` setting: beyond it a certificate counts as valid. */
	windowDays: number;
}

export const CERT_FILTERS = ['expired', 'within30', 'within60', 'within90', 'valid', 'none'] as const;
export type CertFilter = (typeof CERT_FILTERS)[number];
export const SORTS = ['name', 'unit', 'jp', 'expiring', 'expired', 'overdue'] as const;
export type TeamSort = (typeof SORTS)[number];

export interface TeamFilter {
	q?: string;
	cert?: CertFilter;
	jp?: 'behind' | 'met';
	/** A plan status, or 'none' for people without a plan this year. */
	plan?: string;
	overdue?: boolean;
	sort?: TeamSort;
	dir?: 'asc' | 'desc';
}

/**
 * One row per active person in the subtree of `rootUnitId` (the whole organisation when null).
 * Certificate states count the latest certificate of each course (a renewal replaces the lapsed
 * one; a revoked one counts nowhere): valid (no expiry, or more days left than the expiring
 * window `at.windowDays`), expiring within 30, 31-60 and 61 days to the window's end, expired. The
 * same edges as certificateState() with the same window.
 */
export function personFigures(db: Db, rootUnitId: number | null, at: Moment, excludePersonId?: number) {
	const now = at.now;
	const w = at.windowDays;
	let q = db
		.selectFrom('person as p')
		.innerJoin('org_unit as u', 'u.id', 'p.unit_id')
		.leftJoin('job_position as j', 'j.id', 'p.position_id')
		.leftJoinLateral(
			(eb) =>
				eb
					.selectFrom(
						eb
							.selectFrom('certificate as c')
							.select(['c.course_id', 'c.expires_at', 'c.revoked_at'])
							.distinctOn('c.course_id')
							.whereRef('c.person_id', '=', 'p.id')
							.orderBy('c.course_id')
							.orderBy('c.issued_at', 'desc')
							.as('lc')
					)
					.select([
						sql<number>`count(*) filter (where lc.revoked_at is null and (lc.expires_at is null or lc.expires_at > ${now}::timestamptz + ${w}::int * interval '1 day'))`.as('valid'),
						sql<number>`count(*) filter (where lc.revoked_at is null and lc.expires_at > ${now}::timestamptz and lc.expires_at <= ${now}::timestamptz + least(30, ${w}::int) * interval '1 day')`.as('exp30'),
						sql<number>`count(*) filter (where lc.revoked_at is null and lc.expires_at > ${now}::timestamptz + interval '30 days' and lc.expires_at <= ${now}::timestamptz + least(60, ${w}::int) * interval '1 day')`.as('exp60'),
						sql<number>`count(*) filter (where lc.revoked_at is null and lc.expires_at > ${now}::timestamptz + interval '60 days' and lc.expires_at <= ${now}::timestamptz + ${w}::int * interval '1 day')`.as('exp90'),
						sql<number>`count(*) filter (where lc.revoked_at is null and lc.expires_at <= ${now}::timestamptz)`.as('expired'),
						sql<Date | null>`min(lc.expires_at) filter (where lc.revoked_at is null and lc.expires_at > ${now}::timestamptz)`.as('nextExpiry')
					])
					.as('cs'),
			(join) => join.onTrue()
		)
		.leftJoinLateral(
			(eb) =>
				eb
					.selectFrom('jp_entry as je')
					.select(sql<number>`coalesce(sum(je.jp), 0)`.as('jp'))
					.whereRef('je.person_id', '=', 'p.id')
					.where('je.occurred_on', '>=', `${at.year}-01-01`)
					.where('je.occurred_on', '<=', `${at.year}-12-31`)
					.as('jy'),
			(join) => join.onTrue()
		)
		.leftJoinLateral(
			(eb) =>
				eb
					.selectFrom('enrolment as e')
					.select(sql<number>`count(*)`.as('overdue'))
					.whereRef('e.person_id', '=', 'p.id')
					.where('e.status', '=', 'active')
					.where('e.due_at', '<', at.today)
					.as('od'),
			(join) => join.onTrue()
		)
		.leftJoin('development_plan as dp', (join) => join.onRef('dp.person_id', '=', 'p.id').on('dp.year', '=', at.year))
		.select([
			'p.id',
			'p.nip',
			'p.name',
			'p.email',
			'p.unit_id as unitId',
			'u.code as unitCode',
			'u.name as unitName',
			'j.name as positionName',
			sql<number>`cs.valid`.as('certValid'),
			sql<number>`cs.exp30`.as('certExp30'),
			sql<number>`cs.exp60`.as('certExp60'),
			sql<number>`cs.exp90`.as('certExp90'),
			sql<number>`cs.expired`.as('certExpired'),
			sql<Date | null>`cs."nextExpiry"`.as('nextExpiry'),
			sql<number>`jy.jp`.as('jp'),
			sql<boolean>`jy.jp >= ${at.jpTarget}`.as('jpMet'),
			'dp.status as planStatus',
			sql<boolean>`dp.approved_at is not null`.as('planApproved'),
			sql<number>`od.overdue`.as('overdue')
		])
		.where('p.active', '=', true);
	if (rootUnitId !== null) q = q.where('p.unit_id', 'in', unitSubtree(db, rootUnitId));
	if (excludePersonId !== undefined) q = q.where('p.id', '<>', excludePersonId);
	return q;
}

type Figures = ReturnType<typeof personFigures>;
export type PersonFigureRow = Awaited<ReturnType<Figures['execute']>>[number];

/** The filtered set, as a derived table `t`, so the page, the total, the chart and the export share it. */
export function filteredFigures(db: Db, base: Figures, filter: TeamFilter) {
	let q = db.selectFrom(base.as('t'));
	if (filter.q) {
		const needle = filter.q.trim().toLowerCase();
		const digits = needle.replace(/[\s.]/g, '');
		const like = `%${needle.replace(/[%_\\]/g, '\\$&')}%`;
		q = q.where((eb) => eb.or([eb(eb.fn('lower', ['t.name']), 'like', like), ...(/^\d+$/.test(digits) ? [eb('t.nip', 'like', `${digits}%`)] : [])]));
	}
	switch (filter.cert) {
		case 'expired':
			q = q.where('t.certExpired', '>', 0);
			break;
		case 'within30':
			q = q.where('t.certExp30', '>', 0);
			break;
		case 'within60':
			q = q.where(sql<boolean>`t."certExp30" + t."certExp60" > 0`);
			break;
		case 'within90':
			q = q.where(sql<boolean>`t."certExp30" + t."certExp60" + t."certExp90" > 0`);
			break;
		case 'valid':
			q = q.where('t.certValid', '>', 0);
			break;
		case 'none':
			q = q.where(sql<boolean>`t."certValid" + t."certExp30" + t."certExp60" + t."certExp90" + t."certExpired" = 0`);
			break;
	}
	if (filter.jp === 'behind') q = q.where('t.jpMet', '=', false);
	if (filter.jp === 'met') q = q.where('t.jpMet', '=', true);
	if (filter.plan === 'none') q = q.where('t.planStatus', 'is', null);
	else if (filter.plan) q = q.where('t.planStatus', '=', filter.plan);
	if (filter.overdue) q = q.where('t.overdue', '>', 0);
	return q;
}

type Filtered = ReturnType<typeof filteredFigures>;

/** The ORDER BY of the figures (over the derived table `t`), then by id so pages are stable. */
function orderKey(sort: TeamSort = 'name', dir: 'asc' | 'desc' = 'asc') {
	const d = dir === 'desc' ? sql.raw('desc') : sql.raw('asc');
	return {
		name: sql`t.name ${d}`,
		unit: sql`t."unitName" ${d}, t.name asc`,
		jp: sql`t.jp ${d}, t.name asc`,
		expiring: sql`t."nextExpiry" ${d} nulls last, t.name asc`,
		expired: sql`t."certExpired" ${d}, t.name asc`,
		overdue: sql`t.overdue ${d}, t.name asc`
	}[sort];
}

export function orderFigures(q: Filtered, sort: TeamSort = 'name', dir: 'asc' | 'desc' = 'asc') {
	return q.selectAll('t').orderBy(orderKey(sort, dir)).orderBy('t.id');
}

/**
 * One page of the filtered figures and the summary of the whole filtered set, in ONE statement:
 * the per-person figures are computed once (a materialised CTE) and read twice, instead of being
 * computed by two queries.
 */
export async function figuresPage(db: Db, base: Figures, filter: TeamFilter, page: { offset: number; limit: number }) {
	const filtered = filteredFigures(db, base, filter).selectAll('t');
	const { rows } = await sql<{ rows: PersonFigureRow[]; summary: Record<keyof FiguresSummary, number> }>`
		with f as materialized (${filtered})
		select
			(select coalesce(json_agg(t order by ${orderKey(filter.sort, filter.dir)}, t.id), '[]'::json) from (
				select * from f as t order by ${orderKey(filter.sort, filter.dir)}, t.id offset ${page.offset} limit ${page.limit}
			) t) as rows,
			(select json_build_object(
				'people', count(*),
				'certValid', coalesce(sum(t."certValid"), 0),
				'certExp30', coalesce(sum(t."certExp30"), 0),
				'certExp60', coalesce(sum(t."certExp60"), 0),
				'certExp90', coalesce(sum(t."certExp90"), 0),
				'certExpired', coalesce(sum(t."certExpired"), 0),
				'jpMet', count(*) filter (where t."jpMet"),
				'withOverdue', count(*) filter (where t.overdue > 0),
				'plansApproved', count(*) filter (where t."planApproved")
			) from f as t) as summary
	`.execute(db);
	const { rows: pageRows, summary } = rows[0];
	return {
		// JSON carries the instant as text: back to a Date, as the two-query version returned it.
		rows: pageRows.map((r) => numbers({ ...r, nextExpiry: r.nextExpiry ? new Date(r.nextExpiry) : null })),
		summary: Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, Number(v)])) as unknown as FiguresSummary
	};
}

export async function figuresAll(db: Db, base: Figures, filter: TeamFilter) {
	const rows = await orderFigures(filteredFigures(db, base, filter), filter.sort, filter.dir).execute();
	return rows.map(numbers);
}

function numbers<T extends PersonFigureRow>(r: T): T {
	return {
		...r,
		certValid: Number(r.certValid),
		certExp30: Number(r.certExp30),
		certExp60: Number(r.certExp60),
		certExp90: Number(r.certExp90),
		certExpired: Number(r.certExpired),
		jp: Number(r.jp),
		overdue: Number(r.overdue)
	};
}

export interface FiguresSummary {
	people: number;
	certValid: number;
	certExp30: number;
	certExp60: number;
	certExp90: number;
	certExpired: number;
	jpMet: number;
	withOverdue: number;
	plansApproved: number;
}

/** The plan statuses present this year (for the filter), whatever the plan machine names them. */
export async function planStatuses(db: Db, year: number): Promise<string[]> {
	const rows = await db.selectFrom('development_plan').select('status').distinct().where('year', '=', year).orderBy('status').execute();
	return rows.map((r) => r.status);
}

/** Units of a subtree (or of the organisation), in tree order, for filters and the assignment form. */
export async function subtreeUnits(db: Db, rootUnitId: number | null) {
	let q = db.selectFrom('org_unit as u').select(['u.id', 'u.code', 'u.name', 'u.parent_id as parentId']);
	if (rootUnitId !== null) q = q.where('u.id', 'in', unitSubtree(db, rootUnitId));
	return q.orderBy('u.name').execute();
}

export async function unitByCode(db: Db, code: string) {
	return db.selectFrom('org_unit').select(['id', 'code', 'name', 'parent_id as parentId']).where('code', '=', code).executeTakeFirst();
}

// ---- certificates of a team ---------------------------------------------------------------------

/** Every certificate of the people in the subtree (latest per person and course first). */
export function teamCertificateRows(db: Db, rootUnitId: number | null) {
	let q = db
		.selectFrom('certificate as c')
		.innerJoin('person as p', 'p.id', 'c.person_id')
		.innerJoin('org_unit as u', 'u.id', 'p.unit_id')
		.select([
			'c.id',
			'c.code',
			'c.holder_name as holderName',
			'c.holder_nip as holderNip',
			'c.course_title as courseTitle',
			'c.issued_at as issuedAt',
			'c.expires_at as expiresAt',
			'c.revoked_at as revokedAt',
			'c.jp',
			'u.name as unitName',
			sql<boolean>`not exists (select 1 from certificate n where n.person_id = c.person_id and n.course_id = c.course_id and n.issued_at > c.issued_at)`.as('latest')
		])
		.where('p.active', '=', true);
	if (rootUnitId !== null) q = q.where('p.unit_id', 'in', unitSubtree(db, rootUnitId));
	return q.orderBy(sql`c.expires_at asc nulls last`).orderBy('c.holder_name').orderBy('c.id');
}

// ---- BKPSDM roll-up -----------------------------------------------------------------------------

export interface UnitRollup {
	unitId: number;
	code: string;
	name: string;
	parentId: number | null;
	depth: number;
	/** People placed directly in this unit. */
	ownPeople: number;
	people: number;
	certified: number;
	jpMet: number;
	plansApproved: number;
	withOverdue: number;
}

/**
 * Every unit with the totals of its whole subtree. Per person (set-based, one pass over each
 * table): holds at least one current certificate (latest of a course, not revoked, not expired),
 * JP this year at or above the target, an approved plan this year, an overdue assignment. Summed
 * per unit, then over the unit-ancestor closure, so a unit's figure is its own people plus its
 * children's figures.
 */
export async function unitRollup(db: Db, at: Moment): Promise<UnitRollup[]> {
	const { rows } = await unitRollupQuery(at).execute(db);
	return rows.map((r) => ({
		...r,
		unitId: Number(r.unitId),
		parentId: r.parentId === null ? null : Number(r.parentId),
		depth: Number(r.depth),
		ownPeople: Number(r.ownPeople),
		people: Number(r.people),
		certified: Number(r.certified),
		jpMet: Number(r.jpMet),
		plansApproved: Number(r.plansApproved),
		withOverdue: Number(r.withOverdue)
	}));
}

/** The roll-up's SQL (also compiled by scripts/explain-supervision.ts for the benchmark). */
export function unitRollupQuery(at: Moment) {
	return sql<UnitRollup>`
		with recursive closure (unit_id, ancestor_id) as (
			select id, id from org_unit
			union all
			select c.unit_id, u.parent_id from closure c join org_unit u on u.id = c.ancestor_id where u.parent_id is not null
		),
		depth (id, depth) as (
			select id, 0 from org_unit where parent_id is null
			union all
			select u.id, d.depth + 1 from org_unit u join depth d on u.parent_id = d.id
		),
		certified as (
			select lc.person_id from (
				select distinct on (c.person_id, c.course_id) c.person_id, c.expires_at, c.revoked_at
				from certificate c order by c.person_id, c.course_id, c.issued_at desc
			) lc
			where lc.revoked_at is null and (lc.expires_at is null or lc.expires_at > ${at.now}::timestamptz)
			group by lc.person_id
		),
		-- JP in hundredths as integers: the column has two decimals, so the sum is exact, and
		-- integer sums over the city's year take half the time of numeric ones.
		jp as (
			select person_id from jp_entry
			where occurred_on between ${`${at.year}-01-01`}::date and ${`${at.year}-12-31`}::date
			group by person_id having sum((jp * 100)::int) >= ${Math.round(at.jpTarget * 100)}
		),
		overdue as (
			select distinct person_id from enrolment where status = 'active' and due_at < ${at.today}::date
		),
		per_unit as (
			select p.unit_id,
				count(*)::int as people,
				count(ce.person_id)::int as certified,
				count(jp.person_id)::int as jp_met,
				count(dp.id)::int as plans_approved,
				count(od.person_id)::int as with_overdue
			from person p
			left join certified ce on ce.person_id = p.id
			left join jp on jp.person_id = p.id
			left join development_plan dp on dp.person_id = p.id and dp.year = ${at.year} and dp.approved_at is not null
			left join overdue od on od.person_id = p.id
			where p.active and p.unit_id is not null
			group by p.unit_id
		)
		select u.id as "unitId", u.code, u.name, u.parent_id as "parentId", d.depth,
			coalesce(own.people, 0)::int as "ownPeople",
			coalesce(sum(pu.people), 0)::int as people,
			coalesce(sum(pu.certified), 0)::int as certified,
			coalesce(sum(pu.jp_met), 0)::int as "jpMet",
			coalesce(sum(pu.plans_approved), 0)::int as "plansApproved",
			coalesce(sum(pu.with_overdue), 0)::int as "withOverdue"
		from org_unit u
		join depth d on d.id = u.id
		join closure cl on cl.ancestor_id = u.id
		left join per_unit pu on pu.unit_id = cl.unit_id
		left join per_unit own on own.unit_id = u.id
		group by u.id, u.code, u.name, u.parent_id, d.depth, own.people
		order by u.id
	`;
}

export interface CourseFigures {
	courseId: string;
	title: string;
	enrolments: number;
	completions: number;
	attempts: number;
	failures: number;
	passRate: number | null;
	averageScore: number | null;
	/** Median days from the first module opened to completion (elapsed time, not reading time). */
	medianDaysToComplete: number | null;
	/** Average minutes from starting an exam attempt to submitting it. */
	averageExamMinutes: number | null;
}

/** Per course: enrolments, completions, graded attempts, pass rate, average score, time spent. */
export async function courseFigures(db: Db): Promise<CourseFigures[]> {
	const { rows } = await sql<CourseFigures>`
		with enr as (
			select e.course_id, count(*)::int as enrolments, count(*) filter (where e.status = 'completed')::int as completions
			from enrolment e group by e.course_id
		),
		took as (
			select e.course_id,
				percentile_cont(0.5) within group (order by extract(epoch from (e.completed_at - fm.first_start)) / 86400.0) as median_days
			from enrolment e
			cross join lateral (select min(mp.started_at) as first_start from module_progress mp where mp.enrolment_id = e.id) fm
			where e.status = 'completed' and e.completed_at is not null and fm.first_start is not null
			group by e.course_id
		),
		att as (
			select a.course_id, count(*)::int as attempts, count(*) filter (where not a.passed)::int as failures,
				avg(a.percent) as average_score,
				avg(extract(epoch from (a.submitted_at - a.started_at)) / 60.0) filter (where a.submitted_at is not null) as exam_minutes
			from exam_attempt a where a.passed is not null group by a.course_id
		)
		select c.id as "courseId", v.title,
			coalesce(enr.enrolments, 0) as enrolments, coalesce(enr.completions, 0) as completions,
			coalesce(att.attempts, 0) as attempts, coalesce(att.failures, 0) as failures,
			case when att.attempts > 0 then round(100.0 * (att.attempts - att.failures) / att.attempts, 1) end as "passRate",
			round(att.average_score::numeric, 1) as "averageScore",
			round(took.median_days::numeric, 1) as "medianDaysToComplete",
			round(att.exam_minutes::numeric, 1) as "averageExamMinutes"
		from course c
		join course_version v on v.id = c.current_version_id
		left join enr on enr.course_id = c.id
		left join took on took.course_id = c.id
		left join att on att.course_id = c.id
		order by v.title
	`.execute(db);
	const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
	return rows.map((r) => ({
		...r,
		enrolments: Number(r.enrolments),
		completions: Number(r.completions),
		attempts: Number(r.attempts),
		failures: Number(r.failures),
		passRate: num(r.passRate),
		averageScore: num(r.averageScore),
		medianDaysToComplete: num(r.medianDaysToComplete),
		averageExamMinutes: num(r.averageExamMinutes)
	}));
}

/** The courses with the most failed graded attempts (in the whole organisation). */
export async function mostFailedCourses(db: Db, limit = 5) {
	// Counted from exam_attempt_course_graded_idx alone (an index-only scan), then named.
	const { rows } = await sql<{ courseId: string; title: string; failures: number; attempts: number }>`
		select a.course_id as "courseId", v.title, a.failures, a.attempts
		from (
			select course_id, count(*) filter (where not passed) as failures, count(*) as attempts
			from exam_attempt where passed is not null group by course_id
		) a
		join course c on c.id = a.course_id
		join course_version v on v.id = c.current_version_id
		where a.failures > 0
		order by a.failures desc, v.title
		limit ${limit}
	`.execute(db);
	return rows.map((r) => ({ ...r, failures: Number(r.failures), attempts: Number(r.attempts) }));
}
