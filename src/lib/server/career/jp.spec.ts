import { describe, expect, it } from 'vitest';
import { courseJp, minutesToJp } from './jp';

describe('JP conversion', () => {
	it('converts minutes with the JP length setting (default 45 minutes)', () => {
		expect(minutesToJp(90, 45)).toBe(2);
		expect(minutesToJp(100, 45)).toBe(2.22);
		expect(minutesToJp(120, 60)).toBe(2);
	});

	it('credits nothing for no minutes or a broken setting', () => {
		expect(minutesToJp(0, 45)).toBe(0);
		expect(minutesToJp(90, 0)).toBe(0);
	});

	it('a course’s declared JP wins over its minutes; without it the minutes count', () => {
		expect(courseJp({ jp: 12, totalMinutes: 300 }, 45)).toBe(12);
		expect(courseJp({ jp: null, totalMinutes: 270 }, 45)).toBe(6);
		expect(courseJp({ jp: 0, totalMinutes: 135 }, 45)).toBe(3);
	});
});
