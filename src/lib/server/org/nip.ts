// NIP (Nomor Induk Pegawai): 18 digits. 1-8 date of birth YYYYMMDD, 9-14 appointment
// year+month YYYYMM, 15 sex (1 male, 2 female), 16-18 serial number.

export type NipError = 'format' | 'birth_date' | 'appointment' | 'sex' | 'serial';

export interface NipParts {
	birthDate: string; // YYYY-MM-DD
	appointment: string; // YYYY-MM
	sex: 'L' | 'P';
	serial: string;
}

export type NipResult = { ok: true; nip: string; parts: NipParts } | { ok: false; error: NipError };

function isRealDate(y: number, m: number, d: number): boolean {
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Checks a NIP. Spaces and dots, as NIPs are often written ("19850312 201001 1 004"), are
 * ignored. `today` bounds the plausible years so that a typo such as 2085 is caught.
 */
export function parseNip(raw: string, today: Date = new Date()): NipResult {
	const nip = raw.replace(/[\s.]/g, '');
	if (!/^\d{18}$/.test(nip)) return { ok: false, error: 'format' };
	const by = Number(nip.slice(0, 4));
	const bm = Number(nip.slice(4, 6));
	const bd = Number(nip.slice(6, 8));
	const thisYear = today.getUTCFullYear();
	// Civil servants are appointed from 18; nobody older than 100 is still in service.
	if (by < thisYear - 100 || by > thisYear - 17 || !isRealDate(by, bm, bd)) return { ok: false, error: 'birth_date' };
	const ay = Number(nip.slice(8, 12));
	const am = Number(nip.slice(12, 14));
	if (am < 1 || am > 12 || ay < by + 17 || ay > thisYear + 1) return { ok: false, error: 'appointment' };
	const sexDigit = nip[14];
	if (sexDigit !== '1' && sexDigit !== '2') return { ok: false, error: 'sex' };
	if (nip.slice(15) === '000') return { ok: false, error: 'serial' };
	return {
		ok: true,
		nip,
		parts: {
			birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
			appointment: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
			sex: sexDigit === '1' ? 'L' : 'P',
			serial: nip.slice(15)
		}
	};
}

/** Formats a NIP the way it is printed on documents: 19850312 201001 1 004. */
export function formatNip(nip: string): string {
	return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}
