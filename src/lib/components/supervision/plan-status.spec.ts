import { describe, expect, it } from 'vitest';
import { PLAN_STATUSES } from '$lib/machines/plan.machine';
import { planStatusLabel } from './plan-status';
import { PLAN_ID } from '$lib/server/supervision/export';

describe('plan status labels', () => {
	it('give every status of the plan machine words on screen, never the stored code', () => {
		const labels = PLAN_STATUSES.map((s) => planStatusLabel(s));
		PLAN_STATUSES.forEach((s, i) => {
			expect(labels[i]).not.toBe(s);
			expect(labels[i].trim()).not.toBe('');
		});
		expect(new Set(labels).size).toBe(PLAN_STATUSES.length);
		expect(planStatusLabel('changes-requested')).toBe('Perlu perubahan');
		expect(planStatusLabel('in-progress')).toBe('Berjalan');
	});

	it('give every status words in the exports', () => {
		for (const s of PLAN_STATUSES) expect(PLAN_ID[s]?.trim() || s).not.toBe(s);
		expect(Object.keys(PLAN_ID).sort()).toEqual([...PLAN_STATUSES].sort());
	});
});
