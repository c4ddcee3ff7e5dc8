// Small, explicit organisations for database tests.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import type { Role } from '../../src/lib/auth/roles';
import { hashPassword } from '../../src/lib/server/auth/password';

export async function addUnit(db: Kysely<DB>, code: string, parentId: number | null = null, kind = 'dinas') {
	const { id } = await db.insertInto('org_unit').values({ code, name: `Unit ${code}`, kind, parent_id: parentId }).returning('id').executeTakeFirstOrThrow();
	return id;
}

let serial = 1;
export async function addPerson(
	db: Kysely<DB>,
	opts: { unitId?: number | null; roles?: Role[]; email?: string; nip?: string; password?: string; supervisorId?: number | null; name?: string } = {}
) {
	const n = serial++;
	const nip = opts.nip ?? `19850312201001${n % 2 === 0 ? 2 : 1}${String(n).padStart(3, '0')}`;
	const { id } = await db
		.insertInto('person')
		.values({
			nip,
			email: opts.email ?? `orang${n}@pemkomedan.go.id`,
			name: opts.name ?? `Pegawai ${n}`,
			unit_id: opts.unitId ?? null,
			supervisor_id: opts.supervisorId ?? null,
			password_hash: opts.password ? await hashPassword(opts.password) : null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const roles = opts.roles ?? ['learner'];
	if (roles.length) await db.insertInto('person_role').values(roles.map((role) => ({ person_id: id, role }))).execute();
	return { id, nip, roles, unitId: opts.unitId ?? null };
}
