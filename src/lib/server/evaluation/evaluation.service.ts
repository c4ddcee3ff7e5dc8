// Evaluation of training. Level 1 (reaction): one short form per person and activity, after a
// completed course or an attended workshop. Level 2 (learning) is the exam record that already
// exists (item statistics). Level 3 (behaviour): about 90 days after a course is completed or a
// workshop attended the direct supervisor is asked whether the person applies it (a daily queued
// job, see jobs.ts).
import { sql, type InsertObject, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ForbiddenError, requireRole, type Actor } from '../access';
import { createNotification } from '../notify/notification.repository';
import type { Problem } from './workshop.service';

type Db = Kysely<DB>;

export const REACTION_ITEMS = ['relevance', 'clarity', 'delivery', 'usefulness'] as const;
export type ReactionItem = (typeof REACTION_ITEMS)[number];

/** Days after completion when the supervisor is asked (three months). */
export const BEHAVIOUR_DELAY_DAYS = 90;
/** Completions older than this are not asked about any more (the job never back-fills years). */
export const BEHAVIOUR_MAX_AGE_DAYS = 180;

export type Activity = { kind: 'course'; courseId: string } | { kind: 'workshop'; workshopId: number };

/** Whether the actor may evaluate the activity (completed / attended) and whether they did. */
export async function reactionStatus(db: Db, actor: Actor, activity: Activity) {
	const eligible =
		activity.kind === 'course'
			? await db.selectFrom('enrolment').select('id').where('person_id', '=', actor.id).where('course_id', '=', activity.courseId).where('status', '=', 'completed').executeTakeFirst()
			: await db
					.selectFrom('workshop_registration')
					.select('id')
					.where('person_id', '=', actor.id)
					.where('workshop_id', '=', activity.workshopId)
					.where('attended_at', 'is not', null)
					.executeTakeFirst();
	let done = db.selectFrom('training_evaluation').select('id').where('person_id', '=', actor.id);
	done = activity.kind === 'course' ? done.where('course_id', '=', activity.courseId) : done.where('workshop_id', '=', activity.workshopId);
	return { eligible: !!eligible, done: !!(await done.executeTakeFirst()) };
}

export type ReactionValues = Record<ReactionItem, string> & { comment: string };

/** Records the actor's level-1 evaluation; a second submission keeps the first. */
export async function submitReaction(db: Db, actor: Actor, activity: Activity, v: ReactionValues): Promise<{ ok: true } | { ok: false; problems: Problem[] }> {
	const status = await reactionStatus(db, actor, activity);
	if (!status.eligible) throw new ForbiddenError('not completed or attended');
	const problems: Problem[] = [];
	const ratings = {} as Record<ReactionItem, number>;
	for (const item of REACTION_ITEMS) {
		const n = Number(v[item]);
		if (!Number.isInteger(n) || n < 1 || n > 5) problems.push({ field: item, code: 'ev_err_rating_5' });
		else ratings[item] = n;
	}
	if (problems.length) return { ok: false, problems };
	await db
		.insertInto('training_evaluation')
		.values({
			person_id: actor.id,
			course_id: activity.kind === 'course' ? activity.courseId : null,
			workshop_id: activity.kind === 'workshop' ? activity.workshopId : null,
			...ratings,
			comment: v.comment.slice(0, 2000) || null
		})
		.onConflict((oc) => oc.doNothing())
		.execute();
	return { ok: true };
}

/**
 * Averages of fewer answers than this are not given out: with one or two, a trainer who knows who
 * attended could read one person's own ratings (level 1) or one supervisor's rating of one named
 * employee (level 3). The counts are still shown.
 */
export const MIN_ANSWERS_SHOWN = 3;
const shown = (answers: number, value: number | null) => (answers >= MIN_ANSWERS_SHOWN ? value : null);

function avgCols() {
	return [
		// count(te.id), not count(*): a course or session without answers still has its one row.
		sql<number>`count(te.id)`.as('responses'),
		sql<number | null>`round(avg(relevance)::numeric, 2)`.as('relevance'),
		sql<number | null>`round(avg(clarity)::numeric, 2)`.as('clarity'),
		sql<number | null>`round(avg(delivery)::numeric, 2)`.as('delivery'),
		sql<number | null>`round(avg(usefulness)::numeric, 2)`.as('usefulness'),
		sql<number | null>`round(avg((relevance + clarity + delivery + usefulness) / 4.0)::numeric, 2)`.as('overall')
	] as const;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Results per course and per workshop: a trainer sees the courses they teach (course_trainer) and
 * the sessions they ran; an admin sees all, with the trainer named. Level 1 averages, level 3
 * ratings (per course and per session) and a link to the level 2 item statistics.
 */
export async function evaluationResults(db: Db, actor: Actor | null) {
	if (!actor || (!actor.roles.includes('trainer') && !actor.roles.includes('admin'))) throw new ForbiddenError();
	const all = actor.roles.includes('admin');
	let courses = db
		.selectFrom('course as c')
		.innerJoin('course_version as v', 'v.id', 'c.current_version_id')
		.leftJoin('training_evaluation as te', 'te.course_id', 'c.id')
		.select(['c.id', 'v.title'])
		.select(avgCols())
		.select((eb) => [
			eb.selectFrom('behaviour_evaluation as b').select(sql<number>`count(b.rating)`.as('n')).whereRef('b.course_id', '=', 'c.id').as('behaviourAnswers'),
			eb.selectFrom('behaviour_evaluation as b').select(sql<number | null>`round(avg(b.rating)::numeric, 2)`.as('a')).whereRef('b.course_id', '=', 'c.id').as('behaviourAvg'),
			eb.selectFrom('behaviour_evaluation as b').select(sql<number>`count(*)`.as('n')).whereRef('b.course_id', '=', 'c.id').as('behaviourAsked'),
			eb
				.selectFrom('course_trainer as ct')
				.innerJoin('person as p', 'p.id', 'ct.person_id')
				.select(sql<string>`string_agg(p.name, ', ' order by p.name)`.as('names'))
				.whereRef('ct.course_id', '=', 'c.id')
				.as('trainers')
		])
		.groupBy(['c.id', 'v.title'])
		.orderBy('v.title');
	if (!all) courses = courses.where('c.id', 'in', db.selectFrom('course_trainer').select('course_id').where('person_id', '=', actor.id));
	let workshops = db
		.selectFrom('workshop as w')
		.innerJoin('person as t', 't.id', 'w.trainer_id')
		.leftJoin('training_evaluation as te', 'te.workshop_id', 'w.id')
		.select(['w.id', 'w.title', 'w.starts_at as startsAt', 't.name as trainerName'])
		.select(avgCols())
		.select((eb) => [
			eb.selectFrom('workshop_registration as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.workshop_id', '=', 'w.id').where('r.attended_at', 'is not', null).as('attended'),
			eb.selectFrom('behaviour_evaluation as b').select(sql<number>`count(b.rating)`.as('n')).whereRef('b.workshop_id', '=', 'w.id').as('behaviourAnswers'),
			eb.selectFrom('behaviour_evaluation as b').select(sql<number | null>`round(avg(b.rating)::numeric, 2)`.as('a')).whereRef('b.workshop_id', '=', 'w.id').as('behaviourAvg'),
			eb.selectFrom('behaviour_evaluation as b').select(sql<number>`count(*)`.as('n')).whereRef('b.workshop_id', '=', 'w.id').as('behaviourAsked')
		])
		.groupBy(['w.id', 'w.title', 'w.starts_at', 't.name'])
		.orderBy('w.starts_at', 'desc');
	if (!all) workshops = workshops.where('w.trainer_id', '=', actor.id);
	const [c, w, comments] = await Promise.all([
		courses.execute(),
		workshops.execute(),
		db
			.selectFrom('training_evaluation as te')
			.leftJoin('workshop as w', 'w.id', 'te.workshop_id')
			.select(['te.comment', 'te.created_at as createdAt', 'te.course_id as courseId', 'te.workshop_id as workshopId', 'w.title as workshopTitle'])
			.where('te.comment', 'is not', null)
			.where((eb) =>
				all
					? eb.lit(true)
					: eb.or([
							eb('te.course_id', 'in', db.selectFrom('course_trainer').select('course_id').where('person_id', '=', actor.id)),
							eb('w.trainer_id', '=', actor.id)
						])
			)
			.orderBy('te.created_at', 'desc')
			.limit(30)
			.execute()
	]);
	const fix = <T extends Record<string, unknown>>(r: T) => {
		const responses = Number(r.responses);
		const behaviourAnswers = Number(r.behaviourAnswers ?? 0);
		return {
			...r,
			responses,
			relevance: shown(responses, num(r.relevance)),
			clarity: shown(responses, num(r.clarity)),
			delivery: shown(responses, num(r.delivery)),
			usefulness: shown(responses, num(r.usefulness)),
			overall: shown(responses, num(r.overall)),
			behaviourAnswers,
			behaviourAsked: Number(r.behaviourAsked ?? 0),
			behaviourAvg: shown(behaviourAnswers, num(r.behaviourAvg))
		};
	};
	return {
		courses: c.map(fix),
		workshops: w.map((r) => ({ ...fix(r), attended: Number(r.attended) })),
		comments,
		minAnswers: MIN_ANSWERS_SHOWN
	};
}

// ---------------------------------------------------------------------------------------------
// Level 3

/**
 * The queued job's work: for every course completed, and every workshop attended, about 90 days
 * ago (and not more than 180), one behaviour-evaluation request to the person's direct
 * supervisor, with a notification. Safe to run any number of times, also at once: the request is
 * unique per enrolment or registration (the loser of a race inserts nothing and tells nobody),
 * the notification unique per key.
 */
export async function requestBehaviourEvaluations(db: Db, now = new Date()): Promise<number> {
	const due = new Date(now.getTime() - BEHAVIOUR_DELAY_DAYS * 86_400_000);
	const oldest = new Date(now.getTime() - BEHAVIOUR_MAX_AGE_DAYS * 86_400_000);
	const wibDay = (at: Date | string) => sql<string>`(${at}::timestamptz at time zone 'Asia/Jakarta')::date`;
	// One request per subject (the unique key decides a race); only the winner tells the supervisor.
	const ask = async (
		trx: Kysely<DB>,
		subject: 'enrolment_id' | 'registration_id',
		values: Omit<InsertObject<DB, 'behaviour_evaluation'>, 'requested_at'> & { supervisor_id: number },
		notice: { kind: string; params: Record<string, string>; dedupeKey: string }
	): Promise<number> => {
		const inserted = await trx
			.insertInto('behaviour_evaluation')
			.values({ ...values, requested_at: now })
			.onConflict((oc) => oc.column(subject).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!inserted) return 0;
		await createNotification(trx, { personId: values.supervisor_id, ...notice, link: '/supervisor/evaluations', email: true });
		return 1;
	};
	const work = async (trx: Kysely<DB>) => {
		let created = 0;
		const courses = await trx
			.selectFrom('enrolment as e')
			.innerJoin('person as p', 'p.id', 'e.person_id')
			.innerJoin('course_version as v', 'v.id', 'e.course_version_id')
			.select(['e.id', 'e.person_id as personId', 'e.course_id as courseId', 'e.completed_at as completedAt', 'p.supervisor_id as supervisorId', 'p.name', 'v.title'])
			.where('e.status', '=', 'completed')
			.where('e.completed_at', '<=', due)
			.where('e.completed_at', '>', oldest)
			.where('p.supervisor_id', 'is not', null)
			.where((eb) => eb.not(eb.exists(eb.selectFrom('behaviour_evaluation as b').whereRef('b.enrolment_id', '=', 'e.id'))))
			.execute();
		for (const r of courses) {
			created += await ask(
				trx,
				'enrolment_id',
				{ enrolment_id: r.id, course_id: r.courseId, person_id: r.personId, supervisor_id: r.supervisorId!, completed_on: wibDay(r.completedAt!) },
				{ kind: 'behaviour_evaluation_requested', params: { name: r.name, course: r.title }, dedupeKey: `behaviour-evaluation:${r.id}` }
			);
		}
		// Workshops: only people marked present (a seat without attendance is not training).
		const workshops = await trx
			.selectFrom('workshop_registration as r')
			.innerJoin('workshop as w', 'w.id', 'r.workshop_id')
			.innerJoin('person as p', 'p.id', 'r.person_id')
			.select(['r.id', 'r.person_id as personId', 'r.workshop_id as workshopId', 'w.starts_at as startsAt', 'p.supervisor_id as supervisorId', 'p.name', 'w.title'])
			.where('r.status', '=', 'registered')
			.where('r.attended_at', 'is not', null)
			// Counted from the session's day, not from when the trainer got round to marking it.
			.where('w.starts_at', '<=', due)
			.where('w.starts_at', '>', oldest)
			.where('w.status', '<>', 'cancelled')
			.where('p.supervisor_id', 'is not', null)
			.where((eb) => eb.not(eb.exists(eb.selectFrom('behaviour_evaluation as b').whereRef('b.registration_id', '=', 'r.id'))))
			.execute();
		for (const r of workshops) {
			created += await ask(
				trx,
				'registration_id',
				{ registration_id: r.id, workshop_id: r.workshopId, person_id: r.personId, supervisor_id: r.supervisorId!, completed_on: wibDay(r.startsAt) },
				{ kind: 'behaviour_workshop_requested', params: { name: r.name, workshop: r.title }, dedupeKey: `behaviour-evaluation:workshop-registration:${r.id}` }
			);
		}
		return created;
	};
	// The demo seed calls this inside its own transaction.
	return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** The supervisor's requests: only those addressed to them (checked in SQL). */
export const BEHAVIOUR_PAGE_SIZE = 50;

/** The supervisor's level-3 requests, open ones first, a page at a time. */
export async function behaviourRequests(db: Db, actor: Actor | null, page = 1) {
	requireRole(actor, 'supervisor');
	const rowsQuery = db
		.selectFrom('behaviour_evaluation as b')
		.innerJoin('person as p', 'p.id', 'b.person_id')
		.leftJoin('course as c', 'c.id', 'b.course_id')
		.leftJoin('course_version as v', 'v.id', 'c.current_version_id')
		.leftJoin('workshop as w', 'w.id', 'b.workshop_id')
		.select([
			'b.id',
			'p.name',
			'p.nip',
			sql<'course' | 'workshop'>`case when b.workshop_id is null then 'course' else 'workshop' end`.as('kind'),
			sql<string>`coalesce(v.title, w.title, b.course_id)`.as('title'),
			'b.course_id as courseId',
			'b.workshop_id as workshopId',
			'b.completed_on as completedOn',
			'b.rating',
			'b.note',
			'b.answered_at as answeredAt'
		])
		.where('b.supervisor_id', '=', actor.id)
		.orderBy(sql`b.answered_at is not null`)
		.orderBy('b.completed_on', 'desc')
		.orderBy('b.id', 'desc')
		.limit(BEHAVIOUR_PAGE_SIZE)
		.offset((page - 1) * BEHAVIOUR_PAGE_SIZE)
		.execute();
	const countQuery = db
		.selectFrom('behaviour_evaluation')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('supervisor_id', '=', actor.id)
		.executeTakeFirstOrThrow();
	const [rows, total] = await Promise.all([rowsQuery, countQuery]);
	return { rows, total: Number(total.n), page, pageSize: BEHAVIOUR_PAGE_SIZE };
}

export async function answerBehaviour(db: Db, actor: Actor | null, id: number, v: { rating: string; note: string }, now = new Date()): Promise<{ ok: true } | { ok: false; problems: Problem[] }> {
	requireRole(actor, 'supervisor');
	const own = await db.selectFrom('behaviour_evaluation').select(['id', 'answered_at']).where('id', '=', id).where('supervisor_id', '=', actor.id).executeTakeFirst();
	if (!own) throw new ForbiddenError('not your request');
	const rating = Number(v.rating);
	if (!Number.isInteger(rating) || rating < 1 || rating > 4) return { ok: false, problems: [{ field: 'rating', code: 'err_choose' }] };
	// The first answer stands (a double submit changes nothing).
	await db
		.updateTable('behaviour_evaluation')
		.set({ rating, note: v.note.slice(0, 2000) || null, answered_at: now, answered_by: actor.id })
		.where('id', '=', id)
		.where('supervisor_id', '=', actor.id)
		.where('answered_at', 'is', null)
		.execute();
	return { ok: true };
}
