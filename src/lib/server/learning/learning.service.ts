// Enrolment, reading progress and practice questions. The server decides what counts: the
// answer key never leaves it, and a module is complete only by the rule checked here.
import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema';
import { prepared } from '../db/prepared';
import { ForbiddenError, type Actor } from '../access';
import { loadCourseVersion, currentVersionId, type CourseVersionRow } from '../catalog/catalog.service';
import { contentIndex } from '../catalog/content-index';
import { gradeAnswer } from '../../content/grade';
import { recordCompletion } from '../career/completion.service';

type Db = Kysely<DB>;

// Course versions never change once written, so each process keeps the ones it has read.
const versionCache = new Map<number, CourseVersionRow>();
export async function courseVersion(db: Db, versionId: number): Promise<CourseVersionRow> {
	let v = versionCache.get(versionId);
	if (!v) {
		const loaded = await loadCourseVersion(db, versionId);
		if (!loaded) throw new Error(`course version ${versionId} not found`);
		v = loaded;
		versionCache.set(versionId, v);
	}
	return v;
}

export async function findEnrolment(db: Db, personId: number, courseId: string) {
	return db.selectFrom('enrolment').selectAll().where('person_id', '=', personId).where('course_id', '=', courseId).executeTakeFirst();
}

export type EnrolResult = { ok: true; enrolmentId: number } | { ok: false; code: 'course_unknown' | 'prereq_missing'; missing?: string[] };

/** Enrolling twice (a double click, two tabs) keeps the first enrolment. */
export async function enrol(db: Db, actor: Actor, courseId: string): Promise<EnrolResult> {
	const versionId = await currentVersionId(db, courseId);
	if (versionId === null) return { ok: false, code: 'course_unknown' };
	const existing = await findEnrolment(db, actor.id, courseId);
	if (existing) return { ok: true, enrolmentId: existing.id };
	const version = await courseVersion(db, versionId);
	if (version.prerequisites.length) {
		const done = await db
			.selectFrom('enrolment')
			.select('course_id')
			.where('person_id', '=', actor.id)
			.where('status', '=', 'completed')
			.where('course_id', 'in', version.prerequisites)
			.execute();
		const missing = version.prerequisites.filter((p) => !done.some((d) => d.course_id === p));
		if (missing.length) return { ok: false, code: 'prereq_missing', missing };
	}
	await db
		.insertInto('enrolment')
		.values({ person_id: actor.id, course_id: courseId, course_version_id: versionId })
		.onConflict((oc) => oc.columns(['person_id', 'course_id']).doNothing())
		.execute();
	const row = await findEnrolment(db, actor.id, courseId);
	return { ok: true, enrolmentId: row!.id };
}

export interface ModuleState {
	moduleId: string;
	title: string;
	minutes: number;
	position: number;
	status: 'not-started' | 'started' | 'completed';
}

export async function progressOf(db: Db, enrolmentId: number, version: CourseVersionRow): Promise<ModuleState[]> {
	const rows = await db.selectFrom('module_progress').select(['module_id', 'status']).where('enrolment_id', '=', enrolmentId).execute();
	const status = new Map(rows.map((r) => [r.module_id, r.status as 'started' | 'completed']));
	return version.modules.map((m) => ({ moduleId: m.moduleId, title: m.title, minutes: m.minutes, position: m.position, status: status.get(m.moduleId) ?? 'not-started' }));
}

export async function courseForLearner(db: Db, actor: Actor, courseId: string) {
	const enrolment = await findEnrolment(db, actor.id, courseId);
	const versionId = enrolment?.course_version_id ?? (await currentVersionId(db, courseId));
	if (versionId === null || versionId === undefined) return null;
	const version = await courseVersion(db, versionId);
	const modules = enrolment ? await progressOf(db, enrolment.id, version) : version.modules.map((m) => ({ ...m, status: 'not-started' as const }));
	const latest = enrolment ? await currentVersionId(db, courseId) : versionId;
	return { version, enrolment: enrolment ?? null, modules, newerVersionAvailable: !!enrolment && latest !== enrolment.course_version_id };
}

// One query for the enrolment, its progress and its practice answers: this is the hottest page,
// so it is built once (prepared.ts).
const enrolmentWithState = prepared((db: Db, personId: number, courseId: string) =>
	db
		.selectFrom('enrolment as e')
		.selectAll('e')
		.select((eb) => [
			jsonArrayFrom(eb.selectFrom('module_progress as p').select(['p.module_id', 'p.status']).whereRef('p.enrolment_id', '=', 'e.id')).as('progress'),
			jsonArrayFrom(
				eb.selectFrom('practice_answer as a').select(['a.question_id', 'a.response', 'a.correct', 'a.tries']).whereRef('a.enrolment_id', '=', 'e.id')
			).as('answers')
		])
		.where('e.person_id', '=', personId)
		.where('e.course_id', '=', courseId)
);

/** Opening a module records where the learner is, so "continue" brings them back here. */
export async function openModule(db: Db, actor: Actor, courseId: string, moduleId: string, now = new Date()) {
	const [enrolment] = await enrolmentWithState(db, actor.id, courseId);
	if (!enrolment) return { ok: false as const, code: 'not_enrolled' as const };
	const version = await courseVersion(db, enrolment.course_version_id);
	const index = version.modules.findIndex((m) => m.moduleId === moduleId);
	if (index < 0) return { ok: false as const, code: 'module_unknown' as const };
	const status = new Map(enrolment.progress.map((p) => [p.module_id, p.status as 'started' | 'completed']));
	// Write only when something changed (first visit, another module, or a stale "last seen"),
	// so re-reading a page costs no write.
	const stale = !enrolment.last_seen_at || now.getTime() - new Date(enrolment.last_seen_at).getTime() > 10 * 60_000;
	if (!status.has(moduleId) || enrolment.last_module_id !== moduleId || stale) {
		await db.transaction().execute(async (trx) => {
			if (!status.has(moduleId)) {
				await trx
					.insertInto('module_progress')
					.values({ enrolment_id: enrolment.id, module_id: moduleId })
					.onConflict((oc) => oc.columns(['enrolment_id', 'module_id']).doNothing())
					.execute();
			}
			await trx.updateTable('enrolment').set({ last_module_id: moduleId, last_seen_at: now }).where('id', '=', enrolment.id).execute();
		});
		if (!status.has(moduleId)) status.set(moduleId, 'started');
	}
	const module = version.modules[index];
	const answered = new Map(enrolment.answers.map((a) => [a.question_id, a]));
	return {
		ok: true as const,
		enrolment,
		version,
		module,
		modules: version.modules.map((m) => ({ moduleId: m.moduleId, title: m.title, minutes: m.minutes, position: m.position, status: status.get(m.moduleId) ?? ('not-started' as const) })),
		previous: version.modules[index - 1] ?? null,
		next: version.modules[index + 1] ?? null,
		answers: module.questionIds.flatMap((id) => {
			const a = answered.get(id);
			return a ? [{ questionId: id, response: a.response, correct: a.correct, tries: a.tries }] : [];
		})
	};
}

export type PracticeResult =
	| { ok: true; questionId: string; correct: boolean; explanation: string; score: number; max: number }
	| { ok: false; code: 'not_enrolled' | 'question_unknown' | 'empty_answer' };

export async function answerPractice(db: Db, actor: Actor, courseId: string, moduleId: string, questionId: string, response: unknown): Promise<PracticeResult> {
	const enrolment = await findEnrolment(db, actor.id, courseId);
	if (!enrolment) return { ok: false, code: 'not_enrolled' };
	const version = await courseVersion(db, enrolment.course_version_id);
	const mod = version.modules.find((m) => m.moduleId === moduleId);
	const question = contentIndex().question(courseId, questionId);
	if (!mod || !mod.questionIds.includes(questionId) || !question) return { ok: false, code: 'question_unknown' };
	if (response === null || response === undefined || response === '' || (Array.isArray(response) && response.length === 0)) return { ok: false, code: 'empty_answer' };
	const result = gradeAnswer(question, response);
	await db
		.insertInto('practice_answer')
		.values({ enrolment_id: enrolment.id, question_id: questionId, response: JSON.stringify(response), correct: result.correct })
		.onConflict((oc) =>
			oc.columns(['enrolment_id', 'question_id']).doUpdateSet({
				response: JSON.stringify(response),
				correct: result.correct,
				tries: sql`practice_answer.tries + 1`,
				answered_at: new Date()
			})
		)
		.execute();
	return { ok: true, questionId, correct: result.correct, explanation: question.explanation, score: result.score, max: result.max };
}

export type CompleteResult = { ok: true; courseCompleted: boolean } | { ok: false; code: 'not_enrolled' | 'module_unknown' | 'practice_unanswered'; missing?: number };

/**
 * The rule the module page states: a module is complete once every practice question in it has
 * been answered (right or wrong: practice is for learning) and the learner marks it done. When
 * the last module is done the course is complete. Marking twice changes nothing.
 */
export async function completeModule(db: Db, actor: Actor, courseId: string, moduleId: string, now = new Date()): Promise<CompleteResult> {
	const enrolment = await findEnrolment(db, actor.id, courseId);
	if (!enrolment) return { ok: false, code: 'not_enrolled' };
	const version = await courseVersion(db, enrolment.course_version_id);
	const mod = version.modules.find((m) => m.moduleId === moduleId);
	if (!mod) return { ok: false, code: 'module_unknown' };
	if (mod.questionIds.length) {
		const answered = await db
			.selectFrom('practice_answer')
			.select('question_id')
			.where('enrolment_id', '=', enrolment.id)
			.where('question_id', 'in', mod.questionIds)
			.execute();
		const missing = mod.questionIds.length - answered.length;
		if (missing > 0) return { ok: false, code: 'practice_unanswered', missing };
	}
	return db.transaction().execute(async (trx) => {
		await trx
			.insertInto('module_progress')
			.values({ enrolment_id: enrolment.id, module_id: moduleId, status: 'completed', completed_at: now })
			.onConflict((oc) =>
				oc.columns(['enrolment_id', 'module_id']).doUpdateSet({ status: 'completed', completed_at: sql`coalesce(module_progress.completed_at, excluded.completed_at)` })
			)
			.execute();
		const courseCompleted = (await completedModuleCount(trx, enrolment.id, version)) === version.modules.length;
		if (courseCompleted && enrolment.status !== 'completed') {
			const changed = await trx
				.updateTable('enrolment')
				.set({ status: 'completed', completed_at: now })
				.where('id', '=', enrolment.id)
				.where('status', '<>', 'completed')
				.executeTakeFirst();
			if (Number(changed.numUpdatedRows) > 0) await recordCompletion(trx, { enrolmentId: enrolment.id, completedAt: now });
		}
		return { ok: true as const, courseCompleted };
	});
}

/** How many of the version's modules the enrolment has completed. */
export async function completedModuleCount(db: Db, enrolmentId: number, version: CourseVersionRow): Promise<number> {
	const done = await db
		.selectFrom('module_progress')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('enrolment_id', '=', enrolmentId)
		.where('status', '=', 'completed')
		.where('module_id', 'in', version.modules.map((m) => m.moduleId))
		.executeTakeFirstOrThrow();
	return Number(done.n);
}

/** Throws unless the actor is the person (learners only read their own learning). */
export function assertSelf(actor: Actor, personId: number) {
	if (actor.id !== personId) throw new ForbiddenError();
}
