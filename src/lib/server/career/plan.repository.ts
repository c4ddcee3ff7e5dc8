// Development plans (IDP): rows of development_plan, plan_item and plan_event.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Trx = Kysely<DB> | Transaction<DB>;

export const ITEM_KINDS = ['course', 'workshop', 'mentoring', 'coaching', 'on-the-job'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** 10:20:70: formal learning, learning from others, learning on the job. */
export function itemGroup(kind: string): 'formal' | 'social' | 'experiential' {
	if (kind === 'course' || kind === 'workshop') return 'formal';
	if (kind === 'mentoring' || kind === 'coaching') return 'social';
	return 'experiential';
}

const PLAN_COLUMNS = [
	'id',
	'person_id as personId',
	'year',
	'status',
	'snapshot',
	'machine_version as machineVersion',
	'supervisor_id as supervisorId',
	'submitted_at as submittedAt',
	'approved_at as approvedAt',
	'evaluated_at as evaluatedAt',
	'evaluation_rating as rating',
	'evaluation_note as evaluationNote',
	'updated_at as updatedAt'
] as const;

export async function findPlan(db: Trx, personId: number, year: number) {
	return db.selectFrom('development_plan').select(PLAN_COLUMNS).where('person_id', '=', personId).where('year', '=', year).executeTakeFirst();
}

export async function findPlanById(db: Trx, id: number) {
	return db.selectFrom('development_plan').select(PLAN_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The plan row locked for the rest of the transaction, so two transitions never interleave. */
export async function lockPlan(trx: Trx, id: number) {
	return trx.selectFrom('development_plan').select(PLAN_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function planItems(db: Trx, planId: number) {
	return db
		.selectFrom('plan_item as i')
		.leftJoin('competency as c', 'c.code', 'i.competency_code')
		.select([
			'i.id',
			'i.position',
			'i.kind',
			'i.competency_code as competencyCode',
			'c.name as competencyName',
			'i.target_level as targetLevel',
			'i.course_id as courseId',
			'i.title',
			'i.target_date as targetDate',
			'i.status',
			'i.completed_at as completedAt'
		])
		.where('i.plan_id', '=', planId)
		.orderBy('i.position')
		.orderBy('i.id')
		.execute();
}

export async function planEvents(db: Trx, planId: number) {
	return db
		.selectFrom('plan_event as e')
		.leftJoin('person as p', 'p.id', 'e.actor_id')
		.select(['e.id', 'e.event', 'e.from_status as fromStatus', 'e.to_status as toStatus', 'e.comment', 'e.at', 'p.name as actorName'])
		.where('e.plan_id', '=', planId)
		.orderBy('e.at')
		.orderBy('e.id')
		.execute();
}

export interface ItemValues {
	kind: ItemKind;
	title: string;
	competencyCode: string | null;
	targetLevel: number | null;
	courseId: string | null;
	targetDate: string | null;
}

export async function insertItem(trx: Trx, planId: number, values: ItemValues) {
	const max = await trx.selectFrom('plan_item').select((eb) => eb.fn.max('position').as('p')).where('plan_id', '=', planId).executeTakeFirst();
	await trx
		.insertInto('plan_item')
		.values({
			plan_id: planId,
			position: Number(max?.p ?? 0) + 1,
			kind: values.kind,
			title: values.title,
			competency_code: values.competencyCode,
			target_level: values.targetLevel,
			course_id: values.courseId,
			target_date: values.targetDate
		})
		.execute();
}

export async function countItems(trx: Trx, planId: number): Promise<number> {
	const row = await trx.selectFrom('plan_item').select((eb) => eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).where('status', '<>', 'dropped').executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function countDone(trx: Trx, planId: number): Promise<number> {
	const row = await trx.selectFrom('plan_item').select((eb) => eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).where('status', '=', 'done').executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function addPlanEvent(trx: Trx, values: { planId: number; event: string; from: string; to: string; actorId: number | null; comment: string | null; at: Date }) {
	await trx
		.insertInto('plan_event')
		.values({ plan_id: values.planId, event: values.event, from_status: values.from, to_status: values.to, actor_id: values.actorId, comment: values.comment, at: values.at })
		.execute();
}
