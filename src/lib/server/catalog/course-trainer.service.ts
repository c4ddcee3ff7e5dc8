// Who teaches which course: trainers grade its essays and see its statistics. Admins assign.
import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema';
import { requireRole, type Actor } from '../access';
import { recordAudit } from '../audit';

export async function coursesWithTrainers(db: Kysely<DB>, actor: Actor | null) {
	requireRole(actor, 'admin');
	return db
		.selectFrom('course as c')
		.innerJoin('course_version as v', 'v.id', 'c.current_version_id')
		.select((eb) => [
			'c.id',
			'v.title',
			jsonArrayFrom(
				eb.selectFrom('course_trainer as t').innerJoin('person as p', 'p.id', 't.person_id').select(['p.id', 'p.name', 'p.email']).whereRef('t.course_id', '=', 'c.id').orderBy('p.name')
			).as('trainers')
		])
		.orderBy('v.title')
		.execute();
}

export type AssignResult = { ok: true } | { ok: false; code: 'person_unknown' | 'not_trainer' | 'course_unknown' };

/** Assigns by e-mail or NIP; the person must hold the trainer role. Assigning twice is harmless. */
export async function assignTrainer(db: Kysely<DB>, actor: Actor | null, courseId: string, login: string): Promise<AssignResult> {
	requireRole(actor, 'admin');
	const key = login.trim();
	const nip = key.replace(/[\s.]/g, '');
	const person = await db
		.selectFrom('person as p')
		.select((eb) => ['p.id', eb.exists(eb.selectFrom('person_role as r').whereRef('r.person_id', '=', 'p.id').where('r.role', '=', 'trainer')).as('isTrainer')])
		.where((eb) => (/^\d{18}$/.test(nip) ? eb('p.nip', '=', nip) : eb(eb.fn('lower', ['p.email']), '=', key.toLowerCase())))
		.executeTakeFirst();
	if (!person) return { ok: false, code: 'person_unknown' };
	if (!person.isTrainer) return { ok: false, code: 'not_trainer' };
	const course = await db.selectFrom('course').select('id').where('id', '=', courseId).executeTakeFirst();
	if (!course) return { ok: false, code: 'course_unknown' };
	await db.transaction().execute(async (trx) => {
		await trx.insertInto('course_trainer').values({ course_id: courseId, person_id: person.id }).onConflict((oc) => oc.doNothing()).execute();
		await recordAudit(trx, { actorId: actor.id, action: 'course.trainer_assigned', subject: `course:${courseId}`, detail: { personId: person.id } });
	});
	return { ok: true };
}

export async function unassignTrainer(db: Kysely<DB>, actor: Actor | null, courseId: string, personId: number) {
	requireRole(actor, 'admin');
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('course_trainer').where('course_id', '=', courseId).where('person_id', '=', personId).execute();
		await recordAudit(trx, { actorId: actor.id, action: 'course.trainer_removed', subject: `course:${courseId}`, detail: { personId } });
	});
}
