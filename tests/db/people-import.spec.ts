// Importing people from CSV is all or nothing, and every bad row is named with its line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-db';
import { addPerson, addUnit } from './fixtures';
import { actorOf, countPeople, nipMaker, rolesOf } from './helper-people';
import { importPeople, type ImportProblem } from '../../src/lib/server/org/people-import';
import { ForbiddenError, type Actor } from '../../src/lib/server/access';

const HEADER = 'nip,nama,email,kode_unit,kode_jabatan,nip_atasan,peran';
const nextNip = nipMaker('19880101');

let handle: TestDatabase;
let admin: Actor;
let disdukcapil: number;
let bkpsdm: number;
let positionId: number;
/** A person already in the database, usable as an atasan. */
let existing: { id: number; nip: string };

function csv(...lines: string[]): string {
	return lines.join('\n') + '\n';
}

async function personByNip(nip: string) {
	return handle.db.selectFrom('person').selectAll().where('nip', '=', nip).executeTakeFirst();
}

beforeAll(async () => {
	handle = await createTestDatabase();
	disdukcapil = await addUnit(handle.db, 'DISDUKCAPIL');
	bkpsdm = await addUnit(handle.db, 'BKPSDM', null, 'badan');
	({ id: positionId } = await handle.db
		.insertInto('job_position')
		.values({ code: 'PENGADM-UMUM', name: 'Pengadministrasi Umum', kind: 'pelaksana' })
		.returning('id')
		.executeTakeFirstOrThrow());
	admin = actorOf(await addPerson(handle.db, { unitId: bkpsdm, roles: ['learner', 'admin'] }));
	const head = await addPerson(handle.db, { unitId: disdukcapil, roles: ['learner', 'supervisor'], email: 'kadis@pemkomedan.go.id' });
	existing = { id: head.id, nip: head.nip };
});

afterAll(async () => {
	await handle?.dispose();
});

describe('importPeople: a good file', () => {
	it('imports every row with its unit, position, roles and supervisors', async () => {
		const [a, b, c] = [nextNip(2), nextNip(1), nextNip(2)];
		const spacedB = `${b.slice(0, 8)} ${b.slice(8, 14)} ${b.slice(14, 15)} ${b.slice(15)}`;
		const before = await countPeople(handle.db);
		const result = await importPeople(
			handle.db,
			admin,
			csv(
				HEADER,
				// Sri's atasan (Budi) only appears on the next line.
				`${a},"Sri Wahyuni Siregar, S.E.",Sri.Wahyuni@PemkoMedan.go.id,DISDUKCAPIL,PENGADM-UMUM,${spacedB},pegawai`,
				// Budi's atasan is already in Bina ASN; his NIP is written with spaces.
				`${spacedB},Budi Nasution,budi.nasution@pemkomedan.go.id,disdukcapil,,${existing.nip},atasan;pelatih`,
				`${c},Citra Lubis,,BKPSDM,,,admin`
			)
		);
		expect(result).toEqual({ ok: true, imported: 3 });
		expect(await countPeople(handle.db)).toBe(before + 3);

		const sri = await personByNip(a);
		const budi = await personByNip(b);
		const citra = await personByNip(c);
		expect(sri).toMatchObject({
			name: 'Sri Wahyuni Siregar, S.E.',
			email: 'sri.wahyuni@pemkomedan.go.id',
			unit_id: disdukcapil,
			position_id: positionId,
			supervisor_id: budi!.id,
			active: true,
			password_hash: null
		});
		expect(budi).toMatchObject({ name: 'Budi Nasution', unit_id: disdukcapil, position_id: null, supervisor_id: existing.id });
		expect(citra).toMatchObject({ name: 'Citra Lubis', email: null, unit_id: bkpsdm, supervisor_id: null });
		expect(await rolesOf(handle.db, sri!.id)).toEqual(['learner']);
		expect(await rolesOf(handle.db, budi!.id)).toEqual(['learner', 'supervisor', 'trainer']);
		expect(await rolesOf(handle.db, citra!.id)).toEqual(['admin', 'learner']);
	});

	it('records the import in the audit trail under the admin who ran it', async () => {
		const result = await importPeople(handle.db, admin, csv(HEADER, `${nextNip()},Dewi Harahap,,BKPSDM,,,`));
		expect(result).toEqual({ ok: true, imported: 1 });
		const events = await handle.db.selectFrom('audit_event').selectAll().where('action', '=', 'person.imported').orderBy('id', 'desc').execute();
		expect(events[0]).toMatchObject({ actor_id: admin.id, subject: 'import', detail: { rows: 1 } });
	});

	it('maps Indonesian and English role words to roles', async () => {
		const nips = [nextNip(), nextNip(), nextNip(), nextNip(), nextNip()];
		const result = await importPeople(
			handle.db,
			admin,
			csv(
				HEADER,
				`${nips[0]},Pegawai Satu,,BKPSDM,,,atasan`,
				`${nips[1]},Pegawai Dua,,BKPSDM,,,pelatih`,
				`${nips[2]},Pegawai Tiga,,BKPSDM,,,Widyaiswara | ATASAN`,
				`${nips[3]},Pegawai Empat,,BKPSDM,,,"peserta,trainer,supervisor"`,
				`${nips[4]},Pegawai Lima,,BKPSDM,,,`
			)
		);
		expect(result).toEqual({ ok: true, imported: 5 });
		const roles = await Promise.all(nips.map(async (nip) => rolesOf(handle.db, (await personByNip(nip))!.id)));
		expect(roles).toEqual([
			['learner', 'supervisor'],
			['learner', 'trainer'],
			['learner', 'supervisor', 'trainer'],
			['learner', 'supervisor', 'trainer'],
			['learner']
		]);
	});

	it('reads a file with a byte-order mark and Windows line endings', async () => {
		const nip = nextNip();
		const text = '\uFEFF' + [HEADER, `${nip},Eka Sitepu,eka.sitepu@pemkomedan.go.id,BKPSDM,,,pelatih`].join('\r\n') + '\r\n';
		expect(await importPeople(handle.db, admin, text)).toEqual({ ok: true, imported: 1 });
		expect(await personByNip(nip)).toMatchObject({ name: 'Eka Sitepu', email: 'eka.sitepu@pemkomedan.go.id' });
	});

	it('reads a semicolon-separated file with its header in any case and order', async () => {
		const [a, b] = [nextNip(), nextNip()];
		const text = csv(
			'Nama;NIP;Kode_Unit;Peran;NIP_Atasan',
			`Fajar Ginting;${a};BKPSDM;atasan|pelatih;`,
			`"Gita Tarigan; S.Kom";${b};DISDUKCAPIL;"atasan;admin";${a}`
		);
		expect(await importPeople(handle.db, admin, text)).toEqual({ ok: true, imported: 2 });
		const fajar = await personByNip(a);
		const gita = await personByNip(b);
		expect(fajar).toMatchObject({ name: 'Fajar Ginting', unit_id: bkpsdm });
		expect(gita).toMatchObject({ name: 'Gita Tarigan; S.Kom', unit_id: disdukcapil, supervisor_id: fajar!.id });
		expect(await rolesOf(handle.db, fajar!.id)).toEqual(['learner', 'supervisor', 'trainer']);
		expect(await rolesOf(handle.db, gita!.id)).toEqual(['admin', 'learner', 'supervisor']);
	});
});

describe('importPeople: all or nothing', () => {
	it('imports nothing when one row of many is bad', async () => {
		const nips = [nextNip(), nextNip(), nextNip()];
		const before = await countPeople(handle.db);
		const auditBefore = await handle.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		const result = await importPeople(
			handle.db,
			admin,
			csv(HEADER, `${nips[0]},Hana Purba,,BKPSDM,,,`, `${nips[1]},Indra Damanik,,DINAS-ANTAH,,,`, `${nips[2]},Joko Saragih,,BKPSDM,,${nips[0]},`)
		);
		expect(result).toEqual({ ok: false, problems: [{ line: 3, code: 'import_unit_unknown', value: 'DINAS-ANTAH' }] });
		expect(await countPeople(handle.db)).toBe(before);
		for (const nip of nips) expect(await personByNip(nip), nip).toBeUndefined();
		const auditAfter = await handle.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(auditAfter.n).toBe(auditBefore.n);
	});

	it('names every bad row with its line number, its reason and the value', async () => {
		const good = nextNip();
		const before = await countPeople(handle.db);
		const result = await importPeople(
			handle.db,
			admin,
			csv(
				HEADER, // line 1
				`${good},Kartika Pane,,BKPSDM,,,`, // 2: fine
				`12345,Lestari Ritonga,,BKPSDM,,,`, // 3: NIP not 18 digits
				`198502302010011004,Maya Simanjuntak,,BKPSDM,,,`, // 4: 30 February
				`198503122010013004,Nanda Hutapea,,BKPSDM,,,`, // 5: sex digit 3
				`${nextNip()},Oki Panjaitan,,DINAS-ANTAH,,,`, // 6: unknown unit
				'', // 7: an empty line still counts
				`${good},Putri Sinaga,,BKPSDM,,,`, // 8: same NIP as line 2
				`${existing.nip},Qori Manurung,,BKPSDM,,,`, // 9: already in Bina ASN
				`${nextNip()},,,BKPSDM,,,`, // 10: no name
				`${nextNip()},Rina Batubara,,BKPSDM,,,bos`, // 11: unknown role word
				`${nextNip()},Sabar Hasibuan,,BKPSDM,,199901012020011999,` // 12: unknown atasan
			)
		);
		expect(result.ok).toBe(false);
		const problems = (result as { problems: ImportProblem[] }).problems;
		expect(problems).toEqual([
			{ line: 3, code: 'import_nip_format', value: '12345' },
			{ line: 4, code: 'import_nip_birth_date', value: '198502302010011004' },
			{ line: 5, code: 'import_nip_sex', value: '198503122010013004' },
			{ line: 6, code: 'import_unit_unknown', value: 'DINAS-ANTAH' },
			{ line: 8, code: 'import_nip_duplicate_in_file', value: good, otherLine: 2 },
			{ line: 9, code: 'import_nip_exists', value: existing.nip },
			{ line: 10, code: 'import_name_missing' },
			{ line: 11, code: 'import_role_unknown', value: 'bos' },
			{ line: 12, code: 'import_supervisor_unknown', value: '199901012020011999' }
		]);
		expect(await countPeople(handle.db)).toBe(before);
		expect(await personByNip(good)).toBeUndefined();
	});

	it('names the other problems a row can have', async () => {
		const [a, b, c, d] = [nextNip(), nextNip(), nextNip(), nextNip()];
		const before = await countPeople(handle.db);
		const result = await importPeople(
			handle.db,
			admin,
			csv(
				HEADER,
				`,Tanpa NIP,,BKPSDM,,,`, // 2
				`${a},Tanpa Unit,,,,,`, // 3
				`${b},Email Salah,bukan-email,BKPSDM,,,`, // 4
				`${c},Email Satu,sama@pemkomedan.go.id,BKPSDM,,,`, // 5
				`${d},Email Dua,SAMA@pemkomedan.go.id,BKPSDM,XYZ,,`, // 6: e-mail of line 5, unknown position
				`${nextNip()},Email Lama,kadis@pemkomedan.go.id,BKPSDM,,,`, // 7: e-mail already used
				`${a.slice(0, 15)}000,Serial Nol,,BKPSDM,,,`, // 8
				`198503122010131004,Bulan Tiga Belas,,BKPSDM,,,`, // 9
				`${nextNip()},Atasan Sendiri,,BKPSDM,,${a.slice(0, 14)}9999,` // 10: invalid atasan NIP
			)
		);
		expect(result).toEqual({
			ok: false,
			problems: [
				{ line: 2, code: 'import_nip_missing' },
				{ line: 3, code: 'import_unit_missing' },
				{ line: 4, code: 'import_email_format', value: 'bukan-email' },
				{ line: 6, code: 'import_email_duplicate_in_file', value: 'sama@pemkomedan.go.id', otherLine: 5 },
				{ line: 6, code: 'import_position_unknown', value: 'XYZ' },
				{ line: 7, code: 'import_email_exists', value: 'kadis@pemkomedan.go.id' },
				{ line: 8, code: 'import_nip_serial', value: `${a.slice(0, 15)}000` },
				{ line: 9, code: 'import_nip_appointment', value: '198503122010131004' },
				{ line: 10, code: 'import_supervisor_unknown', value: `${a.slice(0, 14)}9999` }
			]
		});
		expect(await countPeople(handle.db)).toBe(before);
	});

	it('refuses a person named as their own atasan', async () => {
		const nip = nextNip();
		const result = await importPeople(handle.db, admin, csv(HEADER, `${nip},Diri Sendiri,,BKPSDM,,${nip},`));
		expect(result).toEqual({ ok: false, problems: [{ line: 2, code: 'import_supervisor_self', value: nip }] });
		expect(await personByNip(nip)).toBeUndefined();
	});
});

describe('importPeople: the file itself', () => {
	it('does not silently drop roles written with semicolons in a semicolon-separated file', async () => {
		// The column help says "Extra roles separated by semicolons: atasan, pelatih, admin" and the
		// file hint says semicolon-separated files are accepted. Written that way, the second role
		// becomes an extra cell beyond the header. Acceptable: read every role, or refuse the row.
		const nip = nextNip();
		const result = await importPeople(handle.db, admin, csv('nip;nama;kode_unit;peran', `${nip};Umar Lubis;BKPSDM;atasan;pelatih`));
		const person = await personByNip(nip);
		const outcome = { result, roles: person ? await rolesOf(handle.db, person.id) : null };
		expect(outcome, 'the trainer role (pelatih) must not be lost without a problem being reported').toSatisfy(
			(o: typeof outcome) =>
				(o.result.ok && o.roles?.join(',') === 'learner,supervisor,trainer') ||
				(!o.result.ok && o.roles === null && o.result.problems.some((p) => p.line === 2))
		);
	});

	it('refuses a header without a required column and names the missing ones', async () => {
		const before = await countPeople(handle.db);
		expect(await importPeople(handle.db, admin, csv('nip,nama,email', `${nextNip()},Tanpa Kolom Unit,`))).toEqual({
			ok: false,
			problems: [{ line: 1, code: 'import_missing_columns', value: 'kode_unit' }]
		});
		expect(await importPeople(handle.db, admin, csv('email,kode_unit', 'a@b.co,BKPSDM'))).toEqual({
			ok: false,
			problems: [{ line: 1, code: 'import_missing_columns', value: 'nip, nama' }]
		});
		expect(await countPeople(handle.db)).toBe(before);
	});

	it('refuses a file with only a header, or only empty lines after it', async () => {
		expect(await importPeople(handle.db, admin, csv(HEADER))).toEqual({ ok: false, problems: [{ line: 1, code: 'import_empty' }] });
		expect(await importPeople(handle.db, admin, csv(HEADER, '', ',,,,,,', ''))).toEqual({ ok: false, problems: [{ line: 1, code: 'import_empty' }] });
	});

	it('refuses an empty file without importing anything', async () => {
		const before = await countPeople(handle.db);
		const result = await importPeople(handle.db, admin, '');
		expect(result.ok).toBe(false);
		expect((result as { problems: ImportProblem[] }).problems).toEqual([expect.objectContaining({ line: 1 })]);
		expect(await countPeople(handle.db)).toBe(before);
	});
});

describe('importPeople: who may import', () => {
	it('refuses anyone who is not an admin, and imports nothing', async () => {
		const learner = actorOf(await addPerson(handle.db, { unitId: disdukcapil, roles: ['learner'] }));
		const supervisor = actorOf(await addPerson(handle.db, { unitId: disdukcapil, roles: ['learner', 'supervisor', 'trainer'] }));
		const nip = nextNip();
		const file = csv(HEADER, `${nip},Tidak Boleh,,BKPSDM,,,admin`);
		const before = await countPeople(handle.db);
		for (const actor of [learner, supervisor, null]) {
			await expect(importPeople(handle.db, actor, file)).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect(await countPeople(handle.db)).toBe(before);
		expect(await personByNip(nip)).toBeUndefined();
	});
});
