// Units, positions and people: the rules and the access checks. Only admins change the
// organisation; the first line of every function says so.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { requireRole, type Actor } from '../access';
import { recordAudit } from '../audit';
import { hashPassword, passwordProblem } from '../auth/password';
import { isRole, type Role } from '../../auth/roles';
import { parseNip } from './nip';
import * as repo from './org.repository';
import { POSITION_KINDS, UNIT_KINDS, type PositionKind, type UnitKind } from './org.repository';

type Db = Kysely<DB>;

/** A problem with one field, as a catalogue key the route turns into the reader's language. */
export interface FieldProblem {
	field: string;
	code: string;
}

export type Saved = { ok: true; id: number } | { ok: false; problems: FieldProblem[] };

const CODE_RE = /^[A-Z0-9][A-Z0-9._-]{1,31}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const normaliseCode = (raw: string) => raw.trim().toUpperCase();

// ---- units ---------------------------------------------------------------------------------

export interface UnitInput {
	code: string;
	name: string;
	kind: string;
	parentId: number | null;
}

async function checkUnit(db: Db, input: UnitInput, id: number | null): Promise<FieldProblem[]> {
	const problems: FieldProblem[] = [];
	if (!CODE_RE.test(normaliseCode(input.code))) problems.push({ field: 'code', code: 'err_code_format' });
	if (!input.name.trim()) problems.push({ field: 'name', code: 'err_required' });
	if (!(UNIT_KINDS as readonly string[]).includes(input.kind)) problems.push({ field: 'kind', code: 'err_choose' });
	if (input.parentId !== null) {
		const parent = await repo.findUnit(db, input.parentId);
		if (!parent) problems.push({ field: 'parentId', code: 'err_unit_unknown' });
		// A unit cannot be moved under itself or under one of its own descendants.
		else if (id !== null && (await repo.isInSubtree(db, id, input.parentId))) problems.push({ field: 'parentId', code: 'err_unit_cycle' });
	}
	const clash = await db.selectFrom('org_unit').select('id').where('code', '=', normaliseCode(input.code)).executeTakeFirst();
	if (clash && clash.id !== id) problems.push({ field: 'code', code: 'err_code_taken' });
	return problems;
}

export async function saveUnit(db: Db, actor: Actor | null, input: UnitInput, id: number | null = null): Promise<Saved> {
	requireRole(actor, 'admin');
	const problems = await checkUnit(db, input, id);
	if (problems.length) return { ok: false, problems };
	const values = { code: normaliseCode(input.code), name: input.name.trim(), kind: input.kind as UnitKind, parent_id: input.parentId };
	return db.transaction().execute(async (trx) => {
		let savedId = id;
		if (id === null) savedId = (await repo.insertUnit(trx, values)).id;
		else await repo.updateUnit(trx, id, values);
		await recordAudit(trx, { actorId: actor.id, action: id === null ? 'unit.created' : 'unit.updated', subject: `unit:${savedId}`, detail: values });
		return { ok: true as const, id: savedId! };
	});
}

export async function removeUnit(db: Db, actor: Actor | null, id: number): Promise<{ ok: true } | { ok: false; code: string }> {
	requireRole(actor, 'admin');
	const unit = (await repo.listUnits(db)).find((u) => u.id === id);
	if (!unit) return { ok: false, code: 'err_unit_unknown' };
	if (unit.children > 0 || unit.people > 0) return { ok: false, code: 'err_unit_in_use' };
	await db.transaction().execute(async (trx) => {
		await repo.deleteUnit(trx, id);
		await recordAudit(trx, { actorId: actor.id, action: 'unit.deleted', subject: `unit:${id}`, detail: { code: unit.code } });
	});
	return { ok: true };
}

export async function listUnits(db: Db, actor: Actor | null) {
	requireRole(actor, 'admin');
	return repo.listUnits(db);
}

// ---- positions -----------------------------------------------------------------------------

export interface PositionInput {
	code: string;
	name: string;
	kind: string;
}

export async function savePosition(db: Db, actor: Actor | null, input: PositionInput, id: number | null = null): Promise<Saved> {
	requireRole(actor, 'admin');
	const problems: FieldProblem[] = [];
	const code = normaliseCode(input.code);
	if (!CODE_RE.test(code)) problems.push({ field: 'code', code: 'err_code_format' });
	if (!input.name.trim()) problems.push({ field: 'name', code: 'err_required' });
	if (!(POSITION_KINDS as readonly string[]).includes(input.kind)) problems.push({ field: 'kind', code: 'err_choose' });
	const clash = await db.selectFrom('job_position').select('id').where('code', '=', code).executeTakeFirst();
	if (clash && clash.id !== id) problems.push({ field: 'code', code: 'err_code_taken' });
	if (problems.length) return { ok: false, problems };
	const values = { code, name: input.name.trim(), kind: input.kind as PositionKind };
	return db.transaction().execute(async (trx) => {
		let savedId = id;
		if (id === null) savedId = (await repo.insertPosition(trx, values)).id;
		else await repo.updatePosition(trx, id, values);
		await recordAudit(trx, { actorId: actor.id, action: id === null ? 'position.created' : 'position.updated', subject: `position:${savedId}`, detail: values });
		return { ok: true as const, id: savedId! };
	});
}

export async function removePosition(db: Db, actor: Actor | null, id: number): Promise<{ ok: true } | { ok: false; code: string }> {
	requireRole(actor, 'admin');
	const position = (await repo.listPositions(db)).find((p) => p.id === id);
	if (!position) return { ok: false, code: 'err_position_unknown' };
	if (position.people > 0) return { ok: false, code: 'err_position_in_use' };
	await db.transaction().execute(async (trx) => {
		await repo.deletePosition(trx, id);
		await recordAudit(trx, { actorId: actor.id, action: 'position.deleted', subject: `position:${id}`, detail: { code: position.code } });
	});
	return { ok: true };
}

export async function listPositions(db: Db, actor: Actor | null) {
	requireRole(actor, 'admin');
	return repo.listPositions(db);
}

// ---- people --------------------------------------------------------------------------------

export interface PersonInput {
	nip: string;
	name: string;
	email: string;
	unitId: number | null;
	positionId: number | null;
	supervisorNip: string;
	roles: string[];
	active: boolean;
	/** Optional temporary password set by the admin. */
	password: string;
}

export async function savePerson(db: Db, actor: Actor | null, input: PersonInput, id: number | null = null): Promise<Saved> {
	requireRole(actor, 'admin');
	const problems: FieldProblem[] = [];
	const nipText = input.nip.trim();
	let nip: string | null = null;
	if (nipText) {
		const parsed = parseNip(nipText);
		if (!parsed.ok) problems.push({ field: 'nip', code: `err_nip_${parsed.error}` });
		else nip = parsed.nip;
	}
	const email = input.email.trim().toLowerCase() || null;
	if (email && !EMAIL_RE.test(email)) problems.push({ field: 'email', code: 'err_email_format' });
	if (!nip && !email) problems.push({ field: 'nip', code: 'err_nip_or_email' });
	if (!input.name.trim()) problems.push({ field: 'name', code: 'err_required' });
	if (input.unitId !== null && !(await repo.findUnit(db, input.unitId))) problems.push({ field: 'unitId', code: 'err_unit_unknown' });
	if (input.positionId !== null && !(await repo.findPosition(db, input.positionId))) problems.push({ field: 'positionId', code: 'err_position_unknown' });
	const roles = input.roles.filter(isRole);
	if (roles.length !== input.roles.length) problems.push({ field: 'roles', code: 'err_choose' });
	let supervisorId: number | null = null;
	const supNip = input.supervisorNip.replace(/[\s.]/g, '');
	if (supNip) {
		supervisorId = (await repo.findPersonIdsByNip(db, [supNip])).get(supNip) ?? null;
		if (supervisorId === null) problems.push({ field: 'supervisorNip', code: 'err_supervisor_unknown' });
		else if (id !== null && (supervisorId === id || (await repo.supervisorChainContains(db, supervisorId, id)))) {
			problems.push({ field: 'supervisorNip', code: 'err_supervisor_cycle' });
		}
	}
	if (nip) {
		const clash = (await repo.findPersonIdsByNip(db, [nip])).get(nip);
		if (clash !== undefined && clash !== id) problems.push({ field: 'nip', code: 'err_nip_taken' });
	}
	if (email) {
		const clash = await db.selectFrom('person').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email)).executeTakeFirst();
		if (clash && clash.id !== id) problems.push({ field: 'email', code: 'err_email_taken' });
	}
	if (input.password) {
		const problem = passwordProblem(input.password, [nip, email]);
		if (problem) problems.push({ field: 'password', code: `err_password_${problem}` });
	}
	if (id !== null && id === actor.id && !roles.includes('admin')) problems.push({ field: 'roles', code: 'err_cannot_drop_own_admin' });
	if (problems.length) return { ok: false, problems };

	const values: repo.PersonValues = {
		nip,
		name: input.name.trim(),
		email,
		unit_id: input.unitId,
		position_id: input.positionId,
		supervisor_id: supervisorId,
		active: input.active
	};
	const passwordHash = input.password ? await hashPassword(input.password) : null;
	return db.transaction().execute(async (trx) => {
		let savedId = id;
		if (id === null) savedId = (await repo.insertPerson(trx, { ...values, password_hash: passwordHash })).id;
		else {
			await repo.updatePerson(trx, id, values);
			if (passwordHash) await trx.updateTable('person').set({ password_hash: passwordHash }).where('id', '=', id).execute();
			// A deactivated person is signed out everywhere at once.
			if (!input.active) await trx.deleteFrom('auth_session').where('person_id', '=', id).execute();
		}
		await repo.setRoles(trx, savedId!, roles);
		await recordAudit(trx, {
			actorId: actor.id,
			action: id === null ? 'person.created' : 'person.updated',
			subject: `person:${savedId}`,
			detail: { ...values, roles, passwordSet: !!passwordHash }
		});
		return { ok: true as const, id: savedId! };
	});
}

export async function listPeople(db: Db, actor: Actor | null, filter: repo.PersonListFilter) {
	requireRole(actor, 'admin');
	return repo.listPeople(db, filter);
}

export async function getPerson(db: Db, actor: Actor | null, id: number) {
	requireRole(actor, 'admin');
	return repo.findPerson(db, id);
}

export type { Role };

export async function orgSummary(db: Db, actor: Actor | null) {
	requireRole(actor, 'admin');
	const count = (table: 'org_unit' | 'job_position' | 'person') =>
		db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
	const [units, positions, people, roles] = await Promise.all([
		count('org_unit'),
		count('job_position'),
		count('person'),
		db.selectFrom('person_role').select(['role', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('role').execute()
	]);
	return { units, positions, people, byRole: Object.fromEntries(roles.map((r) => [r.role, Number(r.n)])) as Partial<Record<Role, number>> };
}
