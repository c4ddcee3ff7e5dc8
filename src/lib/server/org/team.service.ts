// A supervisor's team: everyone in the subtree of the supervisor's own unit, selected in SQL.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { requireRole, type Actor } from '../access';
import { unitSubtree } from './org.repository';

export async function listTeam(db: Kysely<DB>, actor: Actor | null, filter: { q?: string; offset: number; limit: number }) {
	requireRole(actor, 'supervisor');
	if (actor.unitId === null) return { rows: [], total: 0, unitName: null };
	let base = db
		.selectFrom('person as p')
		.innerJoin('org_unit as u', 'u.id', 'p.unit_id')
		.leftJoin('job_position as j', 'j.id', 'p.position_id')
		.where('p.unit_id', 'in', unitSubtree(db, actor.unitId))
		.where('p.active', '=', true)
		.where('p.id', '<>', actor.id);
	if (filter.q) {
		const q = filter.q.toLowerCase().replace(/[%_\\]/g, '\\$&');
		base = base.where((eb) => eb.or([eb(eb.fn('lower', ['p.name']), 'like', `%${q}%`), eb('p.nip', 'like', `${q.replace(/\s/g, '')}%`)]));
	}
	const [rows, total, unit] = await Promise.all([
		base
			.select(['p.id', 'p.nip', 'p.name', 'u.name as unitName', 'j.name as positionName', 'p.supervisor_id'])
			.orderBy('u.name')
			.orderBy('p.name')
			.offset(filter.offset)
			.limit(filter.limit)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
		db.selectFrom('org_unit').select('name').where('id', '=', actor.unitId).executeTakeFirst()
	]);
	return { rows: rows.map((r) => ({ ...r, direct: r.supervisor_id === actor.id })), total: Number(total.n), unitName: unit?.name ?? null };
}
