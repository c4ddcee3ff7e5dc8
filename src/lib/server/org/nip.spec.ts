import { describe, expect, it } from 'vitest';
import { formatNip, parseNip } from './nip';

// A fixed "today" so that the plausibility bounds (age 17 to 100) do not move with the calendar.
const TODAY = new Date('2026-06-01T00:00:00Z');

function errorOf(raw: string, today = TODAY) {
	const result = parseNip(raw, today);
	return result.ok ? 'ok' : result.error;
}

describe('parseNip: valid NIPs', () => {
	it('accepts a male NIP and reads its parts', () => {
		expect(parseNip('198503122010011004', TODAY)).toEqual({
			ok: true,
			nip: '198503122010011004',
			parts: { birthDate: '1985-03-12', appointment: '2010-01', sex: 'L', serial: '004' }
		});
	});

	it('accepts a female NIP and reads its parts', () => {
		expect(parseNip('199003152015032004', TODAY)).toEqual({
			ok: true,
			nip: '199003152015032004',
			parts: { birthDate: '1990-03-15', appointment: '2015-03', sex: 'P', serial: '004' }
		});
	});

	it('accepts the NIP as printed on documents, with spaces', () => {
		const result = parseNip('19850312 201001 1 004', TODAY);
		expect(result).toMatchObject({ ok: true, nip: '198503122010011004' });
	});

	it('accepts dots, tabs and surrounding whitespace and returns the bare 18 digits', () => {
		expect(parseNip('19850312.201001.1.004', TODAY)).toMatchObject({ ok: true, nip: '198503122010011004' });
		expect(parseNip('  19850312\t201001 1 004  ', TODAY)).toMatchObject({ ok: true, nip: '198503122010011004' });
	});

	it('accepts 29 February in a leap year', () => {
		expect(parseNip('198802292010011004', TODAY)).toMatchObject({ ok: true, parts: { birthDate: '1988-02-29' } });
		expect(parseNip('200002292020011004', TODAY)).toMatchObject({ ok: true, parts: { birthDate: '2000-02-29' } });
	});

	it('accepts the youngest and oldest plausible birth years', () => {
		// Born 17 years before "today", appointed this year.
		expect(errorOf('200901012026011001')).toBe('ok');
		// Born 100 years before "today".
		expect(errorOf('192601011950011001')).toBe('ok');
	});

	it('accepts an appointment at exactly 17 and up to next year', () => {
		expect(errorOf('198503122002011004')).toBe('ok');
		expect(errorOf('198503122027011004')).toBe('ok');
	});

	it('uses the real current date when no "today" is given', () => {
		expect(parseNip('198503122010011004')).toMatchObject({ ok: true, nip: '198503122010011004' });
	});
});

describe('parseNip: refused NIPs', () => {
	it('refuses a wrong length as a format problem', () => {
		expect(errorOf('')).toBe('format');
		expect(errorOf('19850312201001100')).toBe('format'); // 17 digits
		expect(errorOf('1985031220100110041')).toBe('format'); // 19 digits
		expect(errorOf('19850312 201001 1 04')).toBe('format');
	});

	it('refuses letters and other characters as a format problem', () => {
		expect(errorOf('19850312201001100A')).toBe('format');
		expect(errorOf('19850312-201001-1-004')).toBe('format');
		expect(errorOf('１９８５０３１２２０１００１１００４')).toBe('format'); // full-width digits
		expect(errorOf('+98503122010011004')).toBe('format');
	});

	it('refuses birth dates that do not exist', () => {
		expect(errorOf('198502302010011004')).toBe('birth_date'); // 30 February
		expect(errorOf('198513012010011004')).toBe('birth_date'); // month 13
		expect(errorOf('198500122010011004')).toBe('birth_date'); // month 00
		expect(errorOf('198503002010011004')).toBe('birth_date'); // day 00
		expect(errorOf('198504312010011004')).toBe('birth_date'); // 31 April
	});

	it('refuses 29 February in a year that is not a leap year', () => {
		expect(errorOf('198502292010011004')).toBe('birth_date');
		expect(errorOf('190002291950011004', new Date('1990-01-01T00:00:00Z'))).toBe('birth_date'); // 1900: not a leap year
	});

	it('refuses birth years of people too young to be civil servants', () => {
		expect(errorOf('201001012027011001')).toBe('birth_date'); // 16 in 2026
		expect(errorOf('208503122010011004')).toBe('birth_date'); // the typo 2085 for 1985
	});

	it('refuses birth years of people too old to be in service', () => {
		expect(errorOf('192512312010011004')).toBe('birth_date'); // 101 in 2026
		expect(errorOf('185503122010011004')).toBe('birth_date');
	});

	it('moves the plausible window with "today"', () => {
		expect(errorOf('200901012026011001', new Date('2025-12-31T00:00:00Z'))).toBe('birth_date');
		expect(errorOf('200901012026011001', new Date('2026-01-01T00:00:00Z'))).toBe('ok');
	});

	it('refuses appointment months 00 and 13', () => {
		expect(errorOf('198503122010001004')).toBe('appointment');
		expect(errorOf('198503122010131004')).toBe('appointment');
	});

	it('refuses an appointment before the age of 17', () => {
		expect(errorOf('198503122001011004')).toBe('appointment');
		expect(errorOf('198503121985031004')).toBe('appointment');
	});

	it('refuses an appointment more than a year in the future', () => {
		expect(errorOf('198503122028011004')).toBe('appointment');
	});

	it('refuses a sex digit other than 1 or 2', () => {
		expect(errorOf('198503122010010004')).toBe('sex');
		expect(errorOf('198503122010013004')).toBe('sex');
		expect(errorOf('198503122010019004')).toBe('sex');
	});

	it('refuses serial number 000', () => {
		expect(errorOf('198503122010011000')).toBe('serial');
		expect(errorOf('198503122010011001')).toBe('ok');
	});

	it('reports the first problem in digit order', () => {
		// Bad birth date, bad appointment month, bad sex digit and serial 000 all at once.
		expect(errorOf('198502302010130000')).toBe('birth_date');
		expect(errorOf('198503122010130000')).toBe('appointment');
		expect(errorOf('198503122010010000')).toBe('sex');
	});
});

describe('formatNip', () => {
	it('prints a NIP the way documents do', () => {
		expect(formatNip('198503122010011004')).toBe('19850312 201001 1 004');
		expect(formatNip('199003152015032004')).toBe('19900315 201503 2 004');
	});

	it('prints a NIP that parses back to the same digits', () => {
		const nip = '199207212019031006';
		expect(parseNip(formatNip(nip), TODAY)).toMatchObject({ ok: true, nip });
	});
});
