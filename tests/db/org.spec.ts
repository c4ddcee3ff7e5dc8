// The organisation: units, people, a supervisor's team, and accounts made by an operator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-db';
import { addPerson, addUnit } from './fixtures';
import { actorOf, countPeople, nipMaker, rolesOf } from './helper-people';
import { ForbiddenError, type Actor } from '../../src/lib/server/access';
import * as org from '../../src/lib/server/org/org.service';
import { listTeam } from '../../src/lib/server/org/team.service';
import { addAccount } from '../../src/lib/server/org/operator';
import { signIn } from '../../src/lib/server/auth/auth.service';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { formatNip } from '../../src/lib/server/org/nip';

const nextNip = nipMaker('19900220');

let handle: TestDatabase;
let root: number;
let admin: Actor;
let codeCounter = 0;
const code = (prefix: string) => `${prefix}-${++codeCounter}`;

function unitInput(overrides: Partial<org.UnitInput> = {}): org.UnitInput {
	return { code: code('U'), name: 'Unit Uji', kind: 'dinas', parentId: root, ...overrides };
}

function personInput(overrides: Partial<org.PersonInput> = {}): org.PersonInput {
	return { nip: '', name: 'Pegawai Uji', email: '', unitId: root, positionId: null, supervisorNip: '', roles: ['learner'], active: true, password: '', ...overrides };
}

/** What the edit form would submit for a stored person, before the admin changes anything. */
async function editFormFor(id: number): Promise<org.PersonInput> {
	const p = await org.getPerson(handle.db, admin, id);
	if (!p) throw new Error(`no person ${id}`);
	return {
		nip: p.nip ?? '',
		name: p.name,
		email: p.email ?? '',
		unitId: p.unit_id,
		positionId: p.position_id,
		supervisorNip: p.supervisorNip ?? '',
		roles: p.roles,
		active: p.active,
		password: ''
	};
}

async function unitRow(id: number) {
	return handle.db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
}

async function saved(result: org.Saved): Promise<number> {
	if (!result.ok) throw new Error(`not saved: ${JSON.stringify(result.problems)}`);
	return result.id;
}

beforeAll(async () => {
	handle = await createTestDatabase();
	root = await addUnit(handle.db, 'PEMKOT', null, 'sekretariat');
	admin = actorOf(await addPerson(handle.db, { unitId: root, roles: ['learner', 'admin'], nip: nextNip() }));
});

afterAll(async () => {
	await handle?.dispose();
});

describe('saveUnit', () => {
	it('creates a unit with an upper-case code and a trimmed name, and audits it', async () => {
		const c = code('dinkes').toLowerCase();
		const result = await org.saveUnit(handle.db, admin, unitInput({ code: ` ${c} `, name: '  Dinas Kesehatan ', kind: 'dinas' }));
		const id = await saved(result);
		expect(await unitRow(id)).toMatchObject({ code: c.toUpperCase(), name: 'Dinas Kesehatan', kind: 'dinas', parent_id: root });
		const audit = await handle.db.selectFrom('audit_event').selectAll().where('subject', '=', `unit:${id}`).execute();
		expect(audit).toMatchObject([{ actor_id: admin.id, action: 'unit.created' }]);
	});

	it('refuses a code that another unit already has, in any case', async () => {
		const taken = code('TAKEN');
		const first = await saved(await org.saveUnit(handle.db, admin, unitInput({ code: taken })));
		const again = await org.saveUnit(handle.db, admin, unitInput({ code: taken.toLowerCase(), name: 'Kembar' }));
		expect(again).toEqual({ ok: false, problems: [{ field: 'code', code: 'err_code_taken' }] });
		const other = await saved(await org.saveUnit(handle.db, admin, unitInput()));
		expect(await org.saveUnit(handle.db, admin, unitInput({ code: taken }), other)).toEqual({
			ok: false,
			problems: [{ field: 'code', code: 'err_code_taken' }]
		});
		// A unit keeps its own code when it is saved again.
		expect(await org.saveUnit(handle.db, admin, unitInput({ code: taken, name: 'Nama Baru' }), first)).toEqual({ ok: true, id: first });
		expect((await unitRow(first))!.name).toBe('Nama Baru');
	});

	it('refuses bad codes, empty names, unknown kinds and unknown parents', async () => {
		const result = await org.saveUnit(handle.db, admin, { code: 'x', name: '   ', kind: 'kantor', parentId: 999_999 });
		expect(result.ok).toBe(false);
		expect((result as { problems: org.FieldProblem[] }).problems).toEqual(
			expect.arrayContaining([
				{ field: 'code', code: 'err_code_format' },
				{ field: 'name', code: 'err_required' },
				{ field: 'kind', code: 'err_choose' },
				{ field: 'parentId', code: 'err_unit_unknown' }
			])
		);
	});

	it('refuses to move a unit under itself or under one of its descendants', async () => {
		const a = await saved(await org.saveUnit(handle.db, admin, unitInput({ name: 'A' })));
		const b = await saved(await org.saveUnit(handle.db, admin, unitInput({ name: 'B', parentId: a })));
		const c = await saved(await org.saveUnit(handle.db, admin, unitInput({ name: 'C', kind: 'bidang', parentId: b })));
		const aRow = (await unitRow(a))!;
		const move = (parentId: number) => org.saveUnit(handle.db, admin, { code: aRow.code, name: aRow.name, kind: aRow.kind, parentId }, a);
		const cycle = { ok: false, problems: [{ field: 'parentId', code: 'err_unit_cycle' }] };
		expect(await move(a)).toEqual(cycle);
		expect(await move(b)).toEqual(cycle);
		expect(await move(c)).toEqual(cycle);
		expect((await unitRow(a))!.parent_id).toBe(root);
	});

	it('moves a unit, with its subtree, to another parent or to the top', async () => {
		const a = await saved(await org.saveUnit(handle.db, admin, unitInput({ name: 'A' })));
		const b = await saved(await org.saveUnit(handle.db, admin, unitInput({ name: 'B', parentId: a })));
		const c = await saved(await org.saveUnit(handle.db, admin, unitInput({ name: 'C', parentId: b })));
		const cRow = (await unitRow(c))!;
		expect(await org.saveUnit(handle.db, admin, { code: cRow.code, name: cRow.name, kind: cRow.kind, parentId: a }, c)).toEqual({ ok: true, id: c });
		expect((await unitRow(c))!.parent_id).toBe(a);
		const aRow = (await unitRow(a))!;
		// Moving A under its former grandchild's sibling B is a cycle; moving B out first makes it legal.
		const bRow = (await unitRow(b))!;
		expect(await org.saveUnit(handle.db, admin, { code: bRow.code, name: bRow.name, kind: bRow.kind, parentId: null }, b)).toEqual({ ok: true, id: b });
		expect(await org.saveUnit(handle.db, admin, { code: aRow.code, name: aRow.name, kind: aRow.kind, parentId: b }, a)).toEqual({ ok: true, id: a });
		expect((await unitRow(a))!.parent_id).toBe(b);
		expect((await unitRow(b))!.parent_id).toBeNull();
	});
});

describe('removeUnit', () => {
	it('refuses a unit that still has people', async () => {
		const u = await saved(await org.saveUnit(handle.db, admin, unitInput()));
		await addPerson(handle.db, { unitId: u, nip: nextNip() });
		expect(await org.removeUnit(handle.db, admin, u)).toEqual({ ok: false, code: 'err_unit_in_use' });
		expect(await unitRow(u)).toBeDefined();
	});

	it('refuses a unit that still has child units', async () => {
		const u = await saved(await org.saveUnit(handle.db, admin, unitInput()));
		await saved(await org.saveUnit(handle.db, admin, unitInput({ parentId: u })));
		expect(await org.removeUnit(handle.db, admin, u)).toEqual({ ok: false, code: 'err_unit_in_use' });
		expect(await unitRow(u)).toBeDefined();
	});

	it('removes an empty unit and audits it', async () => {
		const u = await saved(await org.saveUnit(handle.db, admin, unitInput()));
		const unitCode = (await unitRow(u))!.code;
		expect(await org.removeUnit(handle.db, admin, u)).toEqual({ ok: true });
		expect(await unitRow(u)).toBeUndefined();
		const audit = await handle.db.selectFrom('audit_event').selectAll().where('subject', '=', `unit:${u}`).where('action', '=', 'unit.deleted').execute();
		expect(audit).toMatchObject([{ actor_id: admin.id, detail: { code: unitCode } }]);
	});

	it('answers an unknown unit plainly', async () => {
		expect(await org.removeUnit(handle.db, admin, 999_999)).toEqual({ ok: false, code: 'err_unit_unknown' });
	});
});

describe('savePerson', () => {
	it('creates a person with NIP, e-mail, supervisor, roles and a temporary password', async () => {
		const boss = await addPerson(handle.db, { unitId: root, nip: nextNip(), roles: ['learner', 'supervisor'] });
		const nip = nextNip();
		const id = await saved(
			await org.savePerson(
				handle.db,
				admin,
				personInput({
					nip: formatNip(nip),
					name: '  Ahmad Fauzi Nasution, S.T. ',
					email: ' Ahmad.Fauzi@PemkoMedan.go.id ',
					supervisorNip: formatNip(boss.nip),
					roles: ['learner', 'trainer'],
					password: 'Sementara-2025'
				})
			)
		);
		expect(await org.getPerson(handle.db, admin, id)).toMatchObject({
			nip,
			name: 'Ahmad Fauzi Nasution, S.T.',
			email: 'ahmad.fauzi@pemkomedan.go.id',
			unit_id: root,
			supervisor_id: boss.id,
			supervisorNip: boss.nip,
			active: true,
			roles: ['learner', 'trainer']
		});
		const { password_hash } = await handle.db.selectFrom('person').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
		expect(password_hash).not.toContain('Sementara-2025');
		expect(await verifyPassword(password_hash!, 'Sementara-2025')).toBe(true);
		const audit = await handle.db.selectFrom('audit_event').selectAll().where('subject', '=', `person:${id}`).execute();
		expect(audit).toMatchObject([{ actor_id: admin.id, action: 'person.created', detail: { passwordSet: true, roles: ['learner', 'trainer'] } }]);
		expect(JSON.stringify(audit)).not.toContain('Sementara-2025');
	});

	it('refuses an impossible NIP, a malformed e-mail and a person with neither login', async () => {
		const before = await countPeople(handle.db);
		expect(await org.savePerson(handle.db, admin, personInput({ nip: '198502302010011004', email: 'bukan-email' }))).toEqual({
			ok: false,
			problems: [
				{ field: 'nip', code: 'err_nip_birth_date' },
				{ field: 'email', code: 'err_email_format' }
			]
		});
		const email = 'uji.nip@pemkomedan.go.id';
		expect(await org.savePerson(handle.db, admin, personInput({ nip: '12345', email }))).toEqual({
			ok: false,
			problems: [{ field: 'nip', code: 'err_nip_format' }]
		});
		expect(await org.savePerson(handle.db, admin, personInput({ nip: '198503122010013004', email }))).toEqual({
			ok: false,
			problems: [{ field: 'nip', code: 'err_nip_sex' }]
		});
		// An invalid NIP with no e-mail leaves the person with no login at all.
		expect(await org.savePerson(handle.db, admin, personInput({ nip: '198503122010011000' }))).toEqual({
			ok: false,
			problems: [
				{ field: 'nip', code: 'err_nip_serial' },
				{ field: 'nip', code: 'err_nip_or_email' }
			]
		});
		expect(await org.savePerson(handle.db, admin, personInput())).toEqual({ ok: false, problems: [{ field: 'nip', code: 'err_nip_or_email' }] });
		expect(await countPeople(handle.db)).toBe(before);
	});

	it('refuses an empty name, unknown unit, position and role, and a weak password', async () => {
		const result = await org.savePerson(
			handle.db,
			admin,
			personInput({ nip: nextNip(), name: ' ', unitId: 999_999, positionId: 999_999, roles: ['learner', 'superuser'], password: 'pendek' })
		);
		expect(result).toEqual({
			ok: false,
			problems: [
				{ field: 'name', code: 'err_required' },
				{ field: 'unitId', code: 'err_unit_unknown' },
				{ field: 'positionId', code: 'err_position_unknown' },
				{ field: 'roles', code: 'err_choose' },
				{ field: 'password', code: 'err_password_too_short' }
			]
		});
	});

	it('refuses a NIP or e-mail that someone else already has, but not the person’s own', async () => {
		const other = await addPerson(handle.db, { unitId: root, nip: nextNip(), email: 'Sudah.Ada@pemkomedan.go.id' });
		expect(await org.savePerson(handle.db, admin, personInput({ nip: other.nip }))).toEqual({ ok: false, problems: [{ field: 'nip', code: 'err_nip_taken' }] });
		expect(await org.savePerson(handle.db, admin, personInput({ email: 'sudah.ada@PEMKOMEDAN.go.id' }))).toEqual({
			ok: false,
			problems: [{ field: 'email', code: 'err_email_taken' }]
		});
		const form = await editFormFor(other.id);
		expect(await org.savePerson(handle.db, admin, { ...form, name: 'Nama Diperbaiki' }, other.id)).toEqual({ ok: true, id: other.id });
	});

	it('refuses an unknown supervisor', async () => {
		expect(await org.savePerson(handle.db, admin, personInput({ nip: nextNip(), supervisorNip: '199101012015011999' }))).toEqual({
			ok: false,
			problems: [{ field: 'supervisorNip', code: 'err_supervisor_unknown' }]
		});
	});

	it('refuses a supervisor chain that would loop back to the person', async () => {
		// Chain: c reports to b, b reports to a.
		const a = await addPerson(handle.db, { unitId: root, nip: nextNip() });
		const b = await addPerson(handle.db, { unitId: root, nip: nextNip(), supervisorId: a.id });
		const c = await addPerson(handle.db, { unitId: root, nip: nextNip(), supervisorId: b.id });
		const aForm = await editFormFor(a.id);
		const cycle = { ok: false, problems: [{ field: 'supervisorNip', code: 'err_supervisor_cycle' }] };
		expect(await org.savePerson(handle.db, admin, { ...aForm, supervisorNip: c.nip }, a.id)).toEqual(cycle);
		expect(await org.savePerson(handle.db, admin, { ...aForm, supervisorNip: formatNip(b.nip) }, a.id)).toEqual(cycle);
		expect(await org.savePerson(handle.db, admin, { ...aForm, supervisorNip: a.nip }, a.id)).toEqual(cycle);
		expect((await org.getPerson(handle.db, admin, a.id))!.supervisor_id).toBeNull();
		// Skipping a level is not a loop.
		const cForm = await editFormFor(c.id);
		expect(await org.savePerson(handle.db, admin, { ...cForm, supervisorNip: a.nip }, c.id)).toEqual({ ok: true, id: c.id });
		expect((await org.getPerson(handle.db, admin, c.id))!.supervisor_id).toBe(a.id);
	});

	it('refuses an admin removing their own admin role, but lets another admin do it', async () => {
		const form = await editFormFor(admin.id);
		expect(await org.savePerson(handle.db, admin, { ...form, roles: ['learner'] }, admin.id)).toEqual({
			ok: false,
			problems: [{ field: 'roles', code: 'err_cannot_drop_own_admin' }]
		});
		expect(await rolesOf(handle.db, admin.id)).toEqual(['admin', 'learner']);

		const second = actorOf(await addPerson(handle.db, { unitId: root, nip: nextNip(), roles: ['learner', 'admin'] }));
		expect(await org.savePerson(handle.db, admin, { ...(await editFormFor(second.id)), roles: ['learner'] }, second.id)).toEqual({ ok: true, id: second.id });
		expect(await rolesOf(handle.db, second.id)).toEqual(['learner']);
	});

	it('signs a deactivated person out everywhere', async () => {
		const p = await addPerson(handle.db, { unitId: root, nip: nextNip(), password: 'Sandi-Awal-2025' });
		const login = await signIn(handle.db, { login: p.nip, password: 'Sandi-Awal-2025', address: '198.51.100.1' });
		expect(login.ok).toBe(true);
		expect(await org.savePerson(handle.db, admin, { ...(await editFormFor(p.id)), active: false }, p.id)).toEqual({ ok: true, id: p.id });
		const sessions = await handle.db.selectFrom('auth_session').select('id').where('person_id', '=', p.id).execute();
		expect(sessions).toEqual([]);
		expect(await signIn(handle.db, { login: p.nip, password: 'Sandi-Awal-2025', address: '198.51.100.2' })).toEqual({ ok: false, reason: 'invalid' });
	});
});

describe('org.service access', () => {
	it('refuses every function to anyone who is not an admin, and changes nothing', async () => {
		const unit = await saved(await org.saveUnit(handle.db, admin, unitInput()));
		const position = await saved(await org.savePosition(handle.db, admin, { code: code('POS'), name: 'Analis', kind: 'fungsional' }));
		const person = await addPerson(handle.db, { unitId: unit, nip: nextNip() });
		const learner = actorOf(await addPerson(handle.db, { unitId: unit, nip: nextNip(), roles: ['learner'] }));
		const leader = actorOf(await addPerson(handle.db, { unitId: unit, nip: nextNip(), roles: ['learner', 'supervisor', 'trainer'] }));
		const before = { people: await countPeople(handle.db), units: (await org.listUnits(handle.db, admin)).length };

		const calls: Array<[string, (actor: Actor | null) => Promise<unknown>]> = [
			['saveUnit', (a) => org.saveUnit(handle.db, a, unitInput())],
			['saveUnit (edit)', (a) => org.saveUnit(handle.db, a, unitInput({ name: 'Diubah' }), unit)],
			['removeUnit', (a) => org.removeUnit(handle.db, a, unit)],
			['listUnits', (a) => org.listUnits(handle.db, a)],
			['savePosition', (a) => org.savePosition(handle.db, a, { code: code('POS'), name: 'X', kind: 'pelaksana' })],
			['removePosition', (a) => org.removePosition(handle.db, a, position)],
			['listPositions', (a) => org.listPositions(handle.db, a)],
			['savePerson', (a) => org.savePerson(handle.db, a, personInput({ nip: nextNip(), roles: ['learner', 'admin'] }))],
			['savePerson (edit)', (a) => org.savePerson(handle.db, a, personInput({ nip: person.nip, roles: ['learner', 'admin'] }), person.id)],
			['listPeople', (a) => org.listPeople(handle.db, a, { offset: 0, limit: 10 })],
			['getPerson', (a) => org.getPerson(handle.db, a, person.id)],
			['orgSummary', (a) => org.orgSummary(handle.db, a)]
		];
		for (const actor of [learner, leader, null]) {
			for (const [name, call] of calls) {
				await expect(call(actor), `${name} as ${actor ? actor.roles.join('+') : 'nobody'}`).rejects.toBeInstanceOf(ForbiddenError);
			}
		}
		expect(await countPeople(handle.db)).toBe(before.people);
		expect(await org.listUnits(handle.db, admin)).toHaveLength(before.units);
		expect((await unitRow(unit))!.name).toBe('Unit Uji');
		expect(await rolesOf(handle.db, person.id)).toEqual(['learner']);
		expect((await org.listPositions(handle.db, admin)).some((p) => p.id === position)).toBe(true);
	});

	it('gives an admin a summary with numeric counts', async () => {
		const summary = await org.orgSummary(handle.db, admin);
		expect(summary.people).toBe(await countPeople(handle.db));
		expect(typeof summary.units).toBe('number');
		expect(summary.byRole.admin).toBeGreaterThanOrEqual(1);
	});
});

describe('listTeam', () => {
	// PEMKOT-T ─┬─ DINAS-T ─┬─ BIDANG-T ── SEKSI-T
	//           │           └─ BIDANG2-T
	//           └─ DINAS2-T ── BIDANG3-T
	let units: Record<'kota' | 'dinas' | 'bidang' | 'seksi' | 'bidang2' | 'dinas2' | 'bidang3', number>;
	let people: Record<string, { id: number; nip: string }>;
	let headOfDinas: Actor;
	let headOfBidang: Actor;

	const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id).sort((a, b) => a - b);
	const sorted = (...list: number[]) => [...list].sort((a, b) => a - b);
	const team = (actor: Actor, filter: { q?: string; offset?: number; limit?: number } = {}) =>
		listTeam(handle.db, actor, { offset: 0, limit: 100, ...filter });

	beforeAll(async () => {
		const kota = await addUnit(handle.db, 'PEMKOT-T', null, 'sekretariat');
		const dinas = await addUnit(handle.db, 'DINAS-T', kota);
		const bidang = await addUnit(handle.db, 'BIDANG-T', dinas, 'bidang');
		const seksi = await addUnit(handle.db, 'SEKSI-T', bidang, 'uptd');
		const bidang2 = await addUnit(handle.db, 'BIDANG2-T', dinas, 'bidang');
		const dinas2 = await addUnit(handle.db, 'DINAS2-T', kota);
		const bidang3 = await addUnit(handle.db, 'BIDANG3-T', dinas2, 'bidang');
		units = { kota, dinas, bidang, seksi, bidang2, dinas2, bidang3 };

		const add = (unitId: number | null, opts: { supervisorId?: number; roles?: Array<'learner' | 'supervisor'>; name: string }) =>
			addPerson(handle.db, { unitId, nip: nextNip(), ...opts });
		const walikota = await add(kota, { name: 'Walikota Staf', roles: ['learner', 'supervisor'] });
		const kadis = await add(dinas, { name: 'Kepala Dinas', roles: ['learner', 'supervisor'], supervisorId: walikota.id });
		const dinasStaff = await add(dinas, { name: 'Staf Dinas', supervisorId: kadis.id });
		const kabid = await add(bidang, { name: 'Kepala Bidang', roles: ['learner', 'supervisor'], supervisorId: kadis.id });
		const bidangStaff = await add(bidang, { name: 'Staf Bidang', supervisorId: kabid.id });
		const seksiStaff = await add(seksi, { name: 'Staf Seksi', supervisorId: kabid.id });
		const seksiGone = await add(seksi, { name: 'Staf Seksi Nonaktif', supervisorId: kabid.id });
		await handle.db.updateTable('person').set({ active: false }).where('id', '=', seksiGone.id).execute();
		const bidang2Staff = await add(bidang2, { name: 'Staf Bidang Dua', supervisorId: kadis.id });
		const dinas2Staff = await add(dinas2, { name: 'Staf Dinas Dua' });
		const bidang3Staff = await add(bidang3, { name: 'Staf Bidang Tiga' });
		const noUnit = await add(null, { name: 'Tanpa Unit', supervisorId: kadis.id });
		people = { walikota, kadis, dinasStaff, kabid, bidangStaff, seksiStaff, seksiGone, bidang2Staff, dinas2Staff, bidang3Staff, noUnit };
		headOfDinas = actorOf(kadis);
		headOfBidang = actorOf(kabid);
	});

	it('lists exactly the active people in the subtree of the supervisor’s unit, never the supervisor', async () => {
		const result = await team(headOfDinas);
		const p = people;
		expect(ids(result.rows)).toEqual(sorted(p.dinasStaff.id, p.kabid.id, p.bidangStaff.id, p.seksiStaff.id, p.bidang2Staff.id));
		expect(result.total).toBe(5);
		expect(result.unitName).toBe('Unit DINAS-T');
		// Direct reports are marked.
		const direct = result.rows.filter((r) => r.direct).map((r) => r.id);
		expect(sorted(...direct)).toEqual(sorted(p.dinasStaff.id, p.kabid.id, p.bidang2Staff.id));
	});

	it('leaves out the parent and sibling units of a supervisor lower in the tree', async () => {
		const result = await team(headOfBidang);
		expect(ids(result.rows)).toEqual(sorted(people.bidangStaff.id, people.seksiStaff.id));
		expect(result.total).toBe(2);
		const seen = new Set(result.rows.map((r) => r.unitName));
		expect([...seen].sort()).toEqual(['Unit BIDANG-T', 'Unit SEKSI-T']);
	});

	it('pages and searches within the team only', async () => {
		const page = await team(headOfDinas, { limit: 2, offset: 0 });
		expect(page.rows).toHaveLength(2);
		expect(page.total).toBe(5);
		const rest = await team(headOfDinas, { limit: 10, offset: 2 });
		expect(ids([...page.rows, ...rest.rows])).toEqual(ids((await team(headOfDinas)).rows));
		expect(ids((await team(headOfDinas, { q: 'staf bidang' })).rows)).toEqual(sorted(people.bidangStaff.id, people.bidang2Staff.id));
		// Someone outside the subtree is never found, even by exact NIP.
		expect((await team(headOfDinas, { q: people.dinas2Staff.nip })).rows).toEqual([]);
		expect((await team(headOfDinas, { q: people.seksiStaff.nip })).rows.map((r) => r.id)).toEqual([people.seksiStaff.id]);
	});

	it('follows a person moved into and out of the subtree', async () => {
		const mover = people.dinas2Staff;
		const form = await editFormFor(mover.id);
		expect(await org.savePerson(handle.db, admin, { ...form, unitId: units.seksi }, mover.id)).toEqual({ ok: true, id: mover.id });
		expect(ids((await team(headOfDinas)).rows)).toContain(mover.id);
		expect(ids((await team(headOfBidang)).rows)).toContain(mover.id);
		expect((await team(headOfDinas)).total).toBe(6);

		expect(await org.savePerson(handle.db, admin, { ...form, unitId: units.dinas2 }, mover.id)).toEqual({ ok: true, id: mover.id });
		expect(ids((await team(headOfDinas)).rows)).not.toContain(mover.id);
		expect(ids((await team(headOfBidang)).rows)).not.toContain(mover.id);
		expect((await team(headOfDinas)).total).toBe(5);
	});

	it('follows a unit moved into the subtree with its people', async () => {
		const b3 = (await unitRow(units.bidang3))!;
		expect(await org.saveUnit(handle.db, admin, { code: b3.code, name: b3.name, kind: b3.kind, parentId: units.bidang }, units.bidang3)).toEqual({
			ok: true,
			id: units.bidang3
		});
		expect(ids((await team(headOfBidang)).rows)).toContain(people.bidang3Staff.id);
		expect(await org.saveUnit(handle.db, admin, { code: b3.code, name: b3.name, kind: b3.kind, parentId: units.dinas2 }, units.bidang3)).toEqual({
			ok: true,
			id: units.bidang3
		});
		expect(ids((await team(headOfBidang)).rows)).not.toContain(people.bidang3Staff.id);
	});

	it('shows nothing to a supervisor without a unit', async () => {
		const floating = actorOf(await addPerson(handle.db, { unitId: null, nip: nextNip(), roles: ['learner', 'supervisor'] }));
		expect(await team(floating)).toEqual({ rows: [], total: 0, unitName: null });
	});

	it('refuses anyone without the supervisor role, including admins', async () => {
		const learner: Actor = { id: people.dinasStaff.id, roles: ['learner'], unitId: units.dinas };
		const adminHere: Actor = { id: admin.id, roles: ['learner', 'admin', 'trainer'], unitId: units.kota };
		for (const actor of [learner, adminHere, null]) {
			await expect(listTeam(handle.db, actor, { offset: 0, limit: 10 })).rejects.toBeInstanceOf(ForbiddenError);
		}
	});
});

describe('operator addAccount', () => {
	it('creates an admin account with the learner and admin roles that can sign in', async () => {
		const before = await countPeople(handle.db);
		const result = await addAccount(handle.db, {
			login: ' Admin.BKPSDM@PemkoMedan.go.id ',
			name: ' Admin BKPSDM ',
			roles: ['admin'],
			unitCode: 'pemkot',
			password: 'Kunci-Kota-Medan-1'
		});
		expect(result).toMatchObject({ ok: true });
		if (!result.ok) return;
		expect(await countPeople(handle.db)).toBe(before + 1);
		const row = await handle.db.selectFrom('person').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ email: 'admin.bkpsdm@pemkomedan.go.id', nip: null, name: 'Admin BKPSDM', unit_id: root, active: true });
		expect(await rolesOf(handle.db, result.id)).toEqual(['admin', 'learner']);
		expect(await signIn(handle.db, { login: 'admin.bkpsdm@pemkomedan.go.id', password: 'Kunci-Kota-Medan-1', address: '203.0.113.1' })).toMatchObject({
			ok: true,
			personId: result.id
		});
		const audit = await handle.db.selectFrom('audit_event').selectAll().where('subject', '=', `person:${result.id}`).execute();
		expect(audit).toMatchObject([{ actor_id: null, action: 'person.created_by_operator', detail: { roles: ['learner', 'admin'] } }]);
		expect(JSON.stringify(audit)).not.toContain('Kunci-Kota-Medan-1');
	});

	it('creates an account by NIP, written with spaces, as a learner by default', async () => {
		const nip = nextNip();
		const result = await addAccount(handle.db, { login: formatNip(nip), name: 'Operator NIP', roles: [], password: 'Kunci-Kota-Medan-2' });
		expect(result).toMatchObject({ ok: true });
		if (!result.ok) return;
		expect(await handle.db.selectFrom('person').select(['nip', 'email', 'unit_id']).where('id', '=', result.id).executeTakeFirstOrThrow()).toEqual({
			nip,
			email: null,
			unit_id: null
		});
		expect(await rolesOf(handle.db, result.id)).toEqual(['learner']);
	});

	it('refuses a login that already has an account', async () => {
		const nip = nextNip();
		expect(await addAccount(handle.db, { login: nip, name: 'Pertama', roles: ['admin'], password: 'Kunci-Kota-Medan-3' })).toMatchObject({ ok: true });
		expect(await addAccount(handle.db, { login: 'Dobel@pemkomedan.go.id', name: 'Pertama', roles: [], password: 'Kunci-Kota-Medan-3' })).toMatchObject({ ok: true });
		const before = await countPeople(handle.db);
		for (const login of [formatNip(nip), 'dobel@PEMKOMEDAN.go.id']) {
			const result = await addAccount(handle.db, { login, name: 'Kedua', roles: ['admin'], password: 'Kunci-Kota-Medan-4' });
			expect(result, login).toEqual({ ok: false, message: expect.stringMatching(/already exists/) });
		}
		expect(await countPeople(handle.db)).toBe(before);
	});

	it('refuses unknown roles, unknown units, bad logins and weak passwords, creating nothing', async () => {
		const before = await countPeople(handle.db);
		const base = { login: 'baru@pemkomedan.go.id', name: 'Akun Baru', roles: ['admin'], password: 'Kunci-Kota-Medan-5' };
		const refused = async (input: Partial<typeof base> & { unitCode?: string }, pattern: RegExp) => {
			const result = await addAccount(handle.db, { ...base, ...input });
			expect(result, JSON.stringify(input)).toEqual({ ok: false, message: expect.stringMatching(pattern) });
		};
		await refused({ roles: ['admin', 'root'] }, /unknown role.*root/);
		await refused({ roles: ['Admin'] }, /unknown role.*Admin/);
		await refused({ unitCode: 'TIDAK-ADA' }, /unknown unit.*TIDAK-ADA/);
		await refused({ login: 'admin' }, /--login must be/);
		await refused({ login: '12345' }, /not a valid NIP \(format\)/);
		await refused({ login: '198502302010011004' }, /not a valid NIP \(birth_date\)/);
		await refused({ name: '  ' }, /--name is required/);
		await refused({ password: 'pendek' }, /password rejected.*too_short/);
		await refused({ password: 'aaaaaaaaaaaa' }, /password rejected.*too_simple/);
		await refused({ password: 'password123' }, /password rejected.*too_simple/);
		await refused({ password: 'baru@pemkomedan.go.id' }, /password rejected.*same_as_login/);
		await refused({ password: 'BARU@PEMKOMEDAN.GO.ID' }, /password rejected.*same_as_login/);
		expect(await countPeople(handle.db)).toBe(before);
	});
});
