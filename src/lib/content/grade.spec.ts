import { describe, expect, it } from 'vitest';
import { gradeAnswer, learnerNumberReadings, normaliseShortAnswer, parseLearnerNumber } from './grade';
import type { Question } from './types';

const base = { prompt: 'Soal?', explanation: 'Penjelasan.', points: 1, file: 'content/x/01-y.md', line: 1 };

const single: Question = {
	...base,
	id: 'q-single',
	type: 'single',
	options: [
		{ id: 'a', text: 'Inisiasi' },
		{ id: 'b', text: 'Perencanaan' },
		{ id: 'c', text: 'Pelaksanaan' }
	],
	answer: 'b'
};
const multiple: Question = {
	...base,
	id: 'q-multi',
	type: 'multiple',
	points: 2,
	options: [
		{ id: 'a', text: 'A' },
		{ id: 'b', text: 'B' },
		{ id: 'c', text: 'C' },
		{ id: 'd', text: 'D' },
		{ id: 'e', text: 'E' }
	],
	answer: ['a', 'b', 'c', 'e']
};
const truefalse: Question = { ...base, id: 'q-tf', type: 'truefalse', answer: false };
const short: Question = { ...base, id: 'q-short', type: 'short', answers: ['SP4N-LAPOR!', 'Ombudsman Republik Indonesia'] };
const numeric: Question = { ...base, id: 'q-num', type: 'numeric', answer: 3.45, tolerance: 0.006, unit: null };
const exact: Question = { ...base, id: 'q-exact', type: 'numeric', answer: 12, tolerance: 0, unit: 'hari kerja' };
const money: Question = { ...base, id: 'q-money', type: 'numeric', answer: 640000, tolerance: 0, unit: 'rupiah' };
const matching: Question = {
	...base,
	id: 'q-match',
	type: 'matching',
	points: 3,
	pairs: [
		{ left: 'Pencatatan', right: 'Register' },
		{ left: 'Verifikasi', right: 'Kelengkapan' },
		{ left: 'Disposisi', right: 'Perintah' },
		{ left: 'Tanggapan', right: 'Jawaban' }
	]
};
const ordering: Question = { ...base, id: 'q-order', type: 'ordering', items: ['satu', 'dua', 'tiga', 'empat'] };
const essay: Question = { ...base, id: 'q-essay', type: 'essay', rubric: 'Lengkap.', maxPoints: 10, points: 10 };

const full = (score: number, max = score) => ({ score, max, correct: true, pending: false });
const none = (max: number) => ({ score: 0, max, correct: false, pending: false });

describe('gradeAnswer', () => {
	it('single: all or nothing', () => {
		expect(gradeAnswer(single, 'b')).toEqual(full(1));
		expect(gradeAnswer(single, 'a')).toEqual(none(1));
		expect(gradeAnswer({ ...single, points: 4 }, 'b')).toEqual(full(4));
	});

	it('truefalse: all or nothing, booleans or their strings', () => {
		expect(gradeAnswer(truefalse, false)).toEqual(full(1));
		expect(gradeAnswer(truefalse, 'false')).toEqual(full(1));
		expect(gradeAnswer(truefalse, true)).toEqual(none(1));
		expect(gradeAnswer(truefalse, 'salah')).toEqual(none(1));
		expect(gradeAnswer(truefalse, 0)).toEqual(none(1));
	});

	it('multiple: (correct picks − wrong picks) / correct options, floored at 0, times points', () => {
		expect(gradeAnswer(multiple, ['a', 'b', 'c', 'e'])).toEqual(full(2));
		expect(gradeAnswer(multiple, ['e', 'c', 'b', 'a'])).toEqual(full(2));
		expect(gradeAnswer(multiple, ['a', 'b', 'c'])).toEqual({ score: 1.5, max: 2, correct: false, pending: false });
		expect(gradeAnswer(multiple, ['a', 'b', 'c', 'd'])).toEqual({ score: 1, max: 2, correct: false, pending: false });
		expect(gradeAnswer(multiple, ['a', 'b', 'c', 'd', 'e'])).toEqual({ score: 1.5, max: 2, correct: false, pending: false });
		expect(gradeAnswer(multiple, ['a', 'd'])).toEqual(none(2));
		expect(gradeAnswer(multiple, ['d'])).toEqual(none(2));
		expect(gradeAnswer(multiple, [])).toEqual(none(2));
		// A repeated pick counts once; an unknown id counts as a wrong pick.
		expect(gradeAnswer(multiple, ['a', 'a', 'a', 'a'])).toEqual({ score: 0.5, max: 2, correct: false, pending: false });
		expect(gradeAnswer(multiple, ['a', 'b', 'c', 'e', 'zz'])).toEqual({ score: 1.5, max: 2, correct: false, pending: false });
	});

	it('short: ignores case, extra spaces and trailing punctuation', () => {
		expect(gradeAnswer(short, 'SP4N-LAPOR!')).toEqual(full(1));
		expect(gradeAnswer(short, '  sp4n-lapor ')).toEqual(full(1));
		expect(gradeAnswer(short, 'ombudsman   republik\tindonesia.')).toEqual(full(1));
		expect(gradeAnswer(short, 'Ombudsman')).toEqual(none(1));
		expect(gradeAnswer(short, 'SP4N LAPOR')).toEqual(none(1));
		expect(gradeAnswer(short, '!!!')).toEqual(none(1));
		expect(gradeAnswer(short, '')).toEqual(none(1));
	});

	it('numeric: within tolerance, edges included', () => {
		expect(gradeAnswer(numeric, '3,45')).toEqual(full(1));
		expect(gradeAnswer(numeric, '3.45')).toEqual(full(1));
		expect(gradeAnswer(numeric, 3.45)).toEqual(full(1));
		expect(gradeAnswer(numeric, '3,456')).toEqual(full(1)); // exactly +tolerance
		expect(gradeAnswer(numeric, '3,444')).toEqual(full(1)); // exactly −tolerance
		expect(gradeAnswer(numeric, '3,4561')).toEqual(none(1));
		expect(gradeAnswer(numeric, '3,4439')).toEqual(none(1));
		expect(gradeAnswer(numeric, '3,5')).toEqual(none(1));
		expect(gradeAnswer(exact, ' 12 ')).toEqual(full(1));
		expect(gradeAnswer(exact, '12,0')).toEqual(full(1));
		expect(gradeAnswer(exact, '12,01')).toEqual(none(1));
		expect(gradeAnswer({ ...numeric, answer: -2.5, tolerance: 0 }, '-2,5')).toEqual(full(1));
	});

	it('numeric: Indonesian and English thousands separators', () => {
		expect(gradeAnswer(money, '640.000')).toEqual(full(1));
		expect(gradeAnswer(money, '640,000')).toEqual(full(1));
		expect(gradeAnswer(money, '640000')).toEqual(full(1));
		expect(gradeAnswer({ ...money, answer: 1234.5 }, '1.234,5')).toEqual(full(1));
		expect(gradeAnswer({ ...money, answer: 1234.5 }, '1,234.5')).toEqual(full(1));
		// "1.234" is ambiguous: it is right whether the key is 1234 or 1.234.
		expect(gradeAnswer({ ...money, answer: 1.234 }, '1.234')).toEqual(full(1));
		expect(gradeAnswer({ ...money, answer: 1234 }, '1.234')).toEqual(full(1));
	});

	it('matching: share of correct pairs times points', () => {
		const right = { Pencatatan: 'Register', Verifikasi: 'Kelengkapan', Disposisi: 'Perintah', Tanggapan: 'Jawaban' };
		expect(gradeAnswer(matching, right)).toEqual(full(3));
		expect(gradeAnswer(matching, { ...right, Disposisi: 'Jawaban', Tanggapan: 'Perintah' })).toEqual({
			score: 1.5,
			max: 3,
			correct: false,
			pending: false
		});
		expect(gradeAnswer(matching, { Pencatatan: 'Register' })).toEqual({ score: 0.75, max: 3, correct: false, pending: false });
		expect(gradeAnswer(matching, {})).toEqual(none(3));
	});

	it('ordering: full points only in exactly the correct order', () => {
		expect(gradeAnswer(ordering, ['satu', 'dua', 'tiga', 'empat'])).toEqual(full(1));
		expect(gradeAnswer(ordering, ['dua', 'satu', 'tiga', 'empat'])).toEqual(none(1));
		expect(gradeAnswer(ordering, ['satu', 'dua', 'tiga'])).toEqual(none(1));
		expect(gradeAnswer(ordering, ['satu', 'dua', 'tiga', 'empat', 'lima'])).toEqual(none(1));
	});

	it('essay: pending for a trainer, scored 0 of maxPoints', () => {
		expect(gradeAnswer(essay, 'Jawaban panjang peserta.')).toEqual({ score: 0, max: 10, correct: false, pending: true });
	});

	it('scores malformed responses 0 and never throws', () => {
		const junk: unknown[] = [
			undefined,
			null,
			42,
			Number.NaN,
			{},
			[],
			[1, 2],
			'x',
			{ toString: () => 'b' },
			Symbol('s'),
			() => 'b',
			Object.create(null)
		];
		for (const q of [single, multiple, truefalse, short, numeric, matching, ordering]) {
			for (const [i, response] of junk.entries()) {
				const r = gradeAnswer(q, response);
				expect(r.score, `${q.type}, junk #${i}`).toBe(0);
				expect(r.correct).toBe(false);
				expect(r.pending).toBe(false);
				expect(r.max).toBe(q.points);
			}
		}
		expect(gradeAnswer(single, ['b'])).toEqual(none(1));
		expect(gradeAnswer(multiple, 'a')).toEqual(none(2));
		expect(gradeAnswer(numeric, Number.POSITIVE_INFINITY)).toEqual(none(1));
		expect(gradeAnswer(numeric, 'tiga koma empat')).toEqual(none(1));
		expect(gradeAnswer(matching, ['Register'])).toEqual(none(3));
		expect(gradeAnswer(matching, { Pencatatan: ['Register'] })).toEqual(none(3));
		expect(gradeAnswer(matching, JSON.parse('{"__proto__": {"Pencatatan": "Register"}}'))).toEqual(none(3));
		expect(gradeAnswer(ordering, 'satu,dua,tiga,empat')).toEqual(none(1));
		// A broken question object does not throw either.
		expect(() => gradeAnswer({ ...single, options: undefined } as unknown as Question, 'b')).not.toThrow();
		expect(gradeAnswer({ ...matching, pairs: null } as unknown as Question, {}).score).toBe(0);
	});
});

describe('normaliseShortAnswer', () => {
	it('lowercases, collapses spaces, strips trailing punctuation and quotes', () => {
		expect(normaliseShortAnswer('  Ombudsman   RI.  ')).toBe('ombudsman ri');
		expect(normaliseShortAnswer('SP4N-LAPOR!')).toBe('sp4n-lapor');
		expect(normaliseShortAnswer('“Loyal”')).toBe('loyal');
		expect(normaliseShortAnswer('Apa?!...')).toBe('apa');
		expect(normaliseShortAnswer('a.b')).toBe('a.b');
		expect(normaliseShortAnswer('')).toBe('');
	});
});

describe('parseLearnerNumber', () => {
	it.each([
		['3,05', 3.05],
		['3.05', 3.05],
		['1.234,5', 1234.5],
		['1,234.5', 1234.5],
		[' 42 ', 42],
		['42', 42],
		['-2,5', -2.5],
		['−2,5', -2.5],
		['+7', 7],
		[',5', 0.5],
		['0,125', 0.125],
		['0.125', 0.125],
		['1.500.000', 1500000],
		['1,500,000', 1500000],
		['12.345.678,9', 12345678.9],
		['1.234', 1234],
		['1,234', 1.234],
		['86,63', 86.63],
		['1234,5678', 1234.5678]
	])('reads %j as %d', (input, expected) => {
		expect(parseLearnerNumber(input)).toBeCloseTo(expected, 10);
	});

	it.each(['', '   ', 'abc', '3,05 hari', '1.2.3', '1,2,3', '1.23.456', '1..2', '3,', '--3', '1e5', 'Infinity', '1,234,5.6'])(
		'rejects %j',
		(input) => {
			expect(parseLearnerNumber(input)).toBeNull();
		}
	);

	it('gives both readings of an ambiguous number, the Indonesian one first', () => {
		expect(learnerNumberReadings('1.234')).toEqual([1234, 1.234]);
		expect(learnerNumberReadings('1,234')).toEqual([1.234, 1234]);
		expect(learnerNumberReadings('3,05')).toEqual([3.05]);
	});

	it('does not throw on non-strings', () => {
		expect(parseLearnerNumber(42 as unknown as string)).toBeNull();
		expect(parseLearnerNumber(null as unknown as string)).toBeNull();
	});
});
