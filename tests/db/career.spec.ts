// The career area against a real database: the completion pipeline (JP, evidence and the plan in
// one transaction), the plan's path through supervisors, supervisors' reach decided in SQL,
// external trainings, requirements import.
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import type { Course, Question } from '../../src/lib/content/types';
import { syncCatalog } from '../../src/lib/server/catalog/catalog.sync';
import { setContentIndex } from '../../src/lib/server/catalog/content-index';
import { answerPractice, completeModule, courseForLearner, enrol } from '../../src/lib/server/learning/learning.service';
import { gradeEssay, saveAnswers, startAttempt, submitAttempt, viewAttempt } from '../../src/lib/server/assessment/exam.service';
import { revokeCertificate } from '../../src/lib/server/certification/certification.service';
import { recordCompletion } from '../../src/lib/server/career/completion.service';
import { addItem, approvePlan, evaluatePlan, myPlan, planForSupervisor, planSummary, requestChanges, startPlan, submitPlan, supervisorPlans } from '../../src/lib/server/career/plan.service';
import { pendingTrainings, reviewTraining, submitTraining, trainingDocument } from '../../src/lib/server/career/external-training.service';
import { addManualEvidence, competencyProfile, savePositionRequirements } from '../../src/lib/server/competency/competency.service';
import { importRequirements } from '../../src/lib/server/competency/requirements-import';
import type { Actor } from '../../src/lib/server/access';
import { createTestDatabase, type TestDatabase } from './test-db';
import { addPerson, addUnit } from './fixtures';
import { correctResponse } from '../support/answers';

const COURSE = 'e-government-spbe';
let t: TestDatabase;
let course: Course;
let positionId: number;
let kecamatan: number;
let kelurahan: number;
let elsewhere: number;
let camat: Actor;
let lurah: Actor;
let outsider: Actor;
let admin: Actor;

const actor = (p: { id: number; roles: readonly string[]; unitId: number | null }): Actor => ({ id: p.id, roles: [...p.roles] as Actor['roles'], unitId: p.unitId });
const titleOf = (p: { courseTitle: string | null; competencyName: string; kind: string }) => p.courseTitle ?? `${p.kind}: ${p.competencyName}`;
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

beforeAll(async () => {
	const { courses, problems } = loadContent(path.resolve('content'));
	expect(problems).toEqual([]);
	setContentIndex(courses);
	course = courses.find((c) => c.id === COURSE)!;
	t = await createTestDatabase();
	await syncCatalog(t.db, courses);
	kecamatan = await addUnit(t.db, 'KEC-UJI', null, 'kecamatan');
	kelurahan = await addUnit(t.db, 'KEL-UJI', kecamatan, 'kelurahan');
	elsewhere = await addUnit(t.db, 'DINAS-LAIN', null, 'dinas');
	({ id: positionId } = await t.db.insertInto('job_position').values({ code: 'PENGELOLA-UJI', name: 'Pengelola Layanan', kind: 'pelaksana' }).returning('id').executeTakeFirstOrThrow());
	camat = actor(await addPerson(t.db, { unitId: kecamatan, roles: ['learner', 'supervisor'], name: 'Camat Uji' }));
	lurah = actor(await addPerson(t.db, { unitId: kelurahan, roles: ['learner', 'supervisor'], supervisorId: camat.id, name: 'Lurah Uji' }));
	outsider = actor(await addPerson(t.db, { unitId: elsewhere, roles: ['learner', 'supervisor'], name: 'Kepala Dinas Lain' }));
	admin = actor(await addPerson(t.db, { roles: ['learner', 'admin'] }));
	expect((await savePositionRequirements(t.db, admin, positionId, { 'TEK-SPBE': '2', 'MNJ-MP': '2', 'TEK-YAN': '3' })).ok).toBe(true);
});
afterAll(async () => t.dispose());

async function newLearner(name: string) {
	const p = await addPerson(t.db, { unitId: kelurahan, supervisorId: lurah.id, name });
	await t.db.updateTable('person').set({ position_id: positionId }).where('id', '=', p.id).execute();
	return actor(p);
}

/** A learner whose plan holds the e-government course, approved by the lurah. */
async function approvedLearner(name: string) {
	const learner = await newLearner(name);
	await startPlan(t.db, learner, titleOf);
	const plan = (await myPlan(t.db, learner)).plan!;
	expect(plan.items.some((i) => i.courseId === COURSE)).toBe(true);
	expect((await submitPlan(t.db, learner)).ok).toBe(true);
	expect((await approvePlan(t.db, lurah, plan.id, 'Setuju.')).ok).toBe(true);
	return { learner, planId: plan.id };
}

async function completeAll(learner: Actor, stopBeforeLast = false) {
	await enrol(t.db, learner, COURSE);
	const { version } = (await courseForLearner(t.db, learner, COURSE))!;
	const modules = stopBeforeLast ? version.modules.slice(0, -1) : version.modules;
	for (const mod of modules) {
		for (const qid of mod.questionIds) await answerPractice(t.db, learner, COURSE, mod.moduleId, qid, 'a');
		await completeModule(t.db, learner, COURSE, mod.moduleId);
	}
	return version.modules.at(-1)!;
}

async function passExam(learner: Actor) {
	const started = (await startAttempt(t.db, learner, COURSE)) as { ok: true; attemptId: number };
	const ids = (await viewAttempt(t.db, learner, started.attemptId))!.questions.map((q) => q.public.id);
	const question = (id: string) => course.exam!.pool.find((q) => q.id === id) as Question;
	await saveAnswers(t.db, learner, started.attemptId, Object.fromEntries(ids.map((id) => [id, correctResponse(question(id))])));
	await submitAttempt(t.db, learner, started.attemptId);
	for (const id of ids.filter((id) => question(id).type === 'essay')) await gradeEssay(t.db, admin, started.attemptId, id, 10, 'Lengkap.');
}

const jpRows = (personId: number) => t.db.selectFrom('jp_entry').selectAll().where('person_id', '=', personId).execute();
const evidenceRows = (personId: number) => t.db.selectFrom('competency_evidence').selectAll().where('person_id', '=', personId).execute();
const itemOf = (planId: number) => t.db.selectFrom('plan_item').selectAll().where('plan_id', '=', planId).where('course_id', '=', COURSE).executeTakeFirstOrThrow();
const planRow = (planId: number) => t.db.selectFrom('development_plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();

describe('the completion pipeline', () => {
	it('completing the course writes JP once, marks the plan item done and starts the plan; passing the exam adds evidence and raises the level', async () => {
		const { learner, planId } = await approvedLearner('Nurul Hidayah');
		const before = await competencyProfile(t.db, learner, learner.id);
		expect(before.rows.find((r) => r.code === 'TEK-SPBE')).toMatchObject({ required: 2, current: 0, gap: 2 });

		await completeAll(learner);
		expect((await jpRows(learner.id)).map((r) => [r.source, r.kind, Number(r.jp)])).toEqual([['elearning', 'non-klasikal', course.jp]]);
		expect(await itemOf(planId)).toMatchObject({ status: 'done' });
		expect(await planRow(planId)).toMatchObject({ status: 'in-progress' });
		const events = await t.db.selectFrom('plan_event').select(['event', 'from_status', 'to_status']).where('plan_id', '=', planId).orderBy('id').execute();
		expect(events.map((e) => `${e.event}:${e.from_status}>${e.to_status}`)).toEqual([
			'learner.submit:draft>submitted',
			'supervisor.approve:submitted>approved',
			'system.itemCompleted:approved>in-progress'
		]);

		await passExam(learner);
		// Still one JP entry for the course: the exam's completion counts nothing twice.
		expect(await jpRows(learner.id)).toHaveLength(1);
		const evidence = await evidenceRows(learner.id);
		expect(evidence.map((e) => `${e.competency_code}:${e.level}:${e.source}`).sort()).toEqual(course.competencies.map((c) => `${c.code}:${c.level}:certificate`).sort());
		const after = await competencyProfile(t.db, learner, learner.id);
		const spbe = after.rows.find((r) => r.code === 'TEK-SPBE')!;
		expect(spbe).toMatchObject({ current: 2, gap: 0 });
		expect(spbe.basis?.link).toMatch(/^\/verify\/BINA-/);
		expect(after.jp.total).toBe(course.jp);

		// Processing the same completion again changes nothing.
		const enrolment = await t.db.selectFrom('enrolment').select('id').where('person_id', '=', learner.id).executeTakeFirstOrThrow();
		await t.db.transaction().execute((trx) => recordCompletion(trx, { enrolmentId: enrolment.id, completedAt: new Date() }));
		expect(await jpRows(learner.id)).toHaveLength(1);
		expect(await t.db.selectFrom('plan_event').select('id').where('plan_id', '=', planId).execute()).toHaveLength(3);

		// A revoked certificate stops counting, and the record says why.
		const cert = await t.db.selectFrom('certificate').select('code').where('person_id', '=', learner.id).executeTakeFirstOrThrow();
		await revokeCertificate(t.db, admin, cert.code, 'Ditemukan kecurangan.');
		const revoked = (await competencyProfile(t.db, learner, learner.id)).rows.find((r) => r.code === 'TEK-SPBE')!;
		expect(revoked.current).toBe(0);
		expect(revoked.stopped[0]).toMatchObject({ state: 'revoked', revokedReason: 'Ditemukan kecurangan.' });
	});

	it('a failure in the last step of the pipeline leaves nothing half-written', async () => {
		const { learner, planId } = await approvedLearner('Rina Sembiring');
		const last = await completeAll(learner, true);
		for (const qid of last.questionIds) await answerPractice(t.db, learner, COURSE, last.moduleId, qid, 'a');
		// The plan's transition record is the pipeline's last write: make it fail for this plan.
		await sql`create function fail_plan_event() returns trigger language plpgsql as $$ begin
			if new.plan_id = ${sql.lit(planId)} then raise exception 'plan_event refused for the test'; end if; return new; end $$`.execute(t.db);
		await sql`create trigger fail_plan_event before insert on plan_event for each row execute function fail_plan_event()`.execute(t.db);
		try {
			await expect(completeModule(t.db, learner, COURSE, last.moduleId)).rejects.toThrow(/plan_event refused/);
		} finally {
			await sql`drop trigger fail_plan_event on plan_event`.execute(t.db);
			await sql`drop function fail_plan_event()`.execute(t.db);
		}
		expect(await jpRows(learner.id)).toEqual([]);
		expect(await itemOf(planId)).toMatchObject({ status: 'planned', completed_at: null });
		expect(await planRow(planId)).toMatchObject({ status: 'approved' });
		const enrolment = await t.db.selectFrom('enrolment').select(['id', 'status']).where('person_id', '=', learner.id).executeTakeFirstOrThrow();
		expect(enrolment.status).not.toBe('completed');
		expect(await t.db.selectFrom('module_progress').select('module_id').where('enrolment_id', '=', enrolment.id).where('module_id', '=', last.moduleId).execute()).toEqual([]);

		// Without the failure the same step goes through completely.
		await completeModule(t.db, learner, COURSE, last.moduleId);
		expect(await jpRows(learner.id)).toHaveLength(1);
		expect(await itemOf(planId)).toMatchObject({ status: 'done' });
	});
});

describe('the plan between learner and supervisors', () => {
	it('changes requested, resubmitted, approved: only the direct supervisor decides, and every step is recorded', async () => {
		const learner = await newLearner('Dewi Lestari');
		expect(await submitPlan(t.db, learner)).toEqual({ ok: false, code: 'career_plan_missing' });
		await startPlan(t.db, learner, titleOf);
		await startPlan(t.db, learner, titleOf); // a double click starts one plan
		expect(await t.db.selectFrom('development_plan').select('id').where('person_id', '=', learner.id).execute()).toHaveLength(1);
		const planId = (await myPlan(t.db, learner)).plan!.id;
		expect((await submitPlan(t.db, learner)).ok).toBe(true);
		expect((await submitPlan(t.db, learner)).ok).toBe(true); // a double submit is harmless
		// The lurah is told.
		expect(await t.db.selectFrom('notification').select(['kind', 'link']).where('person_id', '=', lurah.id).where('link', '=', `/supervisor/plans/${planId}`).execute()).toEqual([
			{ kind: 'career_plan_submitted', link: `/supervisor/plans/${planId}` }
		]);

		// The camat sees the plan (his subtree) but is not the direct supervisor; an outsider sees nothing.
		expect((await planForSupervisor(t.db, camat, planId))!.isDirectSupervisor).toBe(false);
		expect(await approvePlan(t.db, camat, planId, '')).toEqual({ ok: false, code: 'career_plan_not_allowed' });
		await expect(planForSupervisor(t.db, outsider, planId)).rejects.toThrow();
		await expect(approvePlan(t.db, outsider, planId, '')).rejects.toThrow();
		await expect(approvePlan(t.db, learner, planId, '')).rejects.toThrow();

		expect(await requestChanges(t.db, lurah, planId, '  ')).toMatchObject({ ok: false, code: 'career_err_comment_required' });
		expect((await requestChanges(t.db, lurah, planId, 'Tambahkan mentoring pengaduan.')).ok).toBe(true);
		expect((await myPlan(t.db, learner)).plan).toMatchObject({ status: 'changes-requested', lastComment: 'Tambahkan mentoring pengaduan.' });
		expect((await addItem(t.db, learner, { kind: 'mentoring', title: 'Mentoring pengaduan', competencyCode: 'TEK-YAN', targetLevel: '3', courseId: '', targetDate: '' })).ok).toBe(true);
		expect((await submitPlan(t.db, learner)).ok).toBe(true);
		expect((await approvePlan(t.db, lurah, planId, '')).ok).toBe(true);
		// Approved: the learner can no longer change it.
		expect(await addItem(t.db, learner, { kind: 'on-the-job', title: 'Tugas', competencyCode: '', targetLevel: '', courseId: '', targetDate: '' })).toEqual({ ok: false, code: 'career_plan_locked' });
		const events = await t.db.selectFrom('plan_event').select(['event', 'actor_id', 'comment']).where('plan_id', '=', planId).orderBy('id').execute();
		expect(events).toEqual([
			{ event: 'learner.submit', actor_id: learner.id, comment: null },
			{ event: 'supervisor.requestChanges', actor_id: lurah.id, comment: 'Tambahkan mentoring pengaduan.' },
			{ event: 'learner.submit', actor_id: learner.id, comment: null },
			{ event: 'supervisor.approve', actor_id: lurah.id, comment: null }
		]);
	});

	it('at year end only the direct supervisor evaluates, with a known rating; the evaluation is final', async () => {
		const { learner, planId } = await approvedLearner('Tiurma Sinaga');
		expect(await planSummary(t.db, lurah)).toMatchObject({ awaiting: 0 });
		// The plan is of this year; evaluation opens on 1 December (WIB) of it.
		const year = (await planRow(planId)).year;
		const december = new Date(`${year}-12-01T00:30:00+07:00`);
		const lastOfNovember = new Date(`${year}-11-30T23:30:00+07:00`);
		expect(await evaluatePlan(t.db, lurah, planId, 'luar-biasa', '', december)).toEqual({ ok: false, code: 'err_choose', field: 'rating' });
		expect(await evaluatePlan(t.db, lurah, planId, 'sebagian', 'Terlalu dini.', lastOfNovember)).toEqual({ ok: false, code: 'career_err_evaluate_too_early' });
		expect(await planRow(planId)).toMatchObject({ status: 'approved', evaluation_rating: null });
		await expect(evaluatePlan(t.db, outsider, planId, 'tercapai', '', lastOfNovember)).rejects.toThrow(); // out of reach: no hint about timing
		expect(await evaluatePlan(t.db, camat, planId, 'tercapai', '', december)).toEqual({ ok: false, code: 'career_plan_not_allowed' });
		expect((await evaluatePlan(t.db, lurah, planId, 'sebagian', 'Kursus selesai, mentoring belum.', december)).ok).toBe(true);
		expect(await planRow(planId)).toMatchObject({ status: 'evaluated', evaluation_rating: 'sebagian', evaluation_note: 'Kursus selesai, mentoring belum.' });
		expect(await evaluatePlan(t.db, lurah, planId, 'tercapai', '', december)).toEqual({ ok: false, code: 'career_plan_not_allowed' });
		expect((await planSummary(t.db, learner)).plan).toMatchObject({ status: 'evaluated' });
		// The stored snapshot restores to the same state with the machine's version beside it.
		const row = await planRow(planId);
		expect(row.machine_version).toBe(1);
		expect((row.snapshot as { value: string }).value).toBe('evaluated');
	});

	it('a supervisor lists only plans of people in their unit subtree', async () => {
		const inside = await newLearner('Sri Wahyuni');
		await startPlan(t.db, inside, titleOf);
		await submitPlan(t.db, inside);
		const far = actor(await addPerson(t.db, { unitId: elsewhere, supervisorId: lurah.id, name: 'Pindahan Dinas Lain' }));
		await startPlan(t.db, far, titleOf);
		await t.db.insertInto('plan_item').values({ plan_id: (await myPlan(t.db, far)).plan!.id, position: 1, kind: 'on-the-job', title: 'Tugas' }).execute();
		await submitPlan(t.db, far);
		const names = (await supervisorPlans(t.db, lurah)).map((p) => p.name);
		expect(names).toContain('Sri Wahyuni');
		// Named as supervisor, but outside the lurah's unit subtree: not shown.
		expect(names).not.toContain('Pindahan Dinas Lain');
		expect(await supervisorPlans(t.db, outsider)).toEqual([]);
	});
});

describe('reach over competency records, decided in SQL', () => {
	it('the person, supervisors up the unit tree and admins open a record; nobody else', async () => {
		const learner = await newLearner('Yohana Sitompul');
		const other = await newLearner('Maria Simanjuntak');
		for (const who of [learner, lurah, camat, admin]) expect((await competencyProfile(t.db, who, learner.id)).person.name).toBe('Yohana Sitompul');
		await expect(competencyProfile(t.db, outsider, learner.id)).rejects.toThrow();
		await expect(competencyProfile(t.db, other, learner.id)).rejects.toThrow();
		// Manual evidence: the supervisor in reach may, the outsider may not, nobody for themselves.
		expect((await addManualEvidence(t.db, lurah, learner.id, { competencyCode: 'TEK-YAN', level: '2', note: 'Melayani loket dengan baik.', validUntil: '' })).ok).toBe(true);
		await expect(addManualEvidence(t.db, outsider, learner.id, { competencyCode: 'TEK-YAN', level: '2', note: 'x', validUntil: '' })).rejects.toThrow();
		await expect(addManualEvidence(t.db, lurah, lurah.id, { competencyCode: 'TEK-YAN', level: '5', note: 'x', validUntil: '' })).rejects.toThrow();
		expect(await addManualEvidence(t.db, lurah, learner.id, { competencyCode: 'TEK-YAN', level: '9', note: '', validUntil: '' })).toMatchObject({ ok: false });
		const yan = (await competencyProfile(t.db, learner, learner.id)).rows.find((r) => r.code === 'TEK-YAN')!;
		expect(yan).toMatchObject({ current: 2, required: 3, gap: 1 });
		expect(yan.basis).toMatchObject({ source: 'manual', note: 'Melayani loket dengan baik.', recordedBy: 'Lurah Uji' });
	});
});

describe('external trainings', () => {
	it('the direct supervisor verifies: JP of the training’s kind and evidence; only owner, direct supervisor and admins open the document', async () => {
		const learner = await newLearner('Fitri Handayani');
		const input = { title: 'Bimtek SIAK', organiser: 'Disdukcapil Kota Medan', kind: 'klasikal', startDate: '2026-01-20', endDate: '2026-01-22', jp: '24', competencyCode: 'TEK-SPBE', competencyLevel: '2' };
		const bad = await submitTraining(t.db, learner, { ...input, jp: '0', document: { name: 'x.exe', bytes: new TextEncoder().encode('MZ...') } }, new Date('2026-03-01T00:00:00Z'));
		expect(bad).toMatchObject({ ok: false, problems: expect.arrayContaining([{ field: 'jp', code: 'career_err_jp' }, { field: 'document', code: 'career_err_document_type' }]) });
		const big = await submitTraining(t.db, learner, { ...input, document: { name: 'besar.pdf', bytes: new Uint8Array(3 * 1024 * 1024).fill(0x25) } }, new Date('2026-03-01T00:00:00Z'));
		expect(big).toMatchObject({ ok: false, problems: [{ field: 'document', code: 'career_err_document_size' }] });
		const ok = await submitTraining(t.db, learner, { ...input, document: { name: 'sertifikat.pdf', bytes: PDF } }, new Date('2026-03-01T00:00:00Z'));
		expect(ok.ok).toBe(true);
		const id = (ok as { id: number }).id;

		expect((await pendingTrainings(t.db, lurah)).map((r) => r.id)).toContain(id);
		expect(await pendingTrainings(t.db, camat)).toEqual([]);
		for (const who of [learner, lurah, admin]) expect((await trainingDocument(t.db, who, id)).type).toBe('application/pdf');
		for (const who of [camat, outsider]) await expect(trainingDocument(t.db, who, id)).rejects.toThrow();
		await expect(reviewTraining(t.db, camat, id, 'verify', '')).rejects.toThrow();
		expect(await reviewTraining(t.db, lurah, id, 'reject', ' ')).toEqual({ ok: false, code: 'career_err_note_required' });

		expect((await reviewTraining(t.db, lurah, id, 'verify', 'Sertifikat sah.')).ok).toBe(true);
		expect((await reviewTraining(t.db, lurah, id, 'verify', 'Sertifikat sah.')).ok).toBe(true); // double submit
		expect((await jpRows(learner.id)).map((r) => [r.kind, r.source, Number(r.jp), r.occurred_on])).toEqual([['klasikal', 'external', 24, '2026-01-22']]);
		expect((await evidenceRows(learner.id)).map((e) => [e.competency_code, e.level, e.source])).toEqual([['TEK-SPBE', 2, 'external']]);
		// The record links the document only for those who may open it: the camat reads the record but gets no link (it would answer 403).
		const linkFor = async (who: Actor) => (await competencyProfile(t.db, who, learner.id)).rows.find((r) => r.code === 'TEK-SPBE')!.basis;
		for (const who of [learner, lurah, admin]) expect(await linkFor(who)).toMatchObject({ source: 'external', link: `/competency/training/${id}/document` });
		expect(await linkFor(camat)).toMatchObject({ source: 'external', link: null });
	});
});

describe('a repeated training submission', () => {
	it('stores one training and books its JP once, even when both submissions are verified', async () => {
		const learner = await newLearner('Rahmat Siregar');
		const input = { title: 'Diklat Pelayanan Prima', organiser: 'BPSDM Provinsi Sumatera Utara', kind: 'klasikal', startDate: '2026-02-09', endDate: '2026-02-11', jp: '18', competencyCode: '', competencyLevel: '', document: { name: 'sertifikat.pdf', bytes: PDF } };
		const first = await submitTraining(t.db, learner, input, new Date('2026-03-01T00:00:00Z'));
		const second = await submitTraining(t.db, learner, input, new Date('2026-03-01T00:00:01Z')); // double POST
		expect(first.ok && second.ok).toBe(true);
		expect((second as { id: number }).id).toBe((first as { id: number }).id);
		const stored = await t.db.selectFrom('external_training').select('id').where('person_id', '=', learner.id).execute();
		expect(stored).toHaveLength(1);
		for (const r of [first, second]) expect((await reviewTraining(t.db, lurah, (r as { id: number }).id, 'verify', 'Sah.')).ok).toBe(true);
		expect((await jpRows(learner.id)).map((r) => Number(r.jp))).toEqual([18]);
	});
});

describe('requirements import', () => {
	it('is all or nothing and names every bad row', async () => {
		const csv = ['kode_jabatan,kode_kompetensi,level', 'PENGELOLA-UJI,TEK-ADU,2', 'TIDAK-ADA,TEK-ADU,2', 'PENGELOLA-UJI,TEK-XXX,2', 'PENGELOLA-UJI,TEK-DATA,7', 'PENGELOLA-UJI,TEK-ADU,3'].join('\n');
		const result = await importRequirements(t.db, admin, csv);
		expect(result).toEqual({
			ok: false,
			problems: [
				{ line: 3, code: 'import_position_unknown', value: 'TIDAK-ADA' },
				{ line: 4, code: 'career_import_competency_unknown', value: 'TEK-XXX' },
				{ line: 5, code: 'career_import_level', value: '7' },
				{ line: 6, code: 'career_import_duplicate', value: 'PENGELOLA-UJI/TEK-ADU', otherLine: 2 }
			]
		});
		const adu = () => t.db.selectFrom('position_competency').select('required_level').where('position_id', '=', positionId).where('competency_code', '=', 'TEK-ADU').executeTakeFirst();
		expect(await adu()).toBeUndefined();
		expect(await importRequirements(t.db, admin, 'kode_jabatan;kode_kompetensi;level\npengelola-uji;tek-adu;2\nPENGELOLA-UJI;MNJ-MP;\n')).toEqual({ ok: true, imported: 2 });
		expect(await adu()).toEqual({ required_level: 2 });
		// An empty level removed MNJ-MP.
		expect(await t.db.selectFrom('position_competency').select('competency_code').where('position_id', '=', positionId).where('competency_code', '=', 'MNJ-MP').execute()).toEqual([]);
		await expect(importRequirements(t.db, lurah, csv)).rejects.toThrow();
	});
});
