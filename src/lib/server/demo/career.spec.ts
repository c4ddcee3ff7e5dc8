import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/load';
import { demoPositions } from './medan';
import { demoRequirements } from './career';

describe('demo position requirements', () => {
	it('every demo position requires every manajerial competency and Perekat Bangsa, at a level by rank', () => {
		for (const p of demoPositions) {
			const req = demoRequirements(p.code);
			expect(Object.keys(req).filter((c) => c.startsWith('MNJ-') || c === 'SK-PB'), p.code).toHaveLength(9);
			for (const level of Object.values(req)) expect(level).toBeGreaterThanOrEqual(1);
			for (const level of Object.values(req)) expect(level).toBeLessThanOrEqual(5);
		}
		expect(demoRequirements('KADIS')['MNJ-INT']).toBeGreaterThan(demoRequirements('LURAH')['MNJ-INT']);
		expect(demoRequirements('LURAH')['MNJ-INT']).toBeGreaterThan(demoRequirements('PENGELOLA-LAYANAN')['MNJ-INT']);
	});

	it('pegawai@’s position has teknis gaps that the demo courses close', () => {
		const { courses } = loadContent(path.resolve('content'));
		const req = demoRequirements('PENGELOLA-LAYANAN');
		for (const code of ['TEK-YAN', 'TEK-ADU', 'TEK-SPBE']) {
			expect(req[code], code).toBeGreaterThan(0);
			const best = Math.max(0, ...courses.flatMap((c) => c.competencies.filter((x) => x.code === code).map((x) => x.level)));
			expect(best, `${code} is closed by a course`).toBeGreaterThanOrEqual(req[code]);
		}
	});
});
