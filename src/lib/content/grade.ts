// Grading of one answer to one question, for practice questions and exams (rules in
// content/README.md). Pure and browser-safe: no Node imports. Malformed responses score 0; the
// functions here never throw.
import type { Question } from './types';

export interface GradeResult {
	/** Points earned (0 for a pending essay). */
	score: number;
	/** Points available: `points`, or `maxPoints` for an essay. */
	max: number;
	/** Full points earned. */
	correct: boolean;
	/** Waiting for a trainer (essay). */
	pending: boolean;
}

/**
 * How a short answer is compared: case-insensitive, surrounding quotes and spaces removed, runs of
 * whitespace collapsed, trailing punctuation removed ("SP4N-LAPOR!" and "sp4n-lapor" are equal).
 */
export function normaliseShortAnswer(s: string): string {
	if (typeof s !== 'string') return '';
	return s
		.normalize('NFKC')
		.toLocaleLowerCase('id')
		.replace(/\s+/gu, ' ')
		.trim()
		.replace(/^["'“‘«]+\s*/u, '')
		.replace(/[\s.,;:!?…"'”’»]+$/u, '')
		.trim();
}

const THOUSANDS_DOT = /^\d{1,3}(?:\.\d{3})+$/;
const THOUSANDS_COMMA = /^\d{1,3}(?:,\d{3})+$/;
const DECIMAL_COMMA_WITH_DOTS = /^\d{1,3}(?:\.\d{3})+,\d+$/; // 1.234,5 (Indonesian)
const DECIMAL_DOT_WITH_COMMAS = /^\d{1,3}(?:,\d{3})+\.\d+$/; // 1,234.5 (English)
const SINGLE_SEPARATOR = /^(\d*)([.,])(\d+)$/;
const AMBIGUOUS_GROUP = /^[1-9]\d{0,2}[.,]\d{3}$/; // "1.234" or "1,234"

/**
 * Every plausible reading of a number typed by a learner, the preferred one first.
 * Accepts "42", " 42 ", "3,05", "3.05", ",5", "1.234,5", "1,234.5", "1.500.000", "1,500,000" and a
 * leading sign. Indonesian conventions win when a string is ambiguous: "1.234" reads first as 1234
 * (thousands dot), then as 1.234; "1,234" reads first as 1.234 (decimal comma), then as 1234.
 */
export function learnerNumberReadings(input: string): number[] {
	if (typeof input !== 'string') return [];
	let s = input.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
	if (s === '' || s.length > 64) return [];
	let sign = 1;
	if (/^[-−–+]/u.test(s)) {
		if (s[0] !== '+') sign = -1;
		s = s.slice(1).trim();
	}
	if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return [];

	const read = (normalised: string): number => sign * Number(normalised);
	let readings: number[] = [];
	if (/^\d+$/.test(s)) {
		readings = [read(s)];
	} else if (AMBIGUOUS_GROUP.test(s)) {
		const whole = read(s.replace(/[.,]/, ''));
		const decimal = read(s.replace(',', '.'));
		readings = s.includes('.') ? [whole, decimal] : [decimal, whole];
	} else if (SINGLE_SEPARATOR.test(s)) {
		readings = [read(s.replace(',', '.'))];
	} else if (THOUSANDS_DOT.test(s)) {
		readings = [read(s.replace(/\./g, ''))];
	} else if (THOUSANDS_COMMA.test(s)) {
		readings = [read(s.replace(/,/g, ''))];
	} else if (DECIMAL_COMMA_WITH_DOTS.test(s)) {
		readings = [read(s.replace(/\./g, '').replace(',', '.'))];
	} else if (DECIMAL_DOT_WITH_COMMAS.test(s)) {
		readings = [read(s.replace(/,/g, ''))];
	}
	return readings.filter((n) => Number.isFinite(n)).map((n) => (Object.is(n, -0) ? 0 : n));
}

/**
 * A number typed by a learner ("3,05", "3.05", "1.234,5", "1,234.5", " 42 "), or null when it is
 * not a number. Ambiguous input gets its Indonesian reading; see learnerNumberReadings.
 */
export function parseLearnerNumber(input: string): number | null {
	const readings = learnerNumberReadings(input);
	return readings.length > 0 ? readings[0] : null;
}

function result(score: number, max: number, pending = false): GradeResult {
	const safeMax = Number.isFinite(max) && max > 0 ? max : 0;
	const safeScore = Number.isFinite(score) ? Math.min(Math.max(score, 0), safeMax) : 0;
	return {
		score: safeScore,
		max: safeMax,
		correct: !pending && safeMax > 0 && safeScore >= safeMax - 1e-9,
		pending
	};
}

function pointsOf(q: Question): number {
	return typeof q.points === 'number' && Number.isFinite(q.points) && q.points > 0 ? q.points : 1;
}

function isStringArray(v: unknown): v is string[] {
	return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function withinTolerance(value: number, answer: number, tolerance: number): boolean {
	// A small allowance for binary floating point, so that 3.456 counts as within 0.006 of 3.45.
	const slack = 1e-9 * Math.max(1, Math.abs(answer), Math.abs(tolerance));
	return Math.abs(value - answer) <= tolerance + slack;
}

function gradeUnsafe(q: Question, response: unknown): GradeResult {
	const points = pointsOf(q);
	switch (q.type) {
		case 'single':
			// All or nothing.
			return result(typeof response === 'string' && response === q.answer ? points : 0, points);

		case 'truefalse': {
			// All or nothing. Form posts may send the strings "true"/"false".
			const value =
				typeof response === 'boolean'
					? response
					: response === 'true'
						? true
						: response === 'false'
							? false
							: null;
			return result(value !== null && value === q.answer ? points : 0, points);
		}

		case 'multiple': {
			// Partial credit: (correct picks − wrong picks) / number of correct options, floored at 0.
			// A pick that is not a correct option (including an unknown id) counts as wrong.
			if (!isStringArray(response) || q.answer.length === 0) return result(0, points);
			const picks = new Set(response);
			const key = new Set(q.answer);
			let right = 0;
			let wrong = 0;
			for (const pick of picks) {
				if (key.has(pick)) right++;
				else wrong++;
			}
			return result((Math.max(0, right - wrong) / key.size) * points, points);
		}

		case 'short': {
			if (typeof response !== 'string') return result(0, points);
			const given = normaliseShortAnswer(response);
			if (given === '') return result(0, points);
			const accepted = q.answers.some((a) => normaliseShortAnswer(a) === given);
			return result(accepted ? points : 0, points);
		}

		case 'numeric': {
			const values =
				typeof response === 'number'
					? Number.isFinite(response)
						? [response]
						: []
					: typeof response === 'string'
						? learnerNumberReadings(response)
						: [];
			const tolerance = Number.isFinite(q.tolerance) && q.tolerance > 0 ? q.tolerance : 0;
			const ok = values.some((v) => withinTolerance(v, q.answer, tolerance));
			return result(ok ? points : 0, points);
		}

		case 'matching': {
			// Response: { [left]: right }. Score: share of lefts matched to their right × points.
			if (typeof response !== 'object' || response === null || Array.isArray(response)) {
				return result(0, points);
			}
			if (q.pairs.length === 0) return result(0, points);
			const given = response as Record<string, unknown>;
			let right = 0;
			for (const pair of q.pairs) {
				if (Object.hasOwn(given, pair.left) && given[pair.left] === pair.right) right++;
			}
			return result((right / q.pairs.length) * points, points);
		}

		case 'ordering': {
			// Rule: full points only when every item is in exactly the correct position; any other
			// order (even one swap) scores 0. No partial credit for ordering questions.
			const exact =
				isStringArray(response) &&
				response.length === q.items.length &&
				response.every((item, i) => item === q.items[i]);
			return result(exact ? points : 0, points);
		}

		case 'essay':
			// Graded by a trainer against the rubric.
			return result(0, q.maxPoints, true);

		default:
			return result(0, 0);
	}
}

/** Grade one response to one question. Never throws; a malformed response scores 0. */
export function gradeAnswer(q: Question, response: unknown): GradeResult {
	try {
		return gradeUnsafe(q, response);
	} catch {
		let max = 0;
		try {
			max = q.type === 'essay' ? q.maxPoints : pointsOf(q);
		} catch {
			// not a question at all
		}
		return result(0, max);
	}
}
