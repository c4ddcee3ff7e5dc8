// What a signed-in person may see of themselves: their unit, position and direct supervisor.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Actor } from '../access';

export async function getOwnProfile(db: Kysely<DB>, actor: Actor) {
	const row = await db
		.selectFrom('person as p')
		.leftJoin('org_unit as u', 'u.id', 'p.unit_id')
		.leftJoin('job_position as j', 'j.id', 'p.position_id')
		.leftJoin('person as s', 's.id', 'p.supervisor_id')
		.select(['p.id', 'p.name', 'p.nip', 'p.email', 'u.name as unitName', 'j.name as positionName', 's.name as supervisorName'])
		.where('p.id', '=', actor.id)
		.executeTakeFirstOrThrow();
	return { ...row, roles: [...actor.roles] };
}
