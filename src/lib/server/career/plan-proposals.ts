// What a development plan proposes and how it is balanced: the gap analysis of the person's
// position (required against derived levels), the courses that close each gap, mentoring and
// on-the-job items for the largest gaps, and the balance against the 10:20:70 model.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { evidenceOfPerson, requirementsOfPosition } from '../competency/competency.repository';
import { deriveLevels } from '../competency/levels';
import { localDate } from './local-date';
import { itemGroup, type ItemKind } from './plan.repository';

type Trx = Kysely<DB> | Transaction<DB>;

export interface Proposal {
	key: string;
	kind: ItemKind;
	competencyCode: string;
	competencyName: string;
	targetLevel: number;
	courseId: string | null;
	courseTitle: string | null;
}

export interface CourseOffer {
	id: string;
	title: string;
	competencies: Array<{ code: string; level: number }>;
}

/**
 * What the platform proposes from the gaps of the person's position: for each gap a course that
 * develops the competency beyond the current level (one that reaches the required level first),
 * plus mentoring and an on-the-job assignment for the two largest gaps (10:20:70).
 */
export function proposeItems(gaps: Array<{ code: string; name: string; required: number; current: number }>, courses: CourseOffer[]): Proposal[] {
	const open = gaps.filter((g) => g.required > g.current).sort((a, b) => b.required - b.current - (a.required - a.current));
	const out: Proposal[] = [];
	const seenCourses = new Set<string>();
	for (const g of open) {
		const offers = courses
			.map((c) => ({ c, level: c.competencies.find((x) => x.code === g.code)?.level ?? 0 }))
			.filter((o) => o.level > g.current)
			.sort((a, b) => Number(b.level >= g.required) - Number(a.level >= g.required) || a.level - b.level || a.c.title.localeCompare(b.c.title));
		const offer = offers[0];
		if (offer && !seenCourses.has(offer.c.id)) {
			seenCourses.add(offer.c.id);
			out.push({ key: `course:${offer.c.id}`, kind: 'course', competencyCode: g.code, competencyName: g.name, targetLevel: Math.min(offer.level, g.required), courseId: offer.c.id, courseTitle: offer.c.title });
		}
	}
	// Learning from others and on the job for the largest gaps (the 20 and the 70).
	for (const kind of ['mentoring', 'on-the-job'] as const) {
		for (const g of open.slice(0, 2)) {
			out.push({ key: `${kind}:${g.code}`, kind, competencyCode: g.code, competencyName: g.name, targetLevel: g.required, courseId: null, courseTitle: null });
		}
	}
	return out;
}

export async function gapsOf(db: Trx, personId: number, now: Date) {
	const person = await db.selectFrom('person').select(['position_id', 'supervisor_id']).where('id', '=', personId).executeTakeFirstOrThrow();
	const [required, evidence] = await Promise.all([person.position_id ? requirementsOfPosition(db, person.position_id) : Promise.resolve([]), evidenceOfPerson(db, personId)]);
	const levels = deriveLevels(evidence, localDate(now));
	return required.map((r) => ({ code: r.code, name: r.name, required: r.required, current: levels.get(r.code)?.level ?? 0 }));
}

export async function courseOffers(db: Trx): Promise<CourseOffer[]> {
	const rows = await db
		.selectFrom('course as c')
		.innerJoin('course_version as v', 'v.id', 'c.current_version_id')
		.select(['c.id', 'v.title', 'v.competencies'])
		.orderBy('v.title')
		.execute();
	return rows.map((r) => ({ id: r.id, title: r.title, competencies: (r.competencies as Array<{ code: string; level: number }>) ?? [] }));
}

export async function planModel(db: Trx): Promise<{ formal: number; social: number; experiential: number }> {
	const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'plan_model').executeTakeFirst();
	const v = typeof row?.value === 'string' ? JSON.parse(row.value) : row?.value;
	return { formal: Number(v?.formal ?? 10), social: Number(v?.social ?? 20), experiential: Number(v?.experiential ?? 70) };
}

/** The plan's balance by item count against the 10:20:70 model. */
export function balance(items: Array<{ kind: string; status: string }>, model: { formal: number; social: number; experiential: number }) {
	const counted = items.filter((i) => i.status !== 'dropped');
	const total = counted.length;
	const sum = model.formal + model.social + model.experiential || 1;
	return (['formal', 'social', 'experiential'] as const).map((group) => {
		const count = counted.filter((i) => itemGroup(i.kind) === group).length;
		return { group, count, percent: total ? Math.round((count / total) * 100) : 0, target: Math.round((model[group] / sum) * 100) };
	});
}
