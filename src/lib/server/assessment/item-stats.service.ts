// Per-question statistics for a course's final exam, so a trainer sees which questions are
// broken: facility (share of the points earned), discrimination (upper 27% minus lower 27% of
// attempts by total score) and how often each option was chosen.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ForbiddenError, type Actor } from '../access';
import { contentIndex } from '../catalog/content-index';
import { isCourseTrainer } from './exam.service';

export interface ItemStat {
	questionId: string;
	type: string;
	prompt: string;
	attempts: number;
	facility: number | null; // 0..1
	discrimination: number | null; // -1..1
	options: Array<{ id: string; text: string; correct: boolean; chosen: number }>;
	flag: 'too-hard' | 'too-easy' | 'poor-discrimination' | null;
}

export function discriminationIndex(rows: Array<{ attemptPercent: number; itemShare: number }>): number | null {
	if (rows.length < 4) return null;
	const sorted = [...rows].sort((a, b) => b.attemptPercent - a.attemptPercent);
	const k = Math.max(1, Math.round(sorted.length * 0.27));
	const mean = (xs: typeof rows) => xs.reduce((s, r) => s + r.itemShare, 0) / xs.length;
	return Math.round((mean(sorted.slice(0, k)) - mean(sorted.slice(-k))) * 100) / 100;
}

export async function itemStatistics(db: Kysely<DB>, actor: Actor, courseId: string): Promise<ItemStat[]> {
	if (!(await isCourseTrainer(db, actor, courseId))) throw new ForbiddenError();
	const exam = contentIndex().course(courseId)?.exam;
	if (!exam) return [];
	const rows = await db
		.selectFrom('exam_answer as a')
		.innerJoin('exam_attempt as t', 't.id', 'a.attempt_id')
		.select(['a.question_id', 'a.response', 'a.score', 'a.max_score', 't.percent'])
		.where('t.course_id', '=', courseId)
		.where('t.status', 'in', ['passed', 'failed'])
		.execute();
	return exam.pool.map((q) => {
		const answers = rows.filter((r) => r.question_id === q.id && r.score !== null);
		const shares = answers.map((r) => ({ attemptPercent: Number(r.percent ?? 0), itemShare: Number(r.max_score) ? Number(r.score) / Number(r.max_score) : 0 }));
		const facility = shares.length ? Math.round((shares.reduce((s, r) => s + r.itemShare, 0) / shares.length) * 100) / 100 : null;
		const discrimination = discriminationIndex(shares);
		const options =
			q.type === 'single' || q.type === 'multiple'
				? q.options.map((o) => ({
						id: o.id,
						text: o.text,
						correct: q.type === 'single' ? q.answer === o.id : q.answer.includes(o.id),
						chosen: answers.filter((a) => (Array.isArray(a.response) ? (a.response as unknown[]).includes(o.id) : a.response === o.id)).length
					}))
				: [];
		let flag: ItemStat['flag'] = null;
		if (facility !== null && shares.length >= 5) {
			if (facility < 0.2) flag = 'too-hard';
			else if (facility > 0.95) flag = 'too-easy';
			else if (discrimination !== null && discrimination < 0.1) flag = 'poor-discrimination';
		}
		return { questionId: q.id, type: q.type, prompt: q.prompt, attempts: answers.length, facility, discrimination, options, flag };
	});
}

export async function trainerCourses(db: Kysely<DB>, actor: Actor) {
	if (!actor.roles.includes('trainer') && !actor.roles.includes('admin')) throw new ForbiddenError();
	let q = db
		.selectFrom('course as c')
		.innerJoin('course_version as v', 'v.id', 'c.current_version_id')
		.select((eb) => [
			'c.id',
			'v.title',
			eb.selectFrom('enrolment as e').select(eb.fn.countAll<number>().as('n')).whereRef('e.course_id', '=', 'c.id').as('enrolments'),
			eb.selectFrom('exam_attempt as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.course_id', '=', 'c.id').where('a.status', 'in', ['passed', 'failed']).as('attempts'),
			eb.selectFrom('exam_attempt as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.course_id', '=', 'c.id').where('a.status', '=', 'passed').as('passed'),
			eb.selectFrom('exam_attempt as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.course_id', '=', 'c.id').where('a.status', '=', 'awaiting-manual-grading').as('pending')
		]);
	if (!actor.roles.includes('admin')) q = q.where('c.id', 'in', db.selectFrom('course_trainer').select('course_id').where('person_id', '=', actor.id));
	const rows = await q.orderBy('v.title').execute();
	return rows.map((r) => ({ ...r, enrolments: Number(r.enrolments), attempts: Number(r.attempts), passed: Number(r.passed), pending: Number(r.pending) }));
}
