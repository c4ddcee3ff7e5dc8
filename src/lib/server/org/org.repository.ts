import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, JobPosition, OrgUnit } from '../db/schema';
import { isRole, type Role } from '../../auth/roles';

type Db = Kysely<DB>;
export type UnitRow = Selectable<OrgUnit>;
export type PositionRow = Selectable<JobPosition>;

export const UNIT_KINDS = ['sekretariat', 'badan', 'dinas', 'kecamatan', 'kelurahan', 'bagian', 'bidang', 'uptd'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const POSITION_KINDS = ['struktural', 'fungsional', 'pelaksana'] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

export interface UnitWithCounts extends UnitRow {
	people: number;
	children: number;
}

export async function listUnits(db: Db): Promise<UnitWithCounts[]> {
	return db
		.selectFrom('org_unit as u')
		.selectAll('u')
		.select((eb) => [
			eb.selectFrom('person as p').select(eb.fn.countAll<number>().as('n')).whereRef('p.unit_id', '=', 'u.id').as('people'),
			eb.selectFrom('org_unit as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.parent_id', '=', 'u.id').as('children')
		])
		.orderBy('u.name')
		.execute() as Promise<UnitWithCounts[]>;
}

export async function findUnit(db: Db, id: number) {
	return db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function unitIdsByCode(db: Db): Promise<Map<string, number>> {
	const rows = await db.selectFrom('org_unit').select(['id', 'code']).execute();
	return new Map(rows.map((r) => [r.code, r.id]));
}

/**
 * The unit and every unit below it, walked in SQL. A supervisor's reach is this set; it is
 * computed by the database so that no other unit's rows ever leave it.
 */
export function unitSubtree(db: Db, rootUnitId: number) {
	return db
		.withRecursive('subtree(id)', (qb) =>
			qb
				.selectFrom('org_unit')
				.select('id')
				.where('id', '=', rootUnitId)
				.unionAll((qb2) => qb2.selectFrom('org_unit as u').innerJoin('subtree as s', 'u.parent_id', 's.id').select('u.id'))
		)
		.selectFrom('subtree')
		.select('subtree.id');
}

export async function isInSubtree(db: Db, rootUnitId: number, unitId: number): Promise<boolean> {
	const row = await unitSubtree(db, rootUnitId).where('subtree.id', '=', unitId).executeTakeFirst();
	return !!row;
}

export async function insertUnit(db: Db, values: { code: string; name: string; kind: UnitKind; parent_id: number | null }) {
	return db.insertInto('org_unit').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateUnit(db: Db, id: number, values: { code: string; name: string; kind: UnitKind; parent_id: number | null }) {
	await db.updateTable('org_unit').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function deleteUnit(db: Db, id: number) {
	await db.deleteFrom('org_unit').where('id', '=', id).execute();
}

export async function listPositions(db: Db) {
	return db
		.selectFrom('job_position as j')
		.selectAll('j')
		.select((eb) => eb.selectFrom('person as p').select(eb.fn.countAll<number>().as('n')).whereRef('p.position_id', '=', 'j.id').as('people'))
		.orderBy('j.name')
		.execute() as Promise<Array<PositionRow & { people: number }>>;
}

export async function positionIdsByCode(db: Db): Promise<Map<string, number>> {
	const rows = await db.selectFrom('job_position').select(['id', 'code']).execute();
	return new Map(rows.map((r) => [r.code, r.id]));
}

export async function findPosition(db: Db, id: number) {
	return db.selectFrom('job_position').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPosition(db: Db, values: { code: string; name: string; kind: PositionKind }) {
	return db.insertInto('job_position').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updatePosition(db: Db, id: number, values: { code: string; name: string; kind: PositionKind }) {
	await db.updateTable('job_position').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function deletePosition(db: Db, id: number) {
	await db.deleteFrom('job_position').where('id', '=', id).execute();
}

export interface PersonListFilter {
	q?: string;
	unitId?: number;
	role?: Role;
	offset: number;
	limit: number;
}

export async function listPeople(db: Db, filter: PersonListFilter) {
	let base = db
		.selectFrom('person as p')
		.leftJoin('org_unit as u', 'u.id', 'p.unit_id')
		.leftJoin('job_position as j', 'j.id', 'p.position_id');
	if (filter.q) {
		const q = filter.q.trim();
		const digits = q.replace(/[\s.]/g, '');
		base = base.where((eb) =>
			eb.or([
				eb(eb.fn('lower', ['p.name']), 'like', `%${q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`),
				...(/^\d+$/.test(digits) ? [eb('p.nip', 'like', `${digits}%`)] : []),
				eb(eb.fn('lower', ['p.email']), '=', q.toLowerCase())
			])
		);
	}
	if (filter.unitId) base = base.where('p.unit_id', '=', filter.unitId);
	if (filter.role) {
		const role = filter.role;
		base = base.where((eb) => eb.exists(eb.selectFrom('person_role as r').whereRef('r.person_id', '=', 'p.id').where('r.role', '=', role)));
	}
	const [rows, total] = await Promise.all([
		base
			.select((eb) => [
				'p.id',
				'p.nip',
				'p.name',
				'p.email',
				'p.active',
				'u.name as unitName',
				'j.name as positionName',
				eb.fn<string[] | null>('array', [eb.selectFrom('person_role as r').select('r.role').whereRef('r.person_id', '=', 'p.id').orderBy('r.role')]).as('roles')
			])
			.orderBy('p.name')
			.orderBy('p.id')
			.offset(filter.offset)
			.limit(filter.limit)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows: rows.map((r) => ({ ...r, roles: (r.roles ?? []).filter(isRole) })), total: Number(total.n) };
}

export async function findPerson(db: Db, id: number) {
	const row = await db
		.selectFrom('person as p')
		.leftJoin('person as s', 's.id', 'p.supervisor_id')
		.select((eb) => [
			'p.id',
			'p.nip',
			'p.name',
			'p.email',
			'p.unit_id',
			'p.position_id',
			'p.supervisor_id',
			'p.active',
			's.nip as supervisorNip',
			's.name as supervisorName',
			eb.fn<string[] | null>('array', [eb.selectFrom('person_role as r').select('r.role').whereRef('r.person_id', '=', 'p.id').orderBy('r.role')]).as('roles')
		])
		.where('p.id', '=', id)
		.executeTakeFirst();
	return row ? { ...row, roles: (row.roles ?? []).filter(isRole) } : undefined;
}

export async function findPersonIdsByNip(db: Db, nips: string[]): Promise<Map<string, number>> {
	if (nips.length === 0) return new Map();
	const rows = await db.selectFrom('person').select(['id', 'nip']).where('nip', 'in', nips).execute();
	return new Map(rows.map((r) => [r.nip!, r.id]));
}

export async function findPersonIdsByEmail(db: Db, emails: string[]): Promise<Set<string>> {
	if (emails.length === 0) return new Set();
	const rows = await db
		.selectFrom('person')
		.select('email')
		.where((eb) => eb(eb.fn('lower', ['email']), 'in', emails))
		.execute();
	return new Set(rows.map((r) => r.email!.toLowerCase()));
}

export interface PersonValues {
	nip: string | null;
	name: string;
	email: string | null;
	unit_id: number | null;
	position_id: number | null;
	supervisor_id: number | null;
	active?: boolean;
}

export async function insertPerson(db: Db, values: PersonValues & { password_hash?: string | null }) {
	return db.insertInto('person').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updatePerson(db: Db, id: number, values: PersonValues) {
	await db.updateTable('person').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function setRoles(db: Db, personId: number, roles: readonly Role[]) {
	await db.deleteFrom('person_role').where('person_id', '=', personId).execute();
	if (roles.length) await db.insertInto('person_role').values(roles.map((role) => ({ person_id: personId, role }))).execute();
}

export async function countPeople(db: Db): Promise<number> {
	const row = await db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Lowest common supervisor check: would making `supervisorId` the atasan of `personId` create a loop? */
export async function supervisorChainContains(db: Db, startId: number, targetId: number): Promise<boolean> {
	const row = await db
		.withRecursive('chain(id, depth)', (qb) =>
			qb
				.selectFrom('person')
				.select(['supervisor_id as id', sql<number>`1`.as('depth')])
				.where('id', '=', startId)
				.unionAll((qb2) =>
					qb2
						.selectFrom('person as p')
						.innerJoin('chain as c', 'p.id', 'c.id')
						.select(['p.supervisor_id as id', sql<number>`c.depth + 1`.as('depth')])
						.where(sql<boolean>`c.depth < 64`)
				)
		)
		.selectFrom('chain')
		.select('chain.id')
		.where('chain.id', '=', targetId)
		.executeTakeFirst();
	return !!row;
}
