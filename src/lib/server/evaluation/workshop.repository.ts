// Data access for workshops and their registrations. Plain functions, `db` or `trx` first.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Trx = Kysely<DB> | Transaction<DB>;

/** What a trainer fills in: the same fields when scheduling and when editing. */
export interface WorkshopFields {
	title: string;
	description: string;
	courseId: string | null;
	competencyCode: string | null;
	competencyLevel: number | null;
	place: string | null;
	onlineUrl: string | null;
	startsAt: Date;
	endsAt: Date;
	capacity: number;
	jp: number;
	partners: string[];
}

export interface WorkshopInsert extends WorkshopFields {
	trainerId: number;
	qrSecret: string;
}

/** The table's columns for the fields a trainer fills in. */
function columns(w: WorkshopFields) {
	return {
		title: w.title,
		description: w.description,
		course_id: w.courseId,
		competency_code: w.competencyCode,
		competency_level: w.competencyLevel,
		place: w.place,
		online_url: w.onlineUrl,
		starts_at: w.startsAt,
		ends_at: w.endsAt,
		capacity: w.capacity,
		jp: w.jp,
		partners: JSON.stringify(w.partners)
	};
}

export async function insertWorkshop(trx: Trx, w: WorkshopInsert): Promise<number> {
	const row = await trx
		.insertInto('workshop')
		.values({ ...columns(w), trainer_id: w.trainerId, qr_secret: w.qrSecret })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function updateWorkshop(trx: Trx, id: number, w: WorkshopFields): Promise<void> {
	await trx
		.updateTable('workshop')
		.set(columns(w))
		.where('id', '=', id)
		.execute();
}

const workshopColumns = [
	'w.id',
	'w.title',
	'w.description',
	'w.course_id as courseId',
	'w.competency_code as competencyCode',
	'w.competency_level as competencyLevel',
	'w.place',
	'w.online_url as onlineUrl',
	'w.starts_at as startsAt',
	'w.ends_at as endsAt',
	'w.capacity',
	'w.jp',
	'w.partners',
	'w.trainer_id as trainerId',
	'w.status'
] as const;

/** Workshops with their seat counts and, for one person, their registration. */
export function workshopsQuery(db: Trx, personId: number) {
	return db
		.selectFrom('workshop as w')
		.innerJoin('person as t', 't.id', 'w.trainer_id')
		.leftJoin('course as c', 'c.id', 'w.course_id')
		.leftJoin('course_version as cv', 'cv.id', 'c.current_version_id')
		.leftJoin('competency as k', 'k.code', 'w.competency_code')
		.leftJoin('workshop_registration as mine', (j) => j.onRef('mine.workshop_id', '=', 'w.id').on('mine.person_id', '=', personId))
		.select(workshopColumns)
		.select((eb) => [
			't.name as trainerName',
			'cv.title as courseTitle',
			'k.name as competencyName',
			'mine.status as myStatus',
			'mine.attended_at as myAttendedAt',
			eb
				.selectFrom('workshop_registration as r')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('r.workshop_id', '=', 'w.id')
				.where('r.status', '=', 'registered')
				.as('registered'),
			eb
				.selectFrom('workshop_registration as r')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('r.workshop_id', '=', 'w.id')
				.where('r.status', '=', 'waitlisted')
				.as('waitlisted'),
			// My place in the waiting list (1 = next to get a seat).
			eb
				.selectFrom('workshop_registration as r')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('r.workshop_id', '=', 'w.id')
				.where('r.status', '=', 'waitlisted')
				.where((w) =>
					w.or([w('r.queued_at', '<', w.ref('mine.queued_at')), w.and([w('r.queued_at', '=', w.ref('mine.queued_at')), w('r.id', '<=', w.ref('mine.id'))])])
				)
				.as('myWaitPosition')
		]);
}

export type WorkshopRow = Awaited<ReturnType<ReturnType<typeof workshopsQuery>['executeTakeFirstOrThrow']>>;

export function normaliseWorkshop(r: WorkshopRow) {
	return {
		...r,
		jp: Number(r.jp),
		registered: Number(r.registered),
		waitlisted: Number(r.waitlisted),
		myWaitPosition: r.myStatus === 'waitlisted' ? Number(r.myWaitPosition) : null,
		partners: (Array.isArray(r.partners) ? r.partners : []) as string[]
	};
}

/** Locks the session row: registrations and cancellations of one session run one at a time. */
export async function lockWorkshop(trx: Transaction<DB>, id: number) {
	return trx
		.selectFrom('workshop')
		.select(['id', 'title', 'capacity', 'status', 'starts_at as startsAt', 'ends_at as endsAt', 'jp', 'competency_code as competencyCode', 'competency_level as competencyLevel', 'trainer_id as trainerId', 'qr_secret as qrSecret'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

/** The same lock, with every field the trainer may edit (to compare the old values with the new). */
export async function lockWorkshopForEdit(trx: Transaction<DB>, id: number) {
	return trx
		.selectFrom('workshop')
		.select([
			'id',
			'title',
			'description',
			'course_id as courseId',
			'competency_code as competencyCode',
			'competency_level as competencyLevel',
			'place',
			'online_url as onlineUrl',
			'starts_at as startsAt',
			'ends_at as endsAt',
			'capacity',
			'jp',
			'partners',
			'trainer_id as trainerId',
			'status'
		])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

export async function countRegistered(trx: Trx, workshopId: number): Promise<number> {
	const row = await trx
		.selectFrom('workshop_registration')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('workshop_id', '=', workshopId)
		.where('status', '=', 'registered')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function findRegistration(trx: Trx, workshopId: number, personId: number) {
	return trx.selectFrom('workshop_registration').selectAll().where('workshop_id', '=', workshopId).where('person_id', '=', personId).executeTakeFirst();
}

export async function firstWaiting(trx: Trx, workshopId: number) {
	return trx
		.selectFrom('workshop_registration')
		.select(['id', 'person_id'])
		.where('workshop_id', '=', workshopId)
		.where('status', '=', 'waitlisted')
		.orderBy('queued_at')
		.orderBy('id')
		.limit(1)
		.executeTakeFirst();
}

/** Whether anyone's attendance is recorded (JP and evidence were then written from the session). */
export async function anyAttendance(trx: Trx, workshopId: number): Promise<boolean> {
	const row = await trx.selectFrom('workshop_registration').select('id').where('workshop_id', '=', workshopId).where('attended_at', 'is not', null).limit(1).executeTakeFirst();
	return !!row;
}

/**
 * Everyone registered or waiting, with how many change notices each already has for this session
 * (it numbers the next one, so a change undone and made again is still told).
 */
export async function holdersWithChangeNotices(trx: Trx, workshopId: number, kinds: readonly string[]) {
	const rows = await trx
		.selectFrom('workshop_registration as r')
		.select((eb) => [
			'r.person_id as personId',
			eb
				.selectFrom('notification as n')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('n.person_id', '=', 'r.person_id')
				.where('n.link', '=', `/workshops/${workshopId}`)
				.where('n.kind', 'in', [...kinds])
				.as('notices')
		])
		.where('r.workshop_id', '=', workshopId)
		.where('r.status', 'in', ['registered', 'waitlisted'])
		.orderBy('r.id')
		.execute();
	return rows.map((r) => ({ personId: r.personId, notices: Number(r.notices) }));
}

export async function registrationsOf(db: Trx, workshopId: number) {
	return db
		.selectFrom('workshop_registration as r')
		.innerJoin('person as p', 'p.id', 'r.person_id')
		.leftJoin('org_unit as u', 'u.id', 'p.unit_id')
		.select(['r.id', 'r.person_id as personId', 'p.name', 'p.nip', 'u.name as unitName', 'r.status', 'r.queued_at as queuedAt', 'r.attended_at as attendedAt', 'r.attendance_method as method'])
		.where('r.workshop_id', '=', workshopId)
		.where('r.status', '<>', 'cancelled')
		.orderBy(sql`case r.status when 'registered' then 0 else 1 end`)
		.orderBy('r.queued_at')
		.orderBy('r.id')
		.execute();
}
