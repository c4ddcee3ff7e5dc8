import { describe, expect, it } from 'vitest';
import { deriveLevels, evidenceState, gaps, type EvidenceRow } from './levels';

const TODAY = '2026-06-15';
let nextId = 1;
function ev(over: Partial<EvidenceRow>): EvidenceRow {
	return {
		id: nextId++,
		competencyCode: 'TEK-YAN',
		level: 2,
		source: 'certificate',
		sourceRef: '1',
		title: 'Pelayanan Publik Prima',
		validFrom: '2026-01-10',
		validUntil: null,
		revokedAt: null,
		revokedReason: null,
		...over
	};
}

describe('level derivation', () => {
	it('the highest valid level counts, and the record names it', () => {
		const low = ev({ level: 1, source: 'manual' });
		const high = ev({ level: 3, source: 'external', sourceRef: '7' });
		const rec = deriveLevels([low, high], TODAY).get('TEK-YAN')!;
		expect(rec.level).toBe(3);
		expect(rec.basis).toBe(high);
		expect(rec.valid.map((e) => e.level)).toEqual([3, 1]);
	});

	it('an expired certificate stops counting and says so', () => {
		const expired = ev({ level: 3, validFrom: '2023-01-01', validUntil: '2025-01-01' });
		const current = ev({ level: 2 });
		const rec = deriveLevels([expired, current], TODAY).get('TEK-YAN')!;
		expect(rec.level).toBe(2);
		expect(rec.stopped).toEqual([{ ...expired, state: 'expired' }]);
	});

	it('evidence is valid through its last day and expired the day after', () => {
		expect(evidenceState(ev({ validUntil: TODAY }), TODAY)).toBe('valid');
		expect(evidenceState(ev({ validUntil: '2026-06-14' }), TODAY)).toBe('expired');
		expect(evidenceState(ev({ validFrom: '2026-06-16' }), TODAY)).toBe('not-yet-valid');
	});

	it('a revoked certificate stops counting even before it expires', () => {
		const revoked = ev({ level: 4, validUntil: '2028-01-01', revokedAt: new Date('2026-03-01'), revokedReason: 'Plagiat' });
		const rec = deriveLevels([revoked], TODAY).get('TEK-YAN')!;
		expect(rec.level).toBe(0);
		expect(rec.basis).toBeNull();
		expect(rec.stopped[0]).toMatchObject({ state: 'revoked', revokedReason: 'Plagiat' });
	});

	it('keeps competencies apart', () => {
		const levels = deriveLevels([ev({ competencyCode: 'TEK-ADU', level: 2 }), ev({ competencyCode: 'MNJ-PP', level: 1 })], TODAY);
		expect(levels.get('TEK-ADU')!.level).toBe(2);
		expect(levels.get('MNJ-PP')!.level).toBe(1);
		expect(levels.has('TEK-YAN')).toBe(false);
	});

	it('gaps count the missing levels; no evidence means level 0', () => {
		const levels = deriveLevels([ev({ competencyCode: 'TEK-YAN', level: 2 })], TODAY);
		expect(
			gaps(
				[
					{ code: 'TEK-YAN', required: 3 },
					{ code: 'TEK-ADU', required: 2 },
					{ code: 'MNJ-INT', required: 1 }
				],
				new Map<string, { level: number }>([...levels, ['MNJ-INT', { level: 2 }]])
			)
		).toEqual([
			{ code: 'TEK-YAN', required: 3, current: 2, gap: 1 },
			{ code: 'TEK-ADU', required: 2, current: 0, gap: 2 },
			{ code: 'MNJ-INT', required: 1, current: 2, gap: 0 }
		]);
	});
});
