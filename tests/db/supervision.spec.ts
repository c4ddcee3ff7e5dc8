// Supervision: a supervisor's reach (their unit's subtree, in SQL), the per-person figures, the
// BKPSDM roll-up (every unit equals the sum of its parts), exports equal to the screen, and
// course assignments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-db';
import { addPerson, addUnit } from './fixtures';
import { actorOf, nipMaker } from './helper-people';
import { addCertificate, addCourse, addJp, enrolIn, DAY } from './supervision-fixtures';
import { ForbiddenError, type Actor } from '../../src/lib/server/access';
import { certificateState } from '../../src/lib/server/certification/certification.service';
import { localDate } from '../../src/lib/server/career/local-date';
import * as sup from '../../src/lib/server/supervision/supervision.service';
import { teamExport } from '../../src/lib/server/supervision/export';
import { markMyNotificationsRead, myNotifications, myUnreadCount } from '../../src/lib/server/notify/notification.service';
import { createNotification } from '../../src/lib/server/notify/notification.repository';

const nextNip = nipMaker('19870611');
const NOW = new Date('2026-06-15T03:00:00Z');
const TODAY = localDate(NOW);

let t: TestDatabase;
const units: Record<string, number> = {};
const people: Record<string, { id: number; roles: ('learner' | 'supervisor' | 'admin')[]; unitId: number | null }> = {};
let kadisA: Actor;
let kadisB: Actor;
let admin: Actor;

async function person(key: string, unit: string, roles: ('learner' | 'supervisor' | 'admin')[] = ['learner'], name?: string) {
	const p = await addPerson(t.db, { unitId: units[unit], roles, nip: nextNip(), name: name ?? `Pegawai ${key}`, email: `${key.toLowerCase()}@medan.go.id` });
	people[key] = { id: p.id, roles: p.roles as never, unitId: units[unit] };
	return p;
}

/** Every person the overview shows, page after page, in its order. */
async function allPages(actor: Actor, query: Omit<sup.OverviewQuery, 'offset' | 'limit'>, size = 2) {
	const out: string[] = [];
	for (let offset = 0; ; offset += size) {
		const page = await sup.teamOverview(t.db, actor, { ...query, offset, limit: size }, NOW);
		out.push(...page!.rows.map((r) => r.name));
		if (page!.rows.length < size) return { names: out, total: page!.total };
	}
}

beforeAll(async () => {
	t = await createTestDatabase();
	units.ROOT = await addUnit(t.db, 'PEMKOT-S', null, 'sekretariat');
	units.A = await addUnit(t.db, 'DINAS-A', units.ROOT, 'dinas');
	units.A1 = await addUnit(t.db, 'BIDANG-A1', units.A, 'bidang');
	units.A1X = await addUnit(t.db, 'UPT-A1X', units.A1, 'uptd');
	units.A1XY = await addUnit(t.db, 'SEKSI-A1XY', units.A1X, 'bagian');
	units.B = await addUnit(t.db, 'DINAS-B', units.ROOT, 'dinas');
	units.B1 = await addUnit(t.db, 'BIDANG-B1', units.B, 'bidang');
	kadisA = actorOf(await person('KA', 'A', ['learner', 'supervisor'], 'Kepala A'));
	kadisB = actorOf(await person('KB', 'B', ['learner', 'supervisor'], 'Kepala B'));
	admin = actorOf(await person('ADM', 'ROOT', ['learner', 'admin'], 'Admin BKPSDM'));
	await person('A_1', 'A', ['learner'], 'Ani');
	await person('A1_1', 'A1', ['learner'], 'Budi');
	await person('A1X_1', 'A1X', ['learner'], 'Citra');
	await person('A1XY_1', 'A1XY', ['learner'], 'Dedi');
	await person('A1XY_2', 'A1XY', ['learner'], 'Erna');
	await person('B_1', 'B', ['learner'], 'Fajar');
	await person('B1_1', 'B1', ['learner'], 'Gita');
	await person('R_1', 'ROOT', ['learner'], 'Hasan');
	await t.db.insertInto('person').values({ nip: nextNip(), name: 'Irwan Nonaktif', unit_id: units.A1, active: false }).execute();
});

afterAll(async () => {
	await t?.dispose();
});

describe("a supervisor's reach", () => {
	it('is exactly the subtree of their unit, however deep, without themselves or inactive people', async () => {
		const { names, total } = await allPages(kadisA, { filter: {} });
		expect(names.sort()).toEqual(['Ani', 'Budi', 'Citra', 'Dedi', 'Erna']);
		expect(total).toBe(5);
		const b = await allPages(kadisB, { filter: {} });
		expect(b.names.sort()).toEqual(['Fajar', 'Gita']);
	});

	it('follows a person moved between units', async () => {
		await t.db.updateTable('person').set({ unit_id: units.B1 }).where('id', '=', people.A1X_1.id).execute();
		try {
			expect((await allPages(kadisA, { filter: {} })).names).not.toContain('Citra');
			expect((await allPages(kadisB, { filter: {} })).names).toContain('Citra');
		} finally {
			await t.db.updateTable('person').set({ unit_id: units.A1X }).where('id', '=', people.A1X_1.id).execute();
		}
	});

	it('narrows to a unit inside the subtree, and refuses a unit outside it', async () => {
		const inner = await allPages(kadisA, { unitCode: 'UPT-A1X', filter: {} });
		expect(inner.names.sort()).toEqual(['Citra', 'Dedi', 'Erna']);
		await expect(sup.teamOverview(t.db, kadisA, { unitCode: 'DINAS-B', filter: {}, offset: 0, limit: 10 }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(sup.teamOverview(t.db, kadisA, { unitCode: 'PEMKOT-S', filter: {}, offset: 0, limit: 10 }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(sup.teamCertificateList(t.db, kadisA, { unitCode: 'DINAS-B' }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
		const learner = actorOf(people.A_1);
		await expect(sup.teamOverview(t.db, learner, { filter: {}, offset: 0, limit: 10 }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('figures per person', () => {
	let course: { id: string; versionId: number }[];

	beforeAll(async () => {
		course = [];
		for (let i = 0; i < 8; i++) course.push(await addCourse(t.db, `Kursus ${i}`));
		const ani = people.A_1.id;
		const issued = new Date(NOW.getTime() - 300 * DAY);
		await addCertificate(t.db, ani, course[0], { issuedAt: issued, expiresAt: new Date(NOW.getTime() + 10 * DAY) });
		await addCertificate(t.db, ani, course[1], { issuedAt: issued, expiresAt: new Date(NOW.getTime() + 45 * DAY) });
		await addCertificate(t.db, ani, course[2], { issuedAt: issued, expiresAt: new Date(NOW.getTime() + 80 * DAY) });
		await addCertificate(t.db, ani, course[3], { issuedAt: issued, expiresAt: new Date(NOW.getTime() + 200 * DAY) });
		await addCertificate(t.db, ani, course[4], { issuedAt: issued, expiresAt: new Date(NOW.getTime() - 5 * DAY) });
		await addCertificate(t.db, ani, course[5], { issuedAt: issued, expiresAt: null, revokedAt: new Date(NOW.getTime() - DAY) });
		// Renewed: the lapsed certificate is replaced by the new one and no longer counts as expired.
		const budi = people.A1_1.id;
		await addCertificate(t.db, budi, course[6], { issuedAt: new Date(NOW.getTime() - 800 * DAY), expiresAt: new Date(NOW.getTime() - 70 * DAY) });
		await addCertificate(t.db, budi, course[6], { issuedAt: new Date(NOW.getTime() - 60 * DAY), expiresAt: new Date(NOW.getTime() + 670 * DAY) });
		await addJp(t.db, ani, '2026-02-01', 12);
		await addJp(t.db, ani, '2026-05-01', 9);
		await addJp(t.db, budi, '2025-12-31', 30); // last year: does not count
		await addJp(t.db, budi, '2026-01-01', 6);
		// Exactly the target, in halves: met (the roll-up sums hundredths as integers).
		await addJp(t.db, people.B_1.id, '2026-03-01', 12.5);
		await addJp(t.db, people.B_1.id, '2026-04-01', 7.5);
		await t.db.insertInto('development_plan').values({ person_id: ani, year: 2026, status: 'approved', snapshot: '{}', machine_version: 1, approved_at: NOW }).execute();
		await t.db.insertInto('development_plan').values({ person_id: budi, year: 2026, status: 'submitted', snapshot: '{}', machine_version: 1 }).execute();
		await t.db.insertInto('development_plan').values({ person_id: people.A1X_1.id, year: 2025, status: 'approved', snapshot: '{}', machine_version: 1, approved_at: NOW }).execute();
		await enrolIn(t.db, people.A1XY_1.id, course[7], { dueAt: '2026-06-01' });
		await enrolIn(t.db, people.A1XY_2.id, course[7], { dueAt: '2026-06-01', status: 'completed', completedAt: NOW });
		await enrolIn(t.db, people.A1X_1.id, course[7], { dueAt: '2026-07-01' });
	});

	it('count certificate states as the certification service decides them (90-day window)', async () => {
		const page = await sup.teamOverview(t.db, kadisA, { filter: { q: 'Ani' }, offset: 0, limit: 10 }, NOW);
		const ani = page!.rows[0];
		expect([ani.certValid, ani.certExp30, ani.certExp60, ani.certExp90, ani.certExpired]).toEqual([1, 1, 1, 1, 1]);
		expect(page!.summary.people).toBe(1);
		// Ani is the only holder placed directly in Dinas A: her certificates in the list, with the
		// certification service's state, give the same counts.
		const certs = await sup.teamCertificateList(t.db, kadisA, {}, NOW);
		const aniStates = certs!.rows.filter((c) => c.unitName === 'Unit DINAS-A').map((c) => certificateState({ expires_at: c.expiresAt, revoked_at: c.revokedAt }, NOW, 90));
		expect(aniStates.sort()).toEqual(['expired', 'expiring', 'expiring', 'expiring', 'revoked', 'valid']);
		const budi = (await sup.teamOverview(t.db, kadisA, { filter: { q: 'Budi' }, offset: 0, limit: 10 }, NOW))!.rows[0];
		expect([budi.certValid, budi.certExpired]).toEqual([1, 0]);
		// Every latest certificate of the team is in exactly one state, on screen and in the list.
		const all = await sup.teamOverview(t.db, kadisA, { filter: {}, offset: 0, limit: 50 }, NOW);
		const s = all!.summary;
		expect(s.certValid + s.certExp30 + s.certExp60 + s.certExp90 + s.certExpired).toBe(certs!.rows.filter((c) => c.latest && c.state !== 'revoked').length);
		expect(s.certExp30 + s.certExp60 + s.certExp90).toBe(certs!.rows.filter((c) => c.latest && c.state === 'expiring').length);
		expect(s.certExpired).toBe(certs!.rows.filter((c) => c.latest && c.state === 'expired').length);
	});

	it('use the expiring window setting, not a fixed 90 days, so the overview agrees with the certificate list', async () => {
		const setWindow = (days: number) => t.db.updateTable('app_setting').set({ value: JSON.stringify(days) }).where('key', '=', 'certificate_expiring_window_days').execute();
		await setWindow(60);
		try {
			const ani = (await sup.teamOverview(t.db, kadisA, { filter: { q: 'Ani' }, offset: 0, limit: 10 }, NOW))!.rows[0];
			// 10 and 45 days left are expiring; 80 days left is beyond the 60-day window: valid.
			expect([ani.certValid, ani.certExp30, ani.certExp60, ani.certExp90, ani.certExpired]).toEqual([2, 1, 1, 0, 1]);
			const certs = await sup.teamCertificateList(t.db, kadisA, {}, NOW);
			const s = (await sup.teamOverview(t.db, kadisA, { filter: {}, offset: 0, limit: 50 }, NOW))!.summary;
			expect(s.certExp30 + s.certExp60 + s.certExp90).toBe(certs!.rows.filter((c) => c.latest && c.state === 'expiring').length);
			expect(s.certValid).toBe(certs!.rows.filter((c) => c.latest && c.state === 'valid').length);
			const csv = await teamExport(t.db, kadisA, { kind: 'team', format: 'csv', unitCode: null, filter: { q: 'Ani' } }, NOW);
			expect(csv!.body.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n')[1].split(',').slice(6, 11).map(Number)).toEqual([2, 1, 1, 0, 1]);
		} finally {
			await setWindow(90);
		}
	});

	it('give JP of this calendar year against the target, the plan status and overdue assignments', async () => {
		const { rows } = (await sup.teamOverview(t.db, kadisA, { filter: {}, offset: 0, limit: 50 }, NOW))!;
		const by = Object.fromEntries(rows.map((r) => [r.name, r]));
		expect(by.Ani.jp).toBe(21);
		expect(by.Ani.jpMet).toBe(true);
		expect(by.Budi.jp).toBe(6);
		expect(by.Budi.jpMet).toBe(false);
		expect(by.Ani.planStatus).toBe('approved');
		expect(by.Budi.planStatus).toBe('submitted');
		expect(by.Citra.planStatus).toBeNull(); // last year's plan is not this year's
		expect(by.Dedi.overdue).toBe(1);
		expect(by.Erna.overdue).toBe(0); // completed after the due date: not overdue
		expect(by.Citra.overdue).toBe(0); // due later
	});

	it('filter and sort in the database, and page consistently', async () => {
		expect((await allPages(kadisA, { filter: { cert: 'within30' } })).names).toEqual(['Ani']);
		expect((await allPages(kadisA, { filter: { cert: 'expired' } })).names).toEqual(['Ani']);
		expect((await allPages(kadisA, { filter: { cert: 'none' } })).names.sort()).toEqual(['Citra', 'Dedi', 'Erna']);
		expect((await allPages(kadisA, { filter: { jp: 'met' } })).names).toEqual(['Ani']);
		expect((await allPages(kadisA, { filter: { plan: 'none' } })).names.sort()).toEqual(['Citra', 'Dedi', 'Erna']);
		expect((await allPages(kadisA, { filter: { overdue: true } })).names).toEqual(['Dedi']);
		const byJp = await allPages(kadisA, { filter: { sort: 'jp', dir: 'desc' } });
		expect(byJp.names.slice(0, 2)).toEqual(['Ani', 'Budi']);
		expect(byJp.total).toBe(5);
		const byExpiry = await allPages(kadisA, { filter: { sort: 'expiring', dir: 'asc' } });
		expect(byExpiry.names[0]).toBe('Ani');
	});

	it('export the same rows and figures as the screen shows', async () => {
		const filter = { sort: 'jp' as const, dir: 'desc' as const, cert: undefined };
		const screen = await sup.teamOverview(t.db, kadisA, { filter, offset: 0, limit: 50 }, NOW);
		const csv = await teamExport(t.db, kadisA, { kind: 'team', format: 'csv', unitCode: null, filter }, NOW);
		const lines = csv!.body.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines).toHaveLength(screen!.rows.length + 1);
		screen!.rows.forEach((r, i) => {
			const cells = lines[i + 1].split(',');
			expect(cells[0]).toBe(r.nip);
			expect(cells[1]).toBe(r.name);
			expect(Number(cells[4])).toBe(r.jp);
			expect(cells.slice(6, 11).map(Number)).toEqual([r.certValid, r.certExp30, r.certExp60, r.certExp90, r.certExpired]);
			expect(Number(cells[12])).toBe(r.overdue);
		});
		expect(csv!.filename).toMatch(/^ikhtisar-tim-dinas-a-2026-06-15\.csv$/);
		const xlsx = await teamExport(t.db, kadisA, { kind: 'team', format: 'xlsx', unitCode: null, filter }, NOW);
		const ExcelJS = (await import('exceljs')).default;
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(xlsx!.body as never);
		const sheet = wb.worksheets[0];
		expect(sheet.rowCount).toBe(screen!.rows.length + 1);
		screen!.rows.forEach((r, i) => {
			const row = sheet.getRow(i + 2);
			expect(row.getCell(2).value).toBe(r.name);
			expect(row.getCell(5).value).toBe(r.jp);
		});
		const certs = await teamExport(t.db, kadisA, { kind: 'certificates', format: 'csv', unitCode: null, filter: {} }, NOW);
		const list = await sup.teamCertificateList(t.db, kadisA, {}, NOW);
		expect(certs!.body.toString('utf8').trim().split('\r\n')).toHaveLength(list!.rows.length + 1);
		await expect(teamExport(t.db, kadisA, { kind: 'team', format: 'csv', unitCode: 'DINAS-B', filter: {} }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('the BKPSDM roll-up', () => {
	it('gives every unit its own people plus the sum of its child units, for every figure', async () => {
		const report = await sup.organisationReport(t.db, admin, NOW);
		const byId = new Map(report.units.map((u) => [u.unitId, u]));
		const figures = ['people', 'certified', 'jpMet', 'plansApproved', 'withOverdue'] as const;
		for (const u of report.units) {
			const children = report.units.filter((c) => c.parentId === u.unitId);
			const own = await sup.teamOverview(t.db, admin, { unitCode: u.code, filter: {}, offset: 0, limit: 1000 }, NOW);
			const ownRows = own!.rows.filter((r) => r.unitId === u.unitId);
			const direct = {
				people: ownRows.length,
				certified: ownRows.filter((r) => r.certValid + r.certExp30 + r.certExp60 + r.certExp90 > 0).length,
				jpMet: ownRows.filter((r) => r.jpMet).length,
				plansApproved: ownRows.filter((r) => r.planApproved).length,
				withOverdue: ownRows.filter((r) => r.overdue > 0).length
			};
			for (const f of figures) {
				expect(u[f], `${u.code} ${f}`).toBe(direct[f] + children.reduce((s, c) => s + byId.get(c.unitId)![f], 0));
			}
		}
		const root = report.units.find((u) => u.code === 'PEMKOT-S')!;
		expect(root.people).toBe(11); // 11 active people, the inactive one left out
		const b = report.units.find((u) => u.code === 'DINAS-B')!;
		expect(b.jpMet).toBe(1); // Fajar, with exactly 20 JP
		const a = report.units.find((u) => u.code === 'DINAS-A')!;
		expect([a.people, a.certified, a.jpMet, a.plansApproved, a.withOverdue]).toEqual([6, 2, 1, 1, 1]);
	});

	it('is for admins only', async () => {
		await expect(sup.organisationReport(t.db, kadisA, NOW)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(sup.courseReport(t.db, kadisA)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('reports per course enrolments, completions, pass rate and average score', async () => {
		const c = await addCourse(t.db, 'Kursus Statistik');
		const p1 = people.B_1.id;
		const p2 = people.B1_1.id;
		await addCertificate(t.db, p1, c, { issuedAt: new Date(NOW.getTime() - 10 * DAY), expiresAt: null, percent: 90 });
		await addCertificate(t.db, p2, c, { issuedAt: new Date(NOW.getTime() - 9 * DAY), expiresAt: null, percent: 50, passed: false });
		await addCertificate(t.db, p2, c, { issuedAt: new Date(NOW.getTime() - 8 * DAY), expiresAt: null, percent: 70 });
		const rows = await sup.courseReport(t.db, admin);
		const r = rows.find((x) => x.courseId === c.id)!;
		expect(r.enrolments).toBe(2);
		expect(r.completions).toBe(2);
		expect(r.attempts).toBe(3);
		expect(r.failures).toBe(1);
		expect(r.passRate).toBe(66.7);
		expect(r.averageScore).toBe(70);
		expect(r.averageExamMinutes).toBe(30);
		// The report reads a snapshot taken by an earlier test at the same instant: refresh it.
		const report = await sup.organisationReport(t.db, admin, NOW, { refresh: true });
		expect(report.failures[0]).toMatchObject({ courseId: c.id, failures: 1, attempts: 3 });
	});
});

describe('assignments', () => {
	let course: { id: string; versionId: number };
	beforeAll(async () => {
		course = await addCourse(t.db, 'Kursus Penugasan');
		await enrolIn(t.db, people.A1XY_2.id, course, { status: 'completed', completedAt: NOW });
		await enrolIn(t.db, people.A1X_1.id, course, {});
	});

	it('enrols the whole unit subtree with the due date, keeps completed work, and a repeat changes nothing', async () => {
		const input: sup.AssignInput = { courseId: course.id, dueOn: '2026-07-31', target: 'unit', unitCode: 'UPT-A1X' };
		const first = await sup.assignCourse(t.db, kadisA, input, NOW);
		expect(first).toMatchObject({ ok: true, people: 3, enrolled: 1, updated: 1 });
		const rows = await t.db.selectFrom('enrolment').select(['person_id', 'due_at', 'status', 'assigned_by']).where('course_id', '=', course.id).orderBy('person_id').execute();
		const by = new Map(rows.map((r) => [r.person_id, r]));
		expect(by.get(people.A1X_1.id)).toMatchObject({ due_at: '2026-07-31', status: 'active', assigned_by: kadisA.id });
		expect(by.get(people.A1XY_1.id)).toMatchObject({ due_at: '2026-07-31', status: 'active' });
		expect(by.get(people.A1XY_2.id)).toMatchObject({ due_at: null, status: 'completed', assigned_by: null });
		const notes = async () => (await t.db.selectFrom('notification').select('person_id').where('kind', '=', 'sup_assigned').execute()).length;
		expect(await notes()).toBe(2);
		const again = await sup.assignCourse(t.db, kadisA, input, NOW);
		expect(again).toMatchObject({ ok: true, enrolled: 0, updated: 0 });
		expect(await notes()).toBe(2);
		const count = await t.db.selectFrom('enrolment').select((eb) => eb.fn.countAll<number>().as('n')).where('course_id', '=', course.id).executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(3);
	});

	it('names chosen people by NIP or e-mail, and refuses anyone outside the reach', async () => {
		const nip = (await t.db.selectFrom('person').select('nip').where('id', '=', people.A_1.id).executeTakeFirstOrThrow()).nip!;
		const ok = await sup.assignCourse(t.db, kadisA, { courseId: course.id, dueOn: '2026-08-15', target: 'people', people: [nip, 'A1_1@Medan.go.id'] }, NOW);
		expect(ok).toMatchObject({ ok: true, people: 2, enrolled: 2 });
		await expect(sup.assignCourse(t.db, kadisA, { courseId: course.id, dueOn: '2026-08-15', target: 'people', people: ['b_1@medan.go.id'] }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(sup.assignCourse(t.db, kadisA, { courseId: course.id, dueOn: '2026-08-15', target: 'unit', unitCode: 'DINAS-B' }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
		const fajar = await t.db.selectFrom('enrolment').select('id').where('person_id', '=', people.B_1.id).where('course_id', '=', course.id).executeTakeFirst();
		expect(fajar).toBeUndefined();
		// BKPSDM may assign anywhere.
		expect(await sup.assignCourse(t.db, admin, { courseId: course.id, dueOn: '2026-08-15', target: 'unit', unitCode: 'DINAS-B' }, NOW)).toMatchObject({ ok: true, people: 3 });
	});

	it('answers every problem of the form at once', async () => {
		const r = await sup.assignCourse(t.db, kadisA, { courseId: 'tidak-ada', dueOn: '2026-01-01', target: 'people', people: ['199901012020011999'] }, NOW);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.map((e) => e.field).sort()).toEqual(['courseId', 'dueOn', 'people']);
		expect(r.errors.find((e) => e.field === 'dueOn')!.code).toBe('sup_err_due_past');
		expect(TODAY).toBe('2026-06-15');
	});

	it('refuses a day that does not exist (31 February) as a field error instead of a database failure', async () => {
		for (const dueOn of ['2026-02-31', '2026-09-31', '2027-02-29']) {
			const r = await sup.assignCourse(t.db, kadisA, { courseId: course.id, dueOn, target: 'unit', unitCode: 'DINAS-A' }, NOW);
			expect(r).toEqual({ ok: false, errors: [{ field: 'dueOn', code: 'sup_err_due_date' }] });
		}
		expect(sup.isRealDate('2028-02-29')).toBe(true);
	});
});

describe('notifications', () => {
	it('are each person’s own: marking someone else’s id changes nothing, marking twice is harmless', async () => {
		const dedi = actorOf(people.A1XY_1);
		const erna = actorOf(people.A1XY_2);
		const mine = await myNotifications(t.db, dedi);
		expect(mine.rows.map((n) => n.kind)).toContain('sup_assigned');
		const before = await myUnreadCount(t.db, dedi);
		expect(before).toBeGreaterThan(0);
		await markMyNotificationsRead(t.db, erna, [mine.rows[0].id]);
		expect(await myUnreadCount(t.db, dedi)).toBe(before);
		await markMyNotificationsRead(t.db, dedi, [mine.rows[0].id]);
		await markMyNotificationsRead(t.db, dedi, [mine.rows[0].id]);
		expect(await myUnreadCount(t.db, dedi)).toBe(before - 1);
		await markMyNotificationsRead(t.db, dedi, 'all');
		expect(await myUnreadCount(t.db, dedi)).toBe(0);
		await expect(myNotifications(t.db, null)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('paging', () => {
	it('the team certificate list pages in SQL with its total; every page together is the whole list, which the export keeps', async () => {
		const whole = (await sup.teamCertificateList(t.db, kadisA, {}, NOW))!;
		expect(whole.rows.length).toBeGreaterThan(3);
		const ids: number[] = [];
		for (let offset = 0; offset < whole.rows.length + 3; offset += 3) {
			const page = (await sup.teamCertificateList(t.db, kadisA, { offset, limit: 3 }, NOW))!;
			expect(page.total).toBe(whole.rows.length);
			expect(page.rows.length).toBeLessThanOrEqual(3);
			ids.push(...page.rows.map((r) => r.id));
		}
		expect(ids).toEqual(whole.rows.map((r) => r.id));
		const csv = await teamExport(t.db, kadisA, { kind: 'certificates', format: 'csv', unitCode: null, filter: {} }, NOW);
		expect(csv!.body.toString('utf8').trim().split('\r\n')).toHaveLength(whole.rows.length + 1);
	});

	it('older notifications stay reachable page by page, newest first', async () => {
		const gita = actorOf(await person('B1_NOTES', 'B1', ['learner'], 'Gita Pemberitahuan'));
		for (let i = 1; i <= 105; i++) await createNotification(t.db, { personId: gita.id, kind: 'sup_assigned', params: { course: `Kursus ${i}` }, dedupeKey: `paging-${i}` });
		const first = await myNotifications(t.db, gita, { offset: 0, limit: 50 });
		expect(first.total).toBe(105);
		expect(first.rows).toHaveLength(50);
		const last = await myNotifications(t.db, gita, { offset: 100, limit: 50 });
		expect(last.rows).toHaveLength(5);
		// The very first notification, beyond the old fixed limit of 100, is on the last page.
		expect(last.rows.at(-1)!.params).toEqual({ course: 'Kursus 1' });
		const seen = new Set<number>();
		for (let offset = 0; offset < 105; offset += 50) for (const r of (await myNotifications(t.db, gita, { offset, limit: 50 })).rows) seen.add(r.id);
		expect(seen.size).toBe(105);
	});
});

describe('certificate export dates', () => {
	it('are the WIB calendar day the screen shows, also for an instant between 00:00 and 07:00 WIB', async () => {
		const holder = await person('B1_WIB', 'B1', ['learner'], 'Joko Waktu');
		const course = await addCourse(t.db, 'Kursus Dini Hari');
		// 01:30 WIB on 10 June 2026 is still 9 June in UTC.
		await addCertificate(t.db, holder.id, course, { issuedAt: new Date('2026-06-09T18:30:00Z'), expiresAt: new Date('2028-06-09T18:30:00Z') });
		const csv = await teamExport(t.db, kadisB, { kind: 'certificates', format: 'csv', unitCode: null, filter: {} }, NOW);
		const { code } = await t.db.selectFrom('certificate').select('code').where('person_id', '=', holder.id).executeTakeFirstOrThrow();
		const line = csv!.body.toString('utf8').split('\r\n').find((l) => l.includes(code))!;
		expect(line.split(',').slice(5, 7)).toEqual(['2026-06-10', '2028-06-10']);
	});
});
