// Final exams. The server is the authority: each request restores the attempt's persisted quiz
// machine snapshot, applies the event, and saves the new snapshot in the same transaction as the
// answer rows. Scores, passes and deadlines are decided here, never in the browser.
import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { createActor, type AnyEventObject } from 'xstate';
import type { DB } from '../db/schema';
import type { Actor } from '../access';
import { ForbiddenError } from '../access';
import { contentIndex } from '../catalog/content-index';
import { completedModuleCount, courseVersion, findEnrolment } from '../learning/learning.service';
import { gradeAnswer } from '../../content/grade';
import { toPublicQuestion } from '../../content/load';
import type { Exam, PublicQuestion, Question } from '../../content/types';
import { QUIZ_MACHINE_VERSION, quizMachine, quizStatus } from '../../machines/quiz.machine';
import { recordExamStarted, recordExamResult, tickCertifications } from '../certification/certification.service';

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

const MINUTE = 60_000;

function examOf(courseId: string): Exam | null {
	return contentIndex().course(courseId)?.exam ?? null;
}

/** Fisher-Yates with the platform's CSPRNG: which questions a learner gets must not be predictable. */
function drawQuestions(pool: Question[], n: number): string[] {
	const ids = pool.map((q) => q.id);
	for (let i = ids.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[ids[i], ids[j]] = [ids[j], ids[i]];
	}
	return ids.slice(0, n);
}

export type ExamBlock =
	| { code: 'no_exam' }
	| { code: 'not_enrolled' }
	| { code: 'modules_incomplete'; done: number; total: number }
	| { code: 'no_attempts_left'; allowed: number }
	| { code: 'waiting'; until: Date }
	| { code: 'already_certified' };

export async function examOverview(db: Db, actor: Actor, courseId: string, now = new Date()) {
	const exam = examOf(courseId);
	const enrolment = await findEnrolment(db, actor.id, courseId);
	const attempts = enrolment
		? await db
				.selectFrom('exam_attempt')
				.select(['id', 'attempt_no', 'status', 'started_at', 'submitted_at', 'deadline_at', 'percent', 'passed'])
				.where('enrolment_id', '=', enrolment.id)
				.orderBy('attempt_no')
				.execute()
		: [];
	let block: ExamBlock | null = null;
	if (!exam) block = { code: 'no_exam' };
	else if (!enrolment) block = { code: 'not_enrolled' };
	else {
		const version = await courseVersion(db, enrolment.course_version_id);
		const done = await completedModuleCount(db, enrolment.id, version);
		// Attempts count from the last pass: a recertification gets the full number again.
		const lastPass = attempts.findLastIndex((a) => a.passed);
		const finished = attempts.slice(lastPass + 1).filter((a) => a.status !== 'answering' && a.status !== 'reviewing');
		const last = attempts.filter((a) => a.status !== 'answering' && a.status !== 'reviewing').at(-1);
		if (done < version.modules.length) block = { code: 'modules_incomplete', done, total: version.modules.length };
		else if (lastPass >= 0 && !(await mayRecertify(db, actor.id, courseId, now))) block = { code: 'already_certified' };
		else if (!(await openGrant(db, enrolment.id))) {
			// A trainer's grant waives the attempt cap and the wait once.
			if (exam.attempts !== null && finished.length >= exam.attempts) block = { code: 'no_attempts_left', allowed: exam.attempts };
			else if (last?.submitted_at && exam.waitMinutes > 0) {
				const until = new Date(new Date(last.submitted_at).getTime() + exam.waitMinutes * MINUTE);
				if (until > now) block = { code: 'waiting', until };
			}
		}
	}
	const open = attempts.find((a) => a.status === 'answering' || a.status === 'reviewing');
	return {
		exam: exam
			? { title: exam.title, passMark: exam.passMark, timeLimitMinutes: exam.timeLimitMinutes, attempts: exam.attempts, waitMinutes: exam.waitMinutes, draw: exam.draw, instructions: exam.instructions }
			: null,
		attempts: attempts.map((a) => ({ ...a, percent: a.percent === null ? null : Number(a.percent) })),
		openAttemptId: open?.id ?? null,
		block: open ? null : block
	};
}

async function openGrant(db: Db | Trx, enrolmentId: number) {
	return db.selectFrom('exam_grant').select('id').where('enrolment_id', '=', enrolmentId).where('used_by_attempt_id', 'is', null).orderBy('id').executeTakeFirst();
}

/** A certified learner may sit the exam again once the certificate is expiring, expired or being renewed. */
async function mayRecertify(db: Db, personId: number, courseId: string, now: Date): Promise<boolean> {
	await tickCertifications(db, now, personId);
	const row = await db.selectFrom('certification').select('status').where('person_id', '=', personId).where('course_id', '=', courseId).executeTakeFirst();
	return row?.status === 'expiring-soon' || row?.status === 'expired' || row?.status === 'recertifying';
}

export type StartResult = { ok: true; attemptId: number } | { ok: false; block: ExamBlock };

export async function startAttempt(db: Db, actor: Actor, courseId: string, now = new Date()): Promise<StartResult> {
	const overview = await examOverview(db, actor, courseId, now);
	if (overview.openAttemptId) return { ok: true, attemptId: overview.openAttemptId };
	if (overview.block) return { ok: false, block: overview.block };
	const exam = examOf(courseId)!;
	const enrolment = (await findEnrolment(db, actor.id, courseId))!;
	const questionIds = drawQuestions(exam.pool, exam.draw);
	const deadline = exam.timeLimitMinutes ? now.getTime() + exam.timeLimitMinutes * MINUTE : null;
	const machine = createActor(quizMachine, { input: { questionIds, deadline, passMark: exam.passMark } }).start();
	machine.send({ type: 'learner.start', at: now.getTime() });
	const snapshot = machine.getPersistedSnapshot();
	machine.stop();
	const attemptId = await db.transaction().execute(async (trx) => {
		const { n } = await trx
			.selectFrom('exam_attempt')
			.select((eb) => eb.fn.coalesce(eb.fn.max('attempt_no'), eb.lit(0)).as('n'))
			.where('enrolment_id', '=', enrolment.id)
			.executeTakeFirstOrThrow();
		const { id } = await trx
			.insertInto('exam_attempt')
			.values({
				enrolment_id: enrolment.id,
				person_id: actor.id,
				course_id: courseId,
				course_version_id: enrolment.course_version_id,
				exam_id: exam.id,
				exam_hash: exam.hash,
				attempt_no: Number(n) + 1,
				question_ids: JSON.stringify(questionIds),
				status: 'answering',
				started_at: now,
				deadline_at: deadline ? new Date(deadline) : null,
				snapshot: JSON.stringify(snapshot),
				machine_version: QUIZ_MACHINE_VERSION
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const grant = await openGrant(trx, enrolment.id);
		if (grant) await trx.updateTable('exam_grant').set({ used_by_attempt_id: id }).where('id', '=', grant.id).execute();
		await recordExamStarted(trx, actor.id, courseId, now);
		return id;
	});
	return { ok: true, attemptId };
}

/** Loads an attempt for its owner, locking the row so two tabs cannot interleave. */
async function lockAttempt(trx: Trx, actor: Actor, attemptId: number) {
	const row = await trx.selectFrom('exam_attempt').selectAll().where('id', '=', attemptId).forUpdate().executeTakeFirst();
	if (!row) return null;
	if (row.person_id !== actor.id) throw new ForbiddenError('not your attempt');
	return row;
}

type AttemptRow = NonNullable<Awaited<ReturnType<typeof lockAttempt>>>;

function restore(row: AttemptRow) {
	const ids = row.question_ids as string[];
	return createActor(quizMachine, {
		snapshot: row.snapshot as never,
		input: { questionIds: ids, deadline: row.deadline_at ? new Date(row.deadline_at).getTime() : null, passMark: 0 }
	}).start();
}

function questionsOf(row: AttemptRow): Question[] {
	const index = contentIndex();
	return (row.question_ids as string[]).map((id) => index.question(row.course_id, id)).filter((q): q is Question => !!q);
}

/**
 * After a learner event: when the machine has left the answering states (submitted, or expired
 * because time ran out), grade the attempt, tell the machine, and record the result.
 */
async function gradeIfClosed(trx: Trx, row: AttemptRow, machine: ReturnType<typeof restore>, now: Date) {
	const state = quizStatus(machine.getSnapshot());
	if (state !== 'submitted' && state !== 'expired') return;
	const answers = machine.getSnapshot().context.answers as Record<string, unknown>;
	let score = 0;
	let maxScore = 0;
	const pending: string[] = [];
	for (const q of questionsOf(row)) {
		const result = gradeAnswer(q, answers[q.id]);
		maxScore += result.max;
		score += result.score;
		if (result.pending && answers[q.id] !== undefined) pending.push(q.id);
		await trx
			.insertInto('exam_answer')
			.values({ attempt_id: row.id, question_id: q.id, response: JSON.stringify(answers[q.id] ?? null), score: result.pending ? null : result.score, max_score: result.max })
			.onConflict((oc) => oc.columns(['attempt_id', 'question_id']).doUpdateSet({ score: result.pending ? null : result.score, max_score: result.max }))
			.execute();
	}
	machine.send({ type: 'system.graded', score, maxScore, pendingQuestionIds: pending });
}

async function persist(trx: Trx, row: AttemptRow, machine: ReturnType<typeof restore>, now: Date) {
	const snap = machine.getSnapshot();
	const status = quizStatus(snap);
	const ctx = snap.context;
	const closed = status === 'passed' || status === 'failed';
	await trx
		.updateTable('exam_attempt')
		.set({
			status,
			snapshot: JSON.stringify(machine.getPersistedSnapshot()),
			machine_version: QUIZ_MACHINE_VERSION,
			submitted_at: ctx.submittedAt ? new Date(ctx.submittedAt) : null,
			score: ctx.score,
			max_score: ctx.maxScore,
			percent: ctx.score !== null && ctx.maxScore ? Math.round((ctx.score / ctx.maxScore) * 10000) / 100 : null,
			passed: closed ? status === 'passed' : null,
			graded_at: closed ? now : null
		})
		.where('id', '=', row.id)
		.execute();
	if (closed && row.status !== status) await recordExamResult(trx, { attemptId: row.id, passed: status === 'passed', now });
	return status;
}

export type AttemptView = Awaited<ReturnType<typeof viewAttempt>>;

/** Reading an attempt also enforces its deadline: an attempt whose time ran out is closed here. */
export async function viewAttempt(db: Db, actor: Actor, attemptId: number, now = new Date()) {
	return db.transaction().execute(async (trx) => {
		const row = await lockAttempt(trx, actor, attemptId);
		if (!row) return null;
		const machine = restore(row);
		let status = quizStatus(machine.getSnapshot());
		if ((status === 'answering' || status === 'reviewing') && row.deadline_at && now.getTime() > new Date(row.deadline_at).getTime()) {
			machine.send({ type: 'timer.expired', at: now.getTime() });
			await gradeIfClosed(trx, row, machine, now);
			status = await persist(trx, row, machine, now);
		}
		const exam = examOf(row.course_id);
		const snap = machine.getSnapshot();
		const questions = questionsOf(row);
		const showKeys = (status === 'passed' || status === 'failed') && !!exam?.review && (await feedbackOpen(trx, row, exam.feedback, exam.attempts));
		const answerRows = showKeys || status === 'awaiting-manual-grading' ? await trx.selectFrom('exam_answer').selectAll().where('attempt_id', '=', row.id).execute() : [];
		// The browser runs the same machine from this snapshot for instant feedback; it holds
		// question ids and the learner's own answers, never a key or a score rule it could bend.
		const persisted = machine.getPersistedSnapshot();
		machine.stop();
		return {
			id: row.id,
			courseId: row.course_id,
			attemptNo: row.attempt_no,
			status,
			deadline: row.deadline_at ? new Date(row.deadline_at) : null,
			submittedBy: snap.context.submittedBy,
			score: snap.context.score,
			maxScore: snap.context.maxScore,
			percent: snap.context.score !== null && snap.context.maxScore ? Math.round((snap.context.score / snap.context.maxScore) * 1000) / 10 : null,
			passMark: exam?.passMark ?? null,
			answers: snap.context.answers as Record<string, unknown>,
			machineSnapshot: JSON.parse(JSON.stringify(persisted)) as unknown,
			questionIds: row.question_ids as string[],
			questions: questions.map((q) => ({
				public: shuffleForAttempt(toPublicQuestion(q, `${row.id}:${q.id}`), exam?.shuffleOptions ?? false, `${row.id}:${q.id}`),
				points: q.points,
				review: showKeys ? reviewOf(q, answerRows.find((a) => a.question_id === q.id)) : null
			}))
		};
	});
}

/**
 * When graded answers may be reviewed: right after submitting ('after-submit'), once the exam is
 * closed for this learner ('after-close': passed, or no attempts left), or never.
 */
async function feedbackOpen(trx: Trx, row: AttemptRow, feedback: Exam['feedback'], attemptsAllowed: number | null): Promise<boolean> {
	if (feedback === 'after-submit') return true;
	if (feedback === 'never') return false;
	const rows = await trx.selectFrom('exam_attempt').select(['status', 'passed']).where('enrolment_id', '=', row.enrolment_id).execute();
	if (rows.some((r) => r.passed)) return true;
	const finished = rows.filter((r) => r.status === 'passed' || r.status === 'failed').length;
	return attemptsAllowed !== null && finished >= attemptsAllowed;
}

function shuffleForAttempt(q: PublicQuestion, shuffle: boolean, seed: string): PublicQuestion {
	if (!shuffle || (q.type !== 'single' && q.type !== 'multiple')) return q;
	let h = 2166136261;
	for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
	const options = [...q.options];
	for (let i = options.length - 1; i > 0; i--) {
		h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
		const j = h % (i + 1);
		[options[i], options[j]] = [options[j], options[i]];
	}
	return { ...q, options };
}

/** What the learner may see after grading when the exam allows review: the key and explanation. */
function reviewOf(q: Question, row: { score: unknown; max_score: unknown } | undefined) {
	const key =
		q.type === 'single'
			? q.options.find((o) => o.id === q.answer)?.text
			: q.type === 'multiple'
				? q.options.filter((o) => q.answer.includes(o.id)).map((o) => o.text).join('; ')
				: q.type === 'truefalse'
					? String(q.answer)
					: q.type === 'short'
						? q.answers[0]
						: q.type === 'numeric'
							? `${q.answer}${q.unit ? ' ' + q.unit : ''}`
							: q.type === 'matching'
								? q.pairs.map((p) => `${p.left} → ${p.right}`).join('; ')
								: q.type === 'ordering'
									? q.items.join(' → ')
									: q.rubric;
	return { key: key ?? '', explanation: q.explanation, score: row?.score === null || row?.score === undefined ? null : Number(row.score), max: Number(row?.max_score ?? q.points) };
}

export type SaveResult = { ok: true; status: string; lateRefused: boolean } | { ok: false; code: 'not_found' };

/** Saves answers; an answer after the deadline is refused and the attempt is submitted as it stood. */
export async function saveAnswers(db: Db, actor: Actor, attemptId: number, responses: Record<string, unknown>, now = new Date()): Promise<SaveResult> {
	return db.transaction().execute(async (trx) => {
		const row = await lockAttempt(trx, actor, attemptId);
		if (!row) return { ok: false as const, code: 'not_found' as const };
		const machine = restore(row);
		const before = quizStatus(machine.getSnapshot());
		if (before !== 'answering' && before !== 'reviewing') {
			machine.stop();
			return { ok: true as const, status: before, lateRefused: false };
		}
		for (const [questionId, response] of Object.entries(responses)) {
			machine.send({ type: 'learner.answer', questionId, response, at: now.getTime() } as AnyEventObject as never);
			if (quizStatus(machine.getSnapshot()) === 'expired') break;
		}
		const lateRefused = machine.getSnapshot().context.refusedLateAnswer === true;
		await gradeIfClosed(trx, row, machine, now);
		const status = await persist(trx, row, machine, now);
		machine.stop();
		return { ok: true as const, status, lateRefused };
	});
}

export async function setReviewing(db: Db, actor: Actor, attemptId: number, reviewing: boolean) {
	return db.transaction().execute(async (trx) => {
		const row = await lockAttempt(trx, actor, attemptId);
		if (!row) return null;
		const machine = restore(row);
		machine.send({ type: reviewing ? 'learner.review' : 'learner.resume' });
		const status = await persist(trx, row, machine, new Date());
		machine.stop();
		return status;
	});
}

/** Submitting twice, or from two tabs, gives one result: the row lock and the machine see to it. */
export async function submitAttempt(db: Db, actor: Actor, attemptId: number, now = new Date()) {
	return db.transaction().execute(async (trx) => {
		const row = await lockAttempt(trx, actor, attemptId);
		if (!row) return null;
		const machine = restore(row);
		machine.send({ type: 'learner.submit', at: now.getTime() });
		await gradeIfClosed(trx, row, machine, now);
		const status = await persist(trx, row, machine, now);
		machine.stop();
		return status;
	});
}

// ---- trainers: another attempt now ---------------------------------------------------------

export async function failedAttempts(db: Db, actor: Actor, courseId: string) {
	if (!(await isCourseTrainer(db, actor, courseId))) throw new ForbiddenError();
	// The latest attempt of each enrolment, when it failed, with any grant not yet used.
	return db
		.selectFrom('exam_attempt as a')
		.innerJoin('person as p', 'p.id', 'a.person_id')
		.select((eb) => [
			'a.id',
			'a.attempt_no as attemptNo',
			'a.percent',
			'a.submitted_at as submittedAt',
			'p.name',
			eb.exists(eb.selectFrom('exam_grant as g').whereRef('g.enrolment_id', '=', 'a.enrolment_id').where('g.used_by_attempt_id', 'is', null)).as('granted')
		])
		.where('a.course_id', '=', courseId)
		.where('a.status', '=', 'failed')
		.where((eb) => eb.not(eb.exists(eb.selectFrom('exam_attempt as b').whereRef('b.enrolment_id', '=', 'a.enrolment_id').whereRef('b.attempt_no', '>', 'a.attempt_no'))))
		.orderBy('a.submitted_at', 'desc')
		.limit(50)
		.execute();
}

export type GrantResult = { ok: true } | { ok: false; code: 'reason_required' | 'not_failed' };

/** Lets the learner start another attempt now, once; the reason is kept. Granting twice is harmless. */
export async function grantRetry(db: Db, actor: Actor, attemptId: number, reason: string): Promise<GrantResult> {
	const attempt = await db.selectFrom('exam_attempt').select(['course_id', 'enrolment_id', 'status']).where('id', '=', attemptId).executeTakeFirst();
	if (!attempt || !(await isCourseTrainer(db, actor, attempt.course_id))) throw new ForbiddenError();
	if (!reason.trim()) return { ok: false, code: 'reason_required' };
	if (attempt.status !== 'failed') return { ok: false, code: 'not_failed' };
	if (await openGrant(db, attempt.enrolment_id)) return { ok: true };
	await db.insertInto('exam_grant').values({ enrolment_id: attempt.enrolment_id, granted_by: actor.id, reason: reason.trim() }).execute();
	return { ok: true };
}

// ---- trainers: essays ----------------------------------------------------------------------

export async function isCourseTrainer(db: Db, actor: Actor, courseId: string): Promise<boolean> {
	if (actor.roles.includes('admin')) return true;
	if (!actor.roles.includes('trainer')) return false;
	const row = await db.selectFrom('course_trainer').select('course_id').where('course_id', '=', courseId).where('person_id', '=', actor.id).executeTakeFirst();
	return !!row;
}

export async function gradingQueue(db: Db, actor: Actor) {
	if (!actor.roles.includes('trainer') && !actor.roles.includes('admin')) throw new ForbiddenError();
	let q = db
		.selectFrom('exam_attempt as a')
		.innerJoin('person as p', 'p.id', 'a.person_id')
		.innerJoin('course_version as v', 'v.id', 'a.course_version_id')
		.select(['a.id', 'a.course_id as courseId', 'v.title as courseTitle', 'p.name', 'a.submitted_at as submittedAt', 'a.attempt_no as attemptNo'])
		.where('a.status', '=', 'awaiting-manual-grading');
	if (!actor.roles.includes('admin')) {
		q = q.where('a.course_id', 'in', db.selectFrom('course_trainer').select('course_id').where('person_id', '=', actor.id));
	}
	return q.orderBy('a.submitted_at').execute();
}

export async function essaysToGrade(db: Db, actor: Actor, attemptId: number) {
	const row = await db.selectFrom('exam_attempt').selectAll().where('id', '=', attemptId).executeTakeFirst();
	if (!row || !(await isCourseTrainer(db, actor, row.course_id))) throw new ForbiddenError();
	const pending = (row.snapshot as { context?: { pendingQuestionIds?: string[] } }).context?.pendingQuestionIds ?? [];
	const answers = await db.selectFrom('exam_answer').selectAll().where('attempt_id', '=', attemptId).execute();
	const person = await db.selectFrom('person').select('name').where('id', '=', row.person_id).executeTakeFirstOrThrow();
	const index = contentIndex();
	return {
		attemptId,
		courseId: row.course_id,
		courseTitle: index.course(row.course_id)?.title ?? row.course_id,
		learner: person.name,
		status: row.status,
		essays: answers
			.map((a) => ({ answer: a, q: index.question(row.course_id, a.question_id) }))
			.filter((x) => x.q?.type === 'essay')
			.map(({ answer, q }) => ({
				questionId: answer.question_id,
				prompt: q!.prompt,
				rubric: q!.type === 'essay' ? q!.rubric : '',
				maxPoints: Number(answer.max_score),
				response: typeof answer.response === 'string' ? answer.response : '',
				score: answer.score === null ? null : Number(answer.score),
				comment: answer.grader_comment,
				pending: pending.includes(answer.question_id)
			}))
	};
}

export type GradeResult = { ok: true; status: string } | { ok: false; code: 'not_pending' | 'points_range' };

export async function gradeEssay(db: Db, actor: Actor, attemptId: number, questionId: string, points: number, comment: string, now = new Date()): Promise<GradeResult> {
	return db.transaction().execute(async (trx) => {
		const row = await trx.selectFrom('exam_attempt').selectAll().where('id', '=', attemptId).forUpdate().executeTakeFirst();
		if (!row || !(await isCourseTrainer(trx, actor, row.course_id))) throw new ForbiddenError();
		const answer = await trx.selectFrom('exam_answer').selectAll().where('attempt_id', '=', attemptId).where('question_id', '=', questionId).executeTakeFirst();
		if (!answer || answer.score !== null) return { ok: false as const, code: 'not_pending' as const };
		if (!Number.isFinite(points) || points < 0 || points > Number(answer.max_score)) return { ok: false as const, code: 'points_range' as const };
		const machine = restore(row);
		machine.send({ type: 'trainer.grade', questionId, points, at: now.getTime() });
		await trx
			.updateTable('exam_answer')
			.set({ score: points, graded_by: actor.id, graded_at: now, grader_comment: comment || null })
			.where('attempt_id', '=', attemptId)
			.where('question_id', '=', questionId)
			.execute();
		const status = await persist(trx, row, machine, now);
		machine.stop();
		return { ok: true as const, status };
	});
}

