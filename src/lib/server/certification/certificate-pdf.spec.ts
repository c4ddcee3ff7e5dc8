import { describe, expect, it } from 'vitest';
import { formatDateId, formatNipForPrint, renderCertificatePdf, type CertificatePdfData } from './certificate-pdf';

const SAMPLE: CertificatePdfData = {
	holderName: 'Nurul Hidayah Pane, S.E.',
	nip: '198807142012122002',
	unitName: 'Dinas Komunikasi dan Informatika',
	courseTitle: 'Pelayanan Publik Berbasis Digital',
	courseVersion: 'versi 3f2a9c1',
	jp: 24,
	competencies: [
		{ name: 'Orientasi pelayanan', level: 3 },
		{ name: 'Literasi digital', level: 2 }
	],
	issuedAt: new Date('2026-11-23T03:00:00Z'),
	expiresAt: new Date('2029-11-23T03:00:00Z'),
	code: 'BINA-7K3M-Q9TX-2HPV',
	verifyUrl: 'https://bina.pemkomedan.go.id/verify/BINA-7K3M-Q9TX-2HPV',
	issuer: 'BKPSDM Kota Medan',
	score: 86.5
};

// --- Reading the PDF back ------------------------------------------------------------------

const raw = (pdf: Buffer) => pdf.toString('latin1');

// The standard fonts use WinAnsi; these codes differ from Latin-1.
const WIN_ANSI: Record<number, string> = { 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—' };

function decodeHex(hex: string): string {
	let out = '';
	for (let i = 0; i + 1 < hex.length; i += 2) {
		const code = parseInt(hex.slice(i, i + 2), 16);
		out += WIN_ANSI[code] ?? String.fromCharCode(code);
	}
	return out;
}

/**
 * The text lines of an uncompressed PDF written by pdfkit: every BT…ET block is one line,
 * drawn as TJ arrays of hex strings (with kerning numbers between them).
 */
function textLines(pdf: Buffer): string[] {
	const lines: string[] = [];
	for (const [, body] of raw(pdf).matchAll(/\bBT\n([\s\S]*?)\nET\b/g)) {
		let line = '';
		for (const [, array] of body.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
			for (const [, hex] of array.matchAll(/<([0-9a-fA-F]*)>/g)) line += decodeHex(hex);
		}
		lines.push(line);
	}
	return lines;
}

const textOf = (pdf: Buffer) => textLines(pdf).join('\n');
const squash = (s: string) => s.replace(/\s+/g, '');

/** The positions (x, y in PDF points from the bottom left) at which text lines start. */
function textPositions(pdf: Buffer): Array<{ x: number; y: number }> {
	return [...raw(pdf).matchAll(/\bBT\n1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm/g)].map(([, x, y]) => ({ x: Number(x), y: Number(y) }));
}

function objectBody(pdf: string, id: string): string {
	const match = new RegExp(`(?:^|\\n)${id} 0 obj\\n([\\s\\S]*?)\\nendobj`).exec(pdf);
	if (!match) throw new Error(`object ${id} not found`);
	return match[1];
}

/** A PDF literal string, '(…)', possibly UTF-16BE with a byte order mark. */
function decodeLiteral(literal: string): string {
	const inner = literal.trim().replace(/^\(/, '').replace(/\)$/, '');
	const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
	const bytes = inner.replace(/\\([nrtbf()\\])/g, (_, c: string) => escapes[c] ?? c);
	if (bytes.startsWith('\xfe\xff')) return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le');
	return bytes;
}

/** An entry of the document information dictionary (Title, Author, …). */
function infoEntry(pdf: Buffer, key: string): string {
	const text = raw(pdf);
	const infoId = /\/Info (\d+) 0 R/.exec(text)?.[1];
	if (!infoId) throw new Error('no /Info in trailer');
	const info = objectBody(text, infoId);
	const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(info);
	if (ref) return decodeLiteral(objectBody(text, ref[1]));
	const inline = new RegExp(`/${key} (\\((?:\\\\.|[^\\\\)])*\\))`).exec(info);
	if (!inline) throw new Error(`no /${key} in /Info`);
	return decodeLiteral(inline[1]);
}

const pageCount = (pdf: Buffer) => (raw(pdf).match(/\/Type \/Page(?!s)\b/g) ?? []).length;

const render = (data: Partial<CertificatePdfData> = {}) => renderCertificatePdf({ ...SAMPLE, ...data }, { compress: false });

// --- Tests ---------------------------------------------------------------------------------

describe('formatNipForPrint', () => {
	it('groups the 18 digits 8-6-1-3', () => {
		expect(formatNipForPrint('198807142012122002')).toBe('19880714 201212 2 002');
	});

	it('accepts a NIP already written with spaces or dots', () => {
		expect(formatNipForPrint('19880714 201212 2 002')).toBe('19880714 201212 2 002');
		expect(formatNipForPrint('19880714.201212.2.002')).toBe('19880714 201212 2 002');
	});

	it('prints anything that is not 18 digits as given', () => {
		expect(formatNipForPrint(' 12345 ')).toBe('12345');
	});
});

describe('formatDateId', () => {
	it('writes the day, the Indonesian month name and the year', () => {
		expect(formatDateId(new Date('2026-11-23T03:00:00Z'))).toBe('23 November 2026');
		expect(formatDateId(new Date('2026-02-05T03:00:00Z'))).toBe('5 Februari 2026');
		expect(formatDateId(new Date('2026-08-17T03:00:00Z'))).toBe('17 Agustus 2026');
		expect(formatDateId(new Date('2026-05-01T03:00:00Z'))).toBe('1 Mei 2026');
	});

	it('uses the date in Medan (Asia/Jakarta, UTC+7), not UTC', () => {
		expect(formatDateId(new Date('2026-11-22T16:59:59Z'))).toBe('22 November 2026');
		expect(formatDateId(new Date('2026-11-22T17:00:00Z'))).toBe('23 November 2026');
		expect(formatDateId(new Date('2026-12-31T17:30:00Z'))).toBe('1 Januari 2027');
	});
});

describe('renderCertificatePdf', () => {
	it('produces a PDF', async () => {
		const pdf = await renderCertificatePdf(SAMPLE);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});

	it('is one A4 landscape page', async () => {
		const pdf = await render();
		const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(raw(pdf));
		expect(box).not.toBeNull();
		expect(Math.round(Number(box![1]))).toBe(842);
		expect(Math.round(Number(box![2]))).toBe(595);
		expect(pageCount(pdf)).toBe(1);
	});

	it('sets the document metadata', async () => {
		const pdf = await render();
		const title = infoEntry(pdf, 'Title');
		expect(title).toContain('Nurul Hidayah Pane, S.E.');
		expect(title).toContain('Pelayanan Publik Berbasis Digital');
		expect(title).toBe('Sertifikat Pelayanan Publik Berbasis Digital – Nurul Hidayah Pane, S.E.');
		expect(infoEntry(pdf, 'Author')).toBe('BKPSDM Kota Medan');
		expect(infoEntry(pdf, 'Subject')).toBe('Sertifikat Bina ASN BINA-7K3M-Q9TX-2HPV');
		expect(infoEntry(pdf, 'CreationDate')).toBe('D:20261123030000Z');
	});

	it('prints the certificate text in Indonesian', async () => {
		const text = textOf(await render());
		for (const expected of [
			'SERTIFIKAT',
			'Pengembangan Kompetensi Aparatur Sipil Negara',
			'diberikan kepada',
			'Nurul Hidayah Pane, S.E.',
			'19880714 201212 2 002',
			'Dinas Komunikasi dan Informatika',
			'telah menyelesaikan dan lulus kursus',
			'Pelayanan Publik Berbasis Digital',
			'versi 3f2a9c1',
			'dengan beban belajar 24 JP',
			'Kompetensi yang dikembangkan',
			'Orientasi pelayanan',
			'Level 3',
			'Literasi digital',
			'Level 2',
			'Diterbitkan: 23 November 2026',
			'Berlaku sampai: 23 November 2029',
			'Nilai ujian akhir: 86,5',
			'BKPSDM Kota Medan',
			'BINA-7K3M-Q9TX-2HPV'
		]) {
			expect(text).toContain(expected);
		}
		expect(squash(text)).toContain(
			squash('Pindai kode QR atau buka https://bina.pemkomedan.go.id/verify/BINA-7K3M-Q9TX-2HPV untuk memeriksa keaslian sertifikat ini.')
		);
	});

	it('prints the verification code in a monospace font', async () => {
		const pdf = raw(await render());
		const courier = /(\d+) 0 obj\n<<\n\/Type \/Font\n\/BaseFont \/Courier/.exec(pdf);
		expect(courier).not.toBeNull();
		const fontName = new RegExp(`/(F\\d+) ${courier![1]} 0 R`).exec(pdf)![1];
		const hex = Buffer.from('BINA-7K3M-Q9TX-2HPV', 'latin1').toString('hex');
		expect(pdf).toMatch(new RegExp(`/${fontName} [\\d.]+ Tf\\n\\[[^\\]]*${hex}`));
	});

	it('says when the certificate never expires and leaves out a missing score, NIP and unit', async () => {
		const text = textOf(await render({ expiresAt: null, score: null, nip: null, unitName: null }));
		expect(text).toContain('Berlaku tanpa batas waktu');
		expect(text).not.toContain('Berlaku sampai');
		expect(text).not.toContain('Nilai ujian akhir');
		expect(text).not.toContain('NIP');
	});

	it('embeds the QR code as an image', async () => {
		const pdf = raw(await render());
		expect(pdf).toMatch(/\/Type \/XObject\n\/Subtype \/Image/);
		expect(pdf).toMatch(/\/I\d+ Do/);
	});

	it('keeps a very long name, a long title and eight competencies on one page', async () => {
		const holderName = 'Prof. Dr. Ir. Hj. Siti Aisyah Nasution Siregar Harahap Lubis Batubara Simanjuntak Pardede Situmorang, S.E., M.Si, M.Kom.';
		expect(holderName).toHaveLength(120);
		const courseTitle =
			'Manajemen Risiko, Tata Kelola, dan Pengendalian Intern Pemerintah dalam Penyelenggaraan Pelayanan Publik Berbasis Elektronik di Lingkungan Pemerintah Kota Medan';
		const competencies = Array.from({ length: 8 }, (_, i) => ({
			name: `Kompetensi ${i + 1}: pengelolaan data dan informasi publik secara terpadu lintas perangkat daerah`,
			level: (i % 5) + 1
		}));
		const pdf = await render({ holderName, courseTitle, competencies, unitName: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' });
		expect(pageCount(pdf)).toBe(1);
		const text = squash(textOf(pdf));
		// Wrapped or shrunk, but not cut off.
		expect(text).toContain(squash(holderName));
		expect(text).toContain(squash(courseTitle));
		for (let i = 1; i <= 8; i++) expect(text).toContain(`Kompetensi${i}:`);
		// Every line starts inside the border (20 pt from each edge).
		for (const { x, y } of textPositions(pdf)) {
			expect(x).toBeGreaterThan(20);
			expect(x).toBeLessThan(842 - 20);
			expect(y).toBeGreaterThan(20);
			expect(y).toBeLessThan(595 - 20);
		}
	});

	it('stays on one page with many competencies and a name without spaces', async () => {
		const competencies = Array.from({ length: 25 }, (_, i) => ({ name: `Kompetensi nomor ${i + 1} dengan nama yang cukup panjang untuk dibungkus`, level: 2 }));
		const pdf = await render({ holderName: 'A'.repeat(120), competencies, issuer: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Medan' });
		expect(pageCount(pdf)).toBe(1);
		expect(textOf(pdf)).toMatch(/dan \d+ kompetensi lainnya/);
	});

	it('writes fractional numbers with a decimal comma', async () => {
		const text = textOf(await render({ jp: 1.5, score: 90 }));
		expect(text).toContain('dengan beban belajar 1,5 JP');
		expect(text).toContain('Nilai ujian akhir: 90');
	});

	it('replaces characters the standard fonts cannot print', async () => {
		const text = textOf(await render({ holderName: 'Şiti Nurhalizaâ 🎓' }));
		expect(text).toContain('Siti Nurhalizaâ');
	});

	it('renders the same certificate to the same bytes', async () => {
		const [a, b] = await Promise.all([renderCertificatePdf(SAMPLE), renderCertificatePdf(SAMPLE)]);
		expect(a.equals(b)).toBe(true);
	});
});
