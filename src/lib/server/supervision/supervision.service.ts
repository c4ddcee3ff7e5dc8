// What supervisors and BKPSDM see and do: the team overview, the team's certificates, course
// assignments, and the organisation reports. A supervisor's reach is the subtree of their own
// unit, checked in SQL (unitSubtree); an admin (BKPSDM) reaches every unit.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ForbiddenError, hasRole, requireRole, type Actor } from '../access';
import { isInSubtree, unitSubtree } from '../org/org.repository';
import { jpSettings } from '../learning/home.service';
import { localDate, localYear } from '../career/local-date';
import { certificateState, expiringWindowDays } from '../certification/certification.service';
import { currentVersionId } from '../catalog/catalog.service';
import { recordAudit } from '../audit';
import { mailEnabled } from '../notify/mail-setting';
import { organisationFigures } from './report-snapshot';
import {
	courseFigures,
	figuresAll,
	figuresPage,
	personFigures,
	planStatuses,
	subtreeUnits,
	teamCertificateRows,
	unitByCode,
	type Moment,
	type TeamFilter
} from './supervision.repository';

type Db = Kysely<DB>;

export async function momentOf(db: Db, now: Date): Promise<Moment> {
	const [settings, windowDays] = await Promise.all([jpSettings(db), expiringWindowDays(db)]);
	return { now, today: localDate(now), year: localYear(now), jpTarget: settings.target, windowDays };
}

function requireSupervisorOrAdmin(actor: Actor | null | undefined): asserts actor is Actor {
	if (!hasRole(actor, 'supervisor') && !hasRole(actor, 'admin')) throw new ForbiddenError('requires role supervisor or admin');
}

/** A plain boolean (hasRole is a type guard, which would narrow the actor away). */
const holds = (actor: Actor, role: 'supervisor' | 'admin') => actor.roles.includes(role);

/**
 * The unit whose subtree the actor looks at: their own unit, or a unit inside it named by code.
 * A unit outside the reach is refused (checked in SQL). Admins may name any unit; with none they
 * see the whole organisation (null).
 */
async function reach(db: Db, actor: Actor, unitCode: string | null | undefined) {
	const isAdmin = holds(actor, 'admin');
	const own = holds(actor, 'supervisor') ? actor.unitId : null;
	if (unitCode) {
		const unit = await unitByCode(db, unitCode);
		if (!unit) return { ok: false as const };
		if (!isAdmin && (own === null || !(await isInSubtree(db, own, unit.id)))) throw new ForbiddenError('unit outside the supervisor’s reach');
		return { ok: true as const, rootUnitId: unit.id, unit };
	}
	if (isAdmin && own === null) return { ok: true as const, rootUnitId: null, unit: null };
	if (own === null) return { ok: true as const, rootUnitId: -1, unit: null }; // a supervisor without a unit sees nobody
	const unit = await db.selectFrom('org_unit').select(['id', 'code', 'name', 'parent_id as parentId']).where('id', '=', own).executeTakeFirst();
	return { ok: true as const, rootUnitId: own, unit: unit ?? null };
}

/** A supervisor's team is the others in their subtree; BKPSDM's view of a unit is everyone in it. */
const selfExcluded = (actor: Actor) => (holds(actor, 'admin') ? undefined : actor.id);

export interface OverviewQuery {
	unitCode?: string | null;
	filter: TeamFilter;
	offset: number;
	limit: number;
}

/** The team overview: one page of people with their figures, the filtered total and the chart figures. */
export async function teamOverview(db: Db, actor: Actor | null, query: OverviewQuery, now = new Date()) {
	requireSupervisorOrAdmin(actor);
	const r = await reach(db, actor, query.unitCode);
	if (!r.ok) return null;
	const at = await momentOf(db, now);
	const base = personFigures(db, r.rootUnitId, at, selfExcluded(actor));
	const [{ rows, summary }, units, statuses] = await Promise.all([
		figuresPage(db, base, query.filter, { offset: query.offset, limit: query.limit }),
		subtreeUnits(db, holds(actor, 'supervisor') ? actor.unitId : null),
		planStatuses(db, at.year)
	]);
	return { rows, summary, total: summary.people, unit: r.unit, units, planStatuses: statuses, year: at.year, jpTarget: at.jpTarget, today: at.today, windowDays: at.windowDays };
}

/** Every row of the overview with the same filter and order: the export's content. */
export async function teamOverviewRows(db: Db, actor: Actor | null, query: { unitCode?: string | null; filter: TeamFilter }, now = new Date()) {
	requireSupervisorOrAdmin(actor);
	const r = await reach(db, actor, query.unitCode);
	if (!r.ok) return null;
	const at = await momentOf(db, now);
	const rows = await figuresAll(db, personFigures(db, r.rootUnitId, at, selfExcluded(actor)), query.filter);
	return { rows, unit: r.unit, year: at.year, jpTarget: at.jpTarget, today: at.today, windowDays: at.windowDays };
}

/**
 * The team's certificates with their state (the certification service's rule), for screen and
 * export. The page passes `offset`/`limit` (paged in SQL, with the total); the export passes none
 * and gets every row.
 */
export async function teamCertificateList(db: Db, actor: Actor | null, query: { unitCode?: string | null; offset?: number; limit?: number }, now = new Date()) {
	requireSupervisorOrAdmin(actor);
	const r = await reach(db, actor, query.unitCode);
	if (!r.ok) return null;
	const window = await expiringWindowDays(db);
	const all = teamCertificateRows(db, r.rootUnitId);
	const paged = query.limit !== undefined;
	const [rows, counted] = await Promise.all([
		(paged ? all.limit(query.limit!).offset(query.offset ?? 0) : all).execute(),
		paged
			? db
					.selectFrom(all.clearOrderBy().as('x'))
					.select((eb) => eb.fn.countAll<string>().as('n'))
					.executeTakeFirstOrThrow()
			: null
	]);
	return {
		unit: r.unit,
		today: localDate(now),
		total: counted ? Number(counted.n) : rows.length,
		rows: rows.map((c) => ({
			...c,
			jp: Number(c.jp),
			state: certificateState({ expires_at: c.expiresAt, revoked_at: c.revokedAt }, now, window),
			daysLeft: c.expiresAt && !c.revokedAt ? Math.ceil((new Date(c.expiresAt).getTime() - now.getTime()) / 86_400_000) : null
		}))
	};
}

// ---- assignments --------------------------------------------------------------------------------

export interface AssignInput {
	courseId: string;
	/** YYYY-MM-DD */
	dueOn: string;
	target: 'unit' | 'people';
	unitCode?: string;
	/** NIPs or e-mail addresses, as typed. */
	people?: string[];
}

export type AssignResult =
	| { ok: true; people: number; enrolled: number; updated: number; courseTitle: string }
	| { ok: false; errors: Array<{ field: string; code: string; params?: Record<string, string> }> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD that names a day of the calendar: 2026-02-31 does not survive the round trip. */
export function isRealDate(s: string): boolean {
	if (!DATE.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Courses that can be assigned (current versions), for the form. */
export async function assignableCourses(db: Db, actor: Actor | null) {
	requireSupervisorOrAdmin(actor);
	return db
		.selectFrom('course as c')
		.innerJoin('course_version as v', 'v.id', 'c.current_version_id')
		.select(['c.id', 'v.title', 'v.jp'])
		.orderBy('v.title')
		.execute();
}

export async function assignableUnits(db: Db, actor: Actor | null) {
	requireSupervisorOrAdmin(actor);
	if (holds(actor, 'admin')) return subtreeUnits(db, null);
	if (actor.unitId === null) return [];
	return subtreeUnits(db, actor.unitId);
}

/**
 * Assigns a course with a due date to a unit (its whole subtree) or to chosen people. New
 * assignees are enrolled; an open enrolment takes the new due date; a completed one is left as it
 * is. Everyone affected gets an in-app notification (e-mailed when SMTP is set). Repeating the same
 * assignment (a double submit) changes nothing.
 */
export async function assignCourse(db: Db, actor: Actor | null, input: AssignInput, now = new Date()): Promise<AssignResult> {
	requireSupervisorOrAdmin(actor);
	const isAdmin = holds(actor, 'admin');
	const errors: Array<{ field: string; code: string; params?: Record<string, string> }> = [];
	const versionId = input.courseId ? await currentVersionId(db, input.courseId) : null;
	if (versionId === null) errors.push({ field: 'courseId', code: 'sup_err_course' });
	const today = localDate(now);
	if (!isRealDate(input.dueOn)) errors.push({ field: 'dueOn', code: 'sup_err_due_date' });
	else if (input.dueOn < today) errors.push({ field: 'dueOn', code: 'sup_err_due_past' });

	let targetQuery: ReturnType<typeof personIdsIn> | null = null;
	if (input.target === 'unit') {
		const unit = input.unitCode ? await unitByCode(db, input.unitCode) : undefined;
		if (!unit) errors.push({ field: 'unitCode', code: 'sup_err_unit' });
		else {
			if (!isAdmin && (actor.unitId === null || !(await isInSubtree(db, actor.unitId, unit.id)))) throw new ForbiddenError('unit outside reach');
			targetQuery = personIdsIn(db, unit.id, null);
		}
	} else {
		const wanted = [...new Set((input.people ?? []).map((p) => p.trim().replace(/\s/g, '').toLowerCase()).filter(Boolean))];
		if (!wanted.length) errors.push({ field: 'people', code: 'sup_err_people_empty' });
		else {
			const found = await db
				.selectFrom('person')
				.select(['id', 'nip', 'email', 'unit_id'])
				.where('active', '=', true)
				.where((eb) => eb.or([eb('nip', 'in', wanted), eb(eb.fn('lower', ['email']), 'in', wanted)]))
				.execute();
			const unknown = wanted.filter((w) => !found.some((f) => f.nip === w || f.email?.toLowerCase() === w));
			if (unknown.length) errors.push({ field: 'people', code: 'sup_err_people_unknown', params: { list: unknown.join(', ') } });
			else {
				if (!isAdmin) {
					// Everyone named must be in the supervisor's subtree: counted in SQL.
					const inReach = actor.unitId === null ? [] : await personIdsIn(db, actor.unitId, found.map((f) => f.id)).execute();
					if (inReach.length !== found.length) throw new ForbiddenError('person outside reach');
				}
				targetQuery = personIdsIn(db, null, found.map((f) => f.id));
			}
		}
	}
	if (errors.length || !targetQuery || versionId === null) return { ok: false, errors };

	const courseTitle = (await db.selectFrom('course_version').select('title').where('id', '=', versionId).executeTakeFirstOrThrow()).title;
	const targets = targetQuery;
	const email = mailEnabled();
	return db.transaction().execute(async (trx) => {
		const { rows } = await sql<{ id: number; person_id: number; inserted: boolean }>`
			insert into enrolment (person_id, course_id, course_version_id, due_at, assigned_by, assigned_at)
			select t.id, ${input.courseId}, ${versionId}, ${input.dueOn}::date, ${actor.id}, ${now}::timestamptz from (${targets}) t
			on conflict (person_id, course_id) do update
				set due_at = excluded.due_at,
					assigned_by = excluded.assigned_by,
					assigned_at = coalesce(enrolment.assigned_at, excluded.assigned_at),
					status = 'active'
				where enrolment.status <> 'completed'
					and (enrolment.due_at is distinct from excluded.due_at or enrolment.assigned_at is null or enrolment.status = 'withdrawn')
			returning id, person_id, (xmax = 0) as inserted
		`.execute(trx);
		if (rows.length) {
			const ids = rows.map((r) => Number(r.id));
			await sql`
				insert into notification (person_id, kind, params, link, dedupe_key, email_status)
				select e.person_id, 'sup_assigned', jsonb_build_object('course', ${courseTitle}::text, 'due', ${input.dueOn}::text), ${`/courses/${input.courseId}`},
					'sup:assigned:' || e.id || ':' || ${input.dueOn}::text,
					case when ${sql.lit(email)} and p.email is not null then 'pending' else 'none' end
				from enrolment e join person p on p.id = e.person_id
				where e.id in (${sql.join(ids)})
				on conflict (dedupe_key) do nothing
			`.execute(trx);
		}
		const people = await trx.selectFrom(targets.as('t')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
		const enrolled = rows.filter((r) => r.inserted).length;
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'course.assigned',
			subject: input.courseId,
			detail: { target: input.target, unit: input.unitCode ?? null, dueOn: input.dueOn, enrolled, updated: rows.length - enrolled }
		});
		return { ok: true as const, people: Number(people.n), enrolled, updated: rows.length - enrolled, courseTitle };
	});
}

/** Active people in a unit's subtree, or among given ids, or both. */
function personIdsIn(db: Db, rootUnitId: number | null, ids: number[] | null) {
	let q = db.selectFrom('person as p').select('p.id').where('p.active', '=', true);
	if (rootUnitId !== null) q = q.where('p.unit_id', 'in', unitSubtree(db, rootUnitId));
	if (ids !== null) q = q.where('p.id', 'in', ids.length ? ids : [-1]);
	return q;
}

// ---- BKPSDM reports -----------------------------------------------------------------------------

/**
 * The organisation rolled up by unit, plus the courses with the most failures, as of the latest
 * snapshot (at most SNAPSHOT_MAX_AGE_MS old; `refresh` computes it now).
 */
export async function organisationReport(db: Db, actor: Actor | null, now = new Date(), options: { refresh?: boolean } = {}) {
	requireRole(actor, 'admin');
	const at = await momentOf(db, now);
	const { units, failures, computedAt } = await organisationFigures(db, at, options);
	return { units, failures, computedAt, year: at.year, jpTarget: at.jpTarget };
}

export async function courseReport(db: Db, actor: Actor | null) {
	requireRole(actor, 'admin');
	return courseFigures(db);
}
