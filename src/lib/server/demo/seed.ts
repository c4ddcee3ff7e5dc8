// Fills an empty database with the Medan demo organisation and accounts. Runs at start-up when
// DEMO_DATA is set (the README's first command), and never touches a database that has people.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { hashPassword } from '../auth/password';
import { countPeople } from '../org/org.repository';
import { demoPositions, demoUnits, generateDemoPeople } from './medan';
import { seedCareerDemo } from './career';
import { seedSupervisionDemo } from './supervision';
import { seedEvaluationDemo } from './evaluation';

/** Every demo account signs in with this password; the README says so. */
export const DEMO_PASSWORD = 'bina-asn-2026';

export async function seedDemoIfEmpty(db: Kysely<DB>): Promise<boolean> {
	if ((await countPeople(db)) > 0) return false;
	await seedDemo(db);
	return true;
}

export async function seedDemo(db: Kysely<DB>): Promise<void> {
	// One hash shared by all demo accounts: hashing 250 passwords one by one would cost seconds.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const people = generateDemoPeople();
	await db.transaction().execute(async (trx) => {
		const unitIds = new Map<string, number>();
		// Parents before children: the list is walked until every unit is placed.
		const pending = [...demoUnits];
		while (pending.length) {
			const index = pending.findIndex((u) => u.parentCode === null || unitIds.has(u.parentCode));
			if (index < 0) throw new Error(`demo units: unknown parent for ${pending.map((u) => u.code).join(', ')}`);
			const [unit] = pending.splice(index, 1);
			const { id } = await trx
				.insertInto('org_unit')
				.values({ code: unit.code, name: unit.name, kind: unit.kind, parent_id: unit.parentCode ? unitIds.get(unit.parentCode)! : null })
				.returning('id')
				.executeTakeFirstOrThrow();
			unitIds.set(unit.code, id);
		}
		const positions = await trx
			.insertInto('job_position')
			.values(demoPositions.map((p) => ({ code: p.code, name: p.name, kind: p.kind })))
			.returning(['id', 'code'])
			.execute();
		const positionIds = new Map(positions.map((p) => [p.code, p.id]));
		const inserted = await trx
			.insertInto('person')
			.values(
				people.map((p) => ({
					nip: p.nip,
					name: p.name,
					email: p.email,
					unit_id: unitIds.get(p.unitCode)!,
					position_id: positionIds.get(p.positionCode)!,
					password_hash: passwordHash
				}))
			)
			.returning(['id', 'nip'])
			.execute();
		const personIds = new Map(inserted.map((r) => [r.nip!, r.id]));
		await trx
			.insertInto('person_role')
			.values(people.flatMap((p) => p.roles.map((role) => ({ person_id: personIds.get(p.nip)!, role }))))
			.execute();
		for (const p of people) {
			if (!p.supervisorNip) continue;
			await trx.updateTable('person').set({ supervisor_id: personIds.get(p.supervisorNip)! }).where('id', '=', personIds.get(p.nip)!).execute();
		}
		// The demo trainers teach every course of the catalogue (grading and statistics).
		const courses = await trx.selectFrom('course').select('id').execute();
		const trainers = people.filter((p) => p.roles.includes('trainer')).slice(0, 2);
		if (courses.length && trainers.length) {
			await trx
				.insertInto('course_trainer')
				.values(courses.flatMap((c) => trainers.map((t) => ({ course_id: c.id, person_id: personIds.get(t.nip)! }))))
				.execute();
		}
		const ctx = {
			trx,
			people,
			personIds,
			personIdsByEmail: new Map(people.map((p) => [p.email, personIds.get(p.nip)!])),
			unitIds,
			positionIds,
			now: new Date()
		};
		await seedCareerDemo(ctx);
		await seedSupervisionDemo(ctx);
		await seedEvaluationDemo(ctx);
		await trx.insertInto('audit_event').values({ action: 'demo.seeded', subject: 'demo', detail: JSON.stringify({ people: people.length }) }).execute();
	});
}
