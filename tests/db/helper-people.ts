// Small helpers shared by the database tests: valid NIPs that never collide with the ones
// fixtures.ts makes (those are born 1985-03-12), and actors as the services receive them.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import type { Actor } from '../../src/lib/server/access';
import type { Role } from '../../src/lib/auth/roles';

/**
 * Returns a generator of valid, unique NIPs for one test file. `birth` (YYYYMMDD) keeps
 * files apart; the appointment is 2012-01 and the sex digit alternates unless given.
 */
export function nipMaker(birth: string) {
	let n = 0;
	return (sex: 1 | 2 = ((n % 2) + 1) as 1 | 2): string => {
		n++;
		return `${birth}201201${sex}${String(n).padStart(3, '0')}`;
	};
}

export function actorOf(person: { id: number; roles: readonly Role[]; unitId: number | null }): Actor {
	return { id: person.id, roles: [...person.roles], unitId: person.unitId };
}

export async function countPeople(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('person')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return row.n;
}

export async function rolesOf(db: Kysely<DB>, personId: number): Promise<string[]> {
	const rows = await db.selectFrom('person_role').select('role').where('person_id', '=', personId).orderBy('role').execute();
	return rows.map((r) => r.role);
}
