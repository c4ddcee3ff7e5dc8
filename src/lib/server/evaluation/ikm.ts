// The public satisfaction index (IKM) of PermenPANRB 14/2017, pure. NRR per element = sum of
// ratings / number who answered that element; weighted NRR = NRR x weight; IKM = sum x 25.
// Elements are named by code, never by position: published forms order them differently.

export const SKM_ELEMENTS = ['persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'kompetensi', 'perilaku', 'pengaduan', 'sarana'] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];

export function isSkmElement(v: unknown): v is SkmElement {
	return typeof v === 'string' && (SKM_ELEMENTS as readonly string[]).includes(v);
}

/** 'exact' is 1/9; the regulation prints the weight rounded, and many reports use 0.11 or 0.111. */
export const IKM_WEIGHTS = ['exact', '0.11', '0.111'] as const;
export type IkmWeight = (typeof IKM_WEIGHTS)[number];

export function isIkmWeight(v: unknown): v is IkmWeight {
	return typeof v === 'string' && (IKM_WEIGHTS as readonly string[]).includes(v);
}

export function weightValue(w: IkmWeight): number {
	return w === 'exact' ? 1 / SKM_ELEMENTS.length : Number(w);
}

export type Band = 'A' | 'B' | 'C' | 'D';

/** The band of an IKM (25-100), read on the value as published (two decimals). */
export function ikmBand(ikm: number): Band {
	const v = round2(ikm);
	if (v >= 88.31) return 'A';
	if (v >= 76.61) return 'B';
	if (v >= 65) return 'C';
	return 'D';
}

/** The band of an element's NRR (1-4), by the regulation's interval of NI. */
export function nrrBand(nrr: number): Band {
	if (nrr >= 3.5324) return 'A';
	if (nrr >= 3.0644) return 'B';
	if (nrr >= 2.6) return 'C';
	return 'D';
}

export function round2(n: number): number {
	return Math.round((n + Number.EPSILON) * 100) / 100;
}

export interface ElementTally {
	sum: number;
	answered: number;
}

export interface ElementResult extends ElementTally {
	element: SkmElement;
	nrr: number | null;
	weightedNrr: number | null;
	/** The element on the 25-100 scale (NRR x 25), easier to read beside the IKM. */
	score: number | null;
	band: Band | null;
}

export interface IkmResult {
	respondents: number;
	elements: ElementResult[];
	sumNrr: number | null;
	/** Null while any element has no answer at all (the index needs all nine). */
	ikm: number | null;
	/** The IKM as published, rounded to two decimals. */
	ikmRounded: number | null;
	band: Band | null;
	weight: IkmWeight;
}

/** One respondent's answers; an element left unanswered is simply absent. */
export type SkmAnswers = Partial<Record<SkmElement, number>>;

export function tallyAnswers(responses: SkmAnswers[]): Record<SkmElement, ElementTally> {
	const out = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, { sum: 0, answered: 0 }])) as Record<SkmElement, ElementTally>;
	for (const r of responses) {
		for (const e of SKM_ELEMENTS) {
			const v = r[e];
			if (v === undefined || v === null) continue;
			if (!Number.isInteger(v) || v < 1 || v > 4) throw new RangeError(`rating ${v} for ${e} is outside 1-4`);
			out[e].sum += v;
			out[e].answered += 1;
		}
	}
	return out;
}

/** The IKM from per-element tallies and the number of respondents. */
export function computeIkm(tallies: Record<SkmElement, ElementTally>, respondents: number, weight: IkmWeight = 'exact'): IkmResult {
	const w = weightValue(weight);
	const elements = SKM_ELEMENTS.map((element): ElementResult => {
		const t = tallies[element] ?? { sum: 0, answered: 0 };
		const nrr = t.answered > 0 ? t.sum / t.answered : null;
		return {
			element,
			sum: t.sum,
			answered: t.answered,
			nrr,
			weightedNrr: nrr === null ? null : nrr * w,
			score: nrr === null ? null : nrr * 25,
			band: nrr === null ? null : nrrBand(nrr)
		};
	});
	const complete = elements.every((e) => e.nrr !== null);
	const sumNrr = complete ? elements.reduce((s, e) => s + (e.nrr as number), 0) : null;
	const ikm = complete ? elements.reduce((s, e) => s + (e.weightedNrr as number), 0) * 25 : null;
	return {
		respondents,
		elements,
		sumNrr,
		ikm,
		ikmRounded: ikm === null ? null : round2(ikm),
		band: ikm === null ? null : ikmBand(ikm),
		weight
	};
}

/** The IKM straight from the answered forms. */
export function ikmFromResponses(responses: SkmAnswers[], weight: IkmWeight = 'exact'): IkmResult {
	return computeIkm(tallyAnswers(responses), responses.length, weight);
}

/** The elements to improve first: lowest NRR first, only those below band A. */
export function weakestElements(result: IkmResult, limit = 3): ElementResult[] {
	return result.elements
		.filter((e) => e.nrr !== null && e.band !== 'A')
		.sort((a, b) => (a.nrr as number) - (b.nrr as number))
		.slice(0, limit);
}
