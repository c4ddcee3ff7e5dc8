import { describe, expect, it } from 'vitest';
import { computeIkm, ikmBand, ikmFromResponses, nrrBand, tallyAnswers, weakestElements, SKM_ELEMENTS, type SkmAnswers, type SkmElement } from './ikm';

// The worked example of domain.md: 29 respondents, rating counts per element.
const COUNTS: Record<SkmElement, Array<[number, number]>> = {
	persyaratan: [[18, 4], [11, 3]],
	prosedur: [[14, 4], [15, 3]],
	waktu: [[15, 4], [12, 3], [2, 2]],
	biaya: [[29, 4]],
	produk: [[15, 4], [14, 3]],
	kompetensi: [[18, 4], [11, 3]],
	perilaku: [[19, 4], [10, 3]],
	pengaduan: [[18, 4], [11, 3]],
	sarana: [[28, 4], [1, 3]]
};

/** 29 forms built from the counts, each element filled independently. */
function workedExample(): SkmAnswers[] {
	const forms: SkmAnswers[] = Array.from({ length: 29 }, () => ({}));
	for (const e of SKM_ELEMENTS) {
		let i = 0;
		for (const [count, rating] of COUNTS[e]) for (let k = 0; k < count; k++) forms[i++][e] = rating;
	}
	return forms;
}

describe('IKM (PermenPANRB 14/2017)', () => {
	it('reproduces the worked example: totals, sum of NRR, 90.56 with weight 0.11', () => {
		const r = ikmFromResponses(workedExample(), '0.11');
		expect(r.respondents).toBe(29);
		expect(r.elements.map((e) => e.sum)).toEqual([105, 101, 100, 116, 102, 105, 106, 105, 115]);
		expect(r.sumNrr!.toFixed(4)).toBe('32.9310');
		expect(r.ikmRounded).toBe(90.56);
		expect(r.band).toBe('A');
	});

	it('gives 91.48 with the exact weight 1/9 (the default)', () => {
		const r = ikmFromResponses(workedExample());
		expect(r.weight).toBe('exact');
		expect(r.ikmRounded).toBe(91.48);
		expect(r.band).toBe('A');
	});

	it('gives the 0.111 variant used by some published reports', () => {
		// 32.9310 x 0.111 x 25 = 91.38
		expect(ikmFromResponses(workedExample(), '0.111').ikmRounded).toBe(91.38);
	});

	it('does not depend on the order the elements are stored in', () => {
		const forms = workedExample().map((f) => Object.fromEntries(Object.entries(f).reverse()) as SkmAnswers);
		expect(ikmFromResponses(forms, '0.11').ikmRounded).toBe(90.56);
	});

	it('divides an element by the number who answered it, not by all respondents', () => {
		const forms: SkmAnswers[] = [
			Object.fromEntries(SKM_ELEMENTS.map((e) => [e, 4])),
			Object.fromEntries(SKM_ELEMENTS.map((e) => [e, 2])),
			// The third person skipped "biaya" (a free service) and rated the rest 3.
			Object.fromEntries(SKM_ELEMENTS.filter((e) => e !== 'biaya').map((e) => [e, 3]))
		];
		const r = ikmFromResponses(forms);
		const biaya = r.elements.find((e) => e.element === 'biaya')!;
		expect(biaya.answered).toBe(2);
		expect(biaya.nrr).toBe(3); // (4 + 2) / 2, not / 3
		expect(r.elements.find((e) => e.element === 'waktu')!.nrr).toBe(3);
		expect(r.respondents).toBe(3);
		expect(r.ikmRounded).toBe(75);
	});

	it('gives no index while an element has no answer at all', () => {
		const forms: SkmAnswers[] = [Object.fromEntries(SKM_ELEMENTS.filter((e) => e !== 'sarana').map((e) => [e, 4]))];
		const r = ikmFromResponses(forms);
		expect(r.ikm).toBeNull();
		expect(r.band).toBeNull();
		expect(r.elements.find((e) => e.element === 'sarana')!.nrr).toBeNull();
	});

	it('refuses a rating outside 1-4', () => {
		expect(() => tallyAnswers([{ waktu: 5 }])).toThrow(RangeError);
	});

	it('names the weakest elements below band A first', () => {
		const r = ikmFromResponses(workedExample());
		expect(weakestElements(r).map((e) => e.element)).toEqual(['waktu', 'prosedur', 'produk']);
	});
});

describe('bands', () => {
	it('puts the IKM boundaries where the regulation does', () => {
		expect(ikmBand(100)).toBe('A');
		expect(ikmBand(88.31)).toBe('A');
		expect(ikmBand(88.305)).toBe('A'); // published as 88.31
		expect(ikmBand(88.3)).toBe('B');
		expect(ikmBand(76.61)).toBe('B');
		expect(ikmBand(76.6)).toBe('C');
		expect(ikmBand(65)).toBe('C');
		expect(ikmBand(64.99)).toBe('D');
		expect(ikmBand(25)).toBe('D');
	});

	it('puts the element (NI 1-4) boundaries where the regulation does', () => {
		expect(nrrBand(4)).toBe('A');
		expect(nrrBand(3.5324)).toBe('A');
		expect(nrrBand(3.532)).toBe('B');
		expect(nrrBand(3.0644)).toBe('B');
		expect(nrrBand(3.064)).toBe('C');
		expect(nrrBand(2.6)).toBe('C');
		expect(nrrBand(2.5996)).toBe('D');
		expect(nrrBand(1)).toBe('D');
	});

	it('computeIkm takes tallies from the database the same way', () => {
		const tallies = tallyAnswers(workedExample());
		expect(computeIkm(tallies, 29, '0.11').ikmRounded).toBe(90.56);
	});
});
