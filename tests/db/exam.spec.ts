import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { syncCatalog } from '../../src/lib/server/catalog/catalog.sync';
import { setContentIndex } from '../../src/lib/server/catalog/content-index';
import { answerPractice, completeModule, courseForLearner, enrol } from '../../src/lib/server/learning/learning.service';
import { examOverview, grantRetry, gradeEssay, saveAnswers, startAttempt, submitAttempt, viewAttempt } from '../../src/lib/server/assessment/exam.service';
import { myCertificates, revokeCertificate, tickCertifications, verifyCertificate } from '../../src/lib/server/certification/certification.service';
import type { Course, Question } from '../../src/lib/content/types';
import { createTestDatabase, type TestDatabase } from './test-db';
import { addPerson } from './fixtures';
import { correctResponse } from '../support/answers';

const COURSE = 'pelayanan-publik-prima';
let t: TestDatabase;
let course: Course;
const MIN = 60_000;

beforeAll(async () => {
	const { courses, problems } = loadContent(path.resolve('content'));
	expect(problems).toEqual([]);
	setContentIndex(courses);
	course = courses.find((c) => c.id === COURSE)!;
	t = await createTestDatabase();
	await syncCatalog(t.db, courses);
});
afterAll(async () => t.dispose());

const question = (id: string): Question => course.exam!.pool.find((q) => q.id === id)!;

/** A learner enrolled with every module done, ready for the exam. */
async function readyLearner() {
	const p = await addPerson(t.db, { name: 'Siti Aisyah Harahap' });
	const actor = { id: p.id, roles: ['learner' as const], unitId: null };
	await enrol(t.db, actor, COURSE);
	const { version } = (await courseForLearner(t.db, actor, COURSE))!;
	for (const mod of version.modules) {
		for (const qid of mod.questionIds) await answerPractice(t.db, actor, COURSE, mod.moduleId, qid, 'a');
		await completeModule(t.db, actor, COURSE, mod.moduleId);
	}
	return actor;
}

async function idsOf(attemptId: number, actor: { id: number; roles: readonly ('learner' | 'trainer' | 'admin' | 'supervisor')[]; unitId: null }, now = new Date()) {
	// Reading enforces the deadline, so read at the test's own clock.
	const view = (await viewAttempt(t.db, actor, attemptId, now))!;
	return view.questions.map((q) => q.public.id);
}

describe('final exam and certificate', () => {
	it('the exam opens only when every module is done', async () => {
		const p = await addPerson(t.db);
		const actor = { id: p.id, roles: ['learner' as const], unitId: null };
		await enrol(t.db, actor, COURSE);
		const overview = await examOverview(t.db, actor, COURSE);
		expect(overview.block).toMatchObject({ code: 'modules_incomplete', done: 0 });
		expect(await startAttempt(t.db, actor, COURSE)).toMatchObject({ ok: false });
	});

	it('resumes exactly after a restart, refuses a late answer and submits as it stood', async () => {
		const actor = await readyLearner();
		const start = new Date();
		const started = await startAttempt(t.db, actor, COURSE, start);
		expect(started.ok).toBe(true);
		const attemptId = (started as { attemptId: number }).attemptId;
		const ids = await idsOf(attemptId, actor);
		expect(ids).toHaveLength(course.exam!.draw);
		await saveAnswers(t.db, actor, attemptId, { [ids[0]]: correctResponse(question(ids[0])) }, new Date(start.getTime() + 5 * MIN));

		// "Restart": a fresh read from the database sees the saved answer and the open attempt.
		const resumed = (await viewAttempt(t.db, actor, attemptId, new Date(start.getTime() + 6 * MIN)))!;
		expect(resumed.status).toBe('answering');
		expect(resumed.answers[ids[0]]).toEqual(correctResponse(question(ids[0])));

		// After the 30-minute limit an answer is refused and the attempt closes with what was saved.
		const late = await saveAnswers(t.db, actor, attemptId, { [ids[1]]: correctResponse(question(ids[1])) }, new Date(start.getTime() + 31 * MIN));
		expect(late).toMatchObject({ ok: true, lateRefused: true });
		const closed = (await viewAttempt(t.db, actor, attemptId))!;
		expect(['failed', 'awaiting-manual-grading']).toContain(closed.status);
		expect(closed.submittedBy).toBe('timer');
		expect(closed.answers[ids[1]]).toBeUndefined();
		const row = await t.db.selectFrom('exam_attempt').select(['machine_version', 'snapshot']).where('id', '=', attemptId).executeTakeFirstOrThrow();
		expect(row.machine_version).toBe(1);
	});

	it('a failed attempt imposes the waiting time; a retry after it is allowed', async () => {
		const actor = await readyLearner();
		const t0 = new Date('2026-03-02T01:00:00Z');
		const first = (await startAttempt(t.db, actor, COURSE, t0)) as { ok: true; attemptId: number };
		expect(await submitAttempt(t.db, actor, first.attemptId, new Date(t0.getTime() + MIN))).toBe('failed');
		const waiting = await examOverview(t.db, actor, COURSE, new Date(t0.getTime() + 30 * MIN));
		expect(waiting.block).toMatchObject({ code: 'waiting' });
		expect((waiting.block as { until: Date }).until).toEqual(new Date(t0.getTime() + 61 * MIN));
		expect(await startAttempt(t.db, actor, COURSE, new Date(t0.getTime() + 30 * MIN))).toMatchObject({ ok: false, block: { code: 'waiting' } });
		const retry = await startAttempt(t.db, actor, COURSE, new Date(t0.getTime() + 62 * MIN));
		expect(retry.ok).toBe(true);
	});

	it('a double submit gives one result and a pass issues exactly one certificate, even after essays are graded', async () => {
		const actor = await readyLearner();
		const started = (await startAttempt(t.db, actor, COURSE)) as { ok: true; attemptId: number };
		const ids = await idsOf(started.attemptId, actor);
		await saveAnswers(t.db, actor, started.attemptId, Object.fromEntries(ids.map((id) => [id, correctResponse(question(id))])));
		const [a, b] = await Promise.all([submitAttempt(t.db, actor, started.attemptId), submitAttempt(t.db, actor, started.attemptId)]);
		expect(a).toBe(b);
		let status: string | null = a;
		const essays = ids.filter((id) => question(id).type === 'essay');
		if (essays.length) {
			expect(status).toBe('awaiting-manual-grading');
			const trainer = await addPerson(t.db, { roles: ['learner', 'trainer'] });
			await t.db.insertInto('course_trainer').values({ course_id: COURSE, person_id: trainer.id }).execute();
			const trainerActor = { id: trainer.id, roles: ['learner' as const, 'trainer' as const], unitId: null };
			for (const id of essays) {
				const q = question(id);
				const max = q.type === 'essay' ? q.maxPoints : 1;
				const r = await gradeEssay(t.db, trainerActor, started.attemptId, id, max, 'Lengkap dan tepat.');
				expect(r.ok).toBe(true);
				// Grading twice is refused: the first grade stands.
				expect(await gradeEssay(t.db, trainerActor, started.attemptId, id, 0, '')).toEqual({ ok: false, code: 'not_pending' });
				if (r.ok) status = r.status;
			}
		}
		expect(status).toBe('passed');
		await submitAttempt(t.db, actor, started.attemptId);
		const certs = await t.db.selectFrom('certificate').selectAll().where('person_id', '=', actor.id).execute();
		expect(certs).toHaveLength(1);
		expect(certs[0].course_title).toBe(course.title);
		expect(certs[0].code).toMatch(/^BINA(-[A-Z2-7]{4}){4}$/);
		const events = await t.db.selectFrom('certification_event').select(['event', 'to_status']).orderBy('id').execute();
		expect(events.map((e) => e.to_status)).toContain('certified');
	});

	it('expiry and revocation change what the verification page says', async () => {
		const actor = await readyLearner();
		const issued = new Date('2026-01-10T03:00:00Z');
		const started = (await startAttempt(t.db, actor, COURSE, issued)) as { ok: true; attemptId: number };
		const ids = await idsOf(started.attemptId, actor, issued);
		// Only non-essay questions decide here: answer all correctly, essays graded by nobody yet.
		await saveAnswers(t.db, actor, started.attemptId, Object.fromEntries(ids.map((id) => [id, correctResponse(question(id))])), issued);
		await submitAttempt(t.db, actor, started.attemptId, issued);
		const pending = ids.filter((id) => question(id).type === 'essay');
		if (pending.length) {
			const admin = await addPerson(t.db, { roles: ['learner', 'admin'] });
			for (const id of pending) await gradeEssay(t.db, { id: admin.id, roles: ['admin'], unitId: null }, started.attemptId, id, 10, '', issued);
		}
		const [cert] = await myCertificates(t.db, actor, issued);
		expect(cert.state).toBe('valid');
		// Valid for 24 months: 22 months on it is expiring (90-day window), 25 months on expired.
		expect((await verifyCertificate(t.db, cert.code, new Date('2027-06-01T00:00:00Z'))).state).toBe('valid');
		expect((await verifyCertificate(t.db, cert.code, new Date('2027-11-20T00:00:00Z'))).state).toBe('expiring');
		expect((await verifyCertificate(t.db, cert.code, new Date('2028-02-11T00:00:00Z'))).state).toBe('expired');
		await tickCertifications(t.db, new Date('2028-02-11T00:00:00Z'), actor.id);
		expect((await t.db.selectFrom('certification').select('status').where('person_id', '=', actor.id).executeTakeFirstOrThrow()).status).toBe('expired');

		const admin = await addPerson(t.db, { roles: ['learner', 'admin'] });
		const adminActor = { id: admin.id, roles: ['learner' as const, 'admin' as const], unitId: null };
		expect(await revokeCertificate(t.db, adminActor, cert.code, '  ')).toEqual({ ok: false, code: 'reason_required' });
		expect(await revokeCertificate(t.db, adminActor, cert.code, 'Ditemukan kecurangan dalam ujian.')).toEqual({ ok: true });
		expect((await verifyCertificate(t.db, cert.code)).state).toBe('revoked');
		const trail = await t.db.selectFrom('certification_event').selectAll().where('to_status', '=', 'revoked').execute();
		expect(trail).toMatchObject([{ actor_id: admin.id, reason: 'Ditemukan kecurangan dalam ujian.' }]);
		// Nothing is deleted: the certificate row stays, marked revoked.
		expect(await t.db.selectFrom('certificate').select('revoked_reason').where('code', '=', cert.code).executeTakeFirstOrThrow()).toEqual({ revoked_reason: 'Ditemukan kecurangan dalam ujian.' });
		// A learner cannot revoke.
		await expect(revokeCertificate(t.db, actor, cert.code, 'x')).rejects.toThrow();
	});

	it('unknown and malformed codes are "unknown", not errors', async () => {
		expect(await verifyCertificate(t.db, 'BINA-AAAA-BBBB-CCCC-DDDD')).toEqual({ state: 'unknown' });
		expect(await verifyCertificate(t.db, "'; drop table certificate; --")).toEqual({ state: 'unknown' });
	});

	it('another learner cannot open or answer someone else\'s attempt', async () => {
		const owner = await readyLearner();
		const started = (await startAttempt(t.db, owner, COURSE)) as { ok: true; attemptId: number };
		const other = await addPerson(t.db);
		const stranger = { id: other.id, roles: ['learner' as const], unitId: null };
		await expect(viewAttempt(t.db, stranger, started.attemptId)).rejects.toThrow();
		await expect(submitAttempt(t.db, stranger, started.attemptId)).rejects.toThrow();
	});

	it('review of graded answers follows the feedback setting: never, after submit, after the exam closes', async () => {
		const setFeedback = (feedback: 'never' | 'after-submit' | 'after-close') => {
			const { courses } = loadContent(path.resolve('content'));
			const c = courses.find((x) => x.id === COURSE)!;
			c.exam = { ...c.exam!, feedback, attempts: 2, waitMinutes: 0 };
			setContentIndex(courses);
		};
		const reviewed = async (actor: Awaited<ReturnType<typeof readyLearner>>, attemptId: number) =>
			(await viewAttempt(t.db, actor, attemptId))!.questions.some((q) => q.review !== null);
		try {
			setFeedback('never');
			const a = await readyLearner();
			const first = (await startAttempt(t.db, a, COURSE)) as { ok: true; attemptId: number };
			await submitAttempt(t.db, a, first.attemptId);
			expect(await reviewed(a, first.attemptId)).toBe(false);

			setFeedback('after-submit');
			expect(await reviewed(a, first.attemptId)).toBe(true);

			setFeedback('after-close');
			const b = await readyLearner();
			const one = (await startAttempt(t.db, b, COURSE)) as { ok: true; attemptId: number };
			await submitAttempt(t.db, b, one.attemptId);
			// One of two attempts used: the key stays hidden so the second attempt means something.
			expect(await reviewed(b, one.attemptId)).toBe(false);
			const two = (await startAttempt(t.db, b, COURSE)) as { ok: true; attemptId: number };
			await submitAttempt(t.db, b, two.attemptId);
			// No attempts left: the exam is closed for this learner, the review opens.
			expect(await reviewed(b, two.attemptId)).toBe(true);
			expect(await reviewed(b, one.attemptId)).toBe(true);
		} finally {
			setFeedback('after-submit');
			setContentIndex(loadContent(path.resolve('content')).courses);
		}
	});

	it('a trainer of the course may allow one retry at once, with a reason; others may not', async () => {
		const actor = await readyLearner();
		const t0 = new Date();
		const first = (await startAttempt(t.db, actor, COURSE, t0)) as { ok: true; attemptId: number };
		await submitAttempt(t.db, actor, first.attemptId, t0);
		expect(await startAttempt(t.db, actor, COURSE, t0)).toMatchObject({ ok: false, block: { code: 'waiting' } });
		// The learner cannot grant themselves a retry, nor can a trainer of another course.
		await expect(grantRetry(t.db, actor, first.attemptId, 'saya mau')).rejects.toThrow();
		const outsider = await addPerson(t.db, { roles: ['learner', 'trainer'] });
		await expect(grantRetry(t.db, { id: outsider.id, roles: ['learner', 'trainer'], unitId: null }, first.attemptId, 'x')).rejects.toThrow();
		const trainer = await addPerson(t.db, { roles: ['learner', 'trainer'] });
		await t.db.insertInto('course_trainer').values({ course_id: COURSE, person_id: trainer.id }).execute();
		const tActor = { id: trainer.id, roles: ['learner' as const, 'trainer' as const], unitId: null };
		expect(await grantRetry(t.db, tActor, first.attemptId, '  ')).toEqual({ ok: false, code: 'reason_required' });
		expect(await grantRetry(t.db, tActor, first.attemptId, 'Listrik padam di kantor kelurahan.')).toEqual({ ok: true });
		const second = await startAttempt(t.db, actor, COURSE, t0);
		expect(second.ok).toBe(true);
		const grant = await t.db.selectFrom('exam_grant').selectAll().where('granted_by', '=', trainer.id).executeTakeFirstOrThrow();
		expect(grant.used_by_attempt_id).toBe((second as { attemptId: number }).attemptId);
		// Used once: after the second attempt fails, the wait applies again.
		await submitAttempt(t.db, actor, (second as { attemptId: number }).attemptId, t0);
		expect(await startAttempt(t.db, actor, COURSE, t0)).toMatchObject({ ok: false, block: { code: 'waiting' } });
	});
});
