import { describe, expect, it } from 'vitest';
import { balance, proposeItems } from './plan-proposals';

const courses = [
	{ id: 'pelayanan-publik-prima', title: 'Pelayanan Publik Prima', competencies: [{ code: 'TEK-YAN', level: 2 }, { code: 'MNJ-PP', level: 2 }] },
	{ id: 'e-government-spbe', title: 'E-Government dan SPBE', competencies: [{ code: 'TEK-SPBE', level: 2 }] },
	{ id: 'spbe-lanjut', title: 'SPBE Lanjutan', competencies: [{ code: 'TEK-SPBE', level: 3 }] }
];

describe('proposals from the gap analysis', () => {
	it('proposes the course that reaches the required level, once per course, plus mentoring and on-the-job for the largest gaps', () => {
		const proposals = proposeItems(
			[
				{ code: 'TEK-YAN', name: 'Pelayanan', required: 2, current: 0 },
				{ code: 'MNJ-PP', name: 'Pelayanan Publik', required: 2, current: 1 },
				{ code: 'TEK-SPBE', name: 'SPBE', required: 2, current: 0 },
				{ code: 'TEK-ADU', name: 'Pengaduan', required: 2, current: 2 }
			],
			courses
		);
		expect(proposals.filter((p) => p.kind === 'course').map((p) => [p.courseId, p.competencyCode, p.targetLevel])).toEqual([
			['pelayanan-publik-prima', 'TEK-YAN', 2],
			// Level 2 reaches the requirement: preferred over the level-3 course.
			['e-government-spbe', 'TEK-SPBE', 2]
		]);
		expect(proposals.filter((p) => p.kind !== 'course').map((p) => `${p.kind}:${p.competencyCode}`)).toEqual([
			'mentoring:TEK-YAN',
			'mentoring:TEK-SPBE',
			'on-the-job:TEK-YAN',
			'on-the-job:TEK-SPBE'
		]);
		// A met requirement proposes nothing.
		expect(proposals.some((p) => p.competencyCode === 'TEK-ADU')).toBe(false);
	});

	it('a course that does not go beyond the current level is not proposed', () => {
		expect(proposeItems([{ code: 'TEK-SPBE', name: 'SPBE', required: 3, current: 2 }], courses).filter((p) => p.kind === 'course').map((p) => p.courseId)).toEqual(['spbe-lanjut']);
	});
});

describe('10:20:70 balance', () => {
	it('counts items per group against the model, leaving dropped items out', () => {
		const items = [
			{ kind: 'course', status: 'planned' },
			{ kind: 'mentoring', status: 'done' },
			{ kind: 'coaching', status: 'planned' },
			{ kind: 'on-the-job', status: 'planned' },
			{ kind: 'workshop', status: 'dropped' }
		];
		expect(balance(items, { formal: 10, social: 20, experiential: 70 })).toEqual([
			{ group: 'formal', count: 1, percent: 25, target: 10 },
			{ group: 'social', count: 2, percent: 50, target: 20 },
			{ group: 'experiential', count: 1, percent: 25, target: 70 }
		]);
		expect(balance([], { formal: 10, social: 20, experiential: 70 }).map((b) => b.percent)).toEqual([0, 0, 0]);
	});
});
