// Whose competency record and plan an actor may open: their own; as a supervisor, anyone in the
// subtree of their unit (decided in SQL); as an admin, anyone. One query answers it.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { hasRole, ForbiddenError, type Actor } from '../access';
import { unitSubtree } from '../org/org.repository';

export async function personInReach(db: Kysely<DB>, actor: Actor | null, personId: number, opts: { admin?: boolean } = {}) {
	if (!actor) throw new ForbiddenError('signed out');
	let q = db
		.selectFrom('person as p')
		.leftJoin('org_unit as u', 'u.id', 'p.unit_id')
		.leftJoin('job_position as j', 'j.id', 'p.position_id')
		.leftJoin('person as s', 's.id', 'p.supervisor_id')
		.select(['p.id', 'p.name', 'p.nip', 'p.position_id as positionId', 'p.supervisor_id as supervisorId', 'u.name as unitName', 'j.name as positionName', 's.name as supervisorName'])
		.where('p.id', '=', personId);
	const mayAll = (opts.admin ?? true) && hasRole(actor, 'admin');
	if (!mayAll && actor.id !== personId) {
		if (!hasRole(actor, 'supervisor') || actor.unitId === null) throw new ForbiddenError('not in reach');
		q = q.where('p.unit_id', 'in', unitSubtree(db, actor.unitId));
	}
	const row = await q.executeTakeFirst();
	if (!row) throw new ForbiddenError('not in reach');
	return row;
}
