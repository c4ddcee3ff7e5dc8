// Renders the Bina ASN certificate as a one-page A4 landscape PDF: printable (white paper,
// dark text, one accent colour), entirely in Indonesian, with a QR code that leads to the
// public verification page. Only the PDF standard fonts are used, so no font files ship.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatNip } from '../org/nip';

export interface CertificatePdfData {
	holderName: string; // e.g. 'Nurul Hidayah Pane, S.E.'
	nip: string | null; // 18 digits, printed as '19880714 201212 2 002'
	unitName: string | null;
	courseTitle: string;
	courseVersion: string; // short version label, e.g. 'versi 3f2a9c1'
	jp: number;
	competencies: Array<{ name: string; level: number }>;
	issuedAt: Date;
	expiresAt: Date | null; // null: 'Berlaku tanpa batas waktu'
	code: string; // verification code, e.g. 'BINA-7K3M-Q9TX-2HPV'
	verifyUrl: string; // absolute URL encoded in the QR code
	issuer: string; // 'BKPSDM Kota Medan'
	score: number | null; // percent, printed as 'Nilai ujian akhir: 86,5'
}

export interface CertificatePdfOptions {
	/** false writes uncompressed content streams, which tests can read. Default true. */
	compress?: boolean;
}

const MONTHS_ID = [
	'Januari',
	'Februari',
	'Maret',
	'April',
	'Mei',
	'Juni',
	'Juli',
	'Agustus',
	'September',
	'Oktober',
	'November',
	'Desember'
];

const jakartaDate = new Intl.DateTimeFormat('en-US', {
	timeZone: 'Asia/Jakarta',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric'
});

/** A date as printed on Indonesian documents, in Medan's time zone: '23 November 2026'. */
export function formatDateId(d: Date): string {
	const parts = jakartaDate.formatToParts(d);
	const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
	return `${part('day')} ${MONTHS_ID[part('month') - 1]} ${part('year')}`;
}

/**
 * A NIP grouped the way it is printed (8-6-1-3): '19880714 201212 2 002'. Spaces and dots
 * in the input are ignored; anything that is not 18 digits is printed as given.
 */
export function formatNipForPrint(nip: string): string {
	const digits = nip.replace(/[\s.]/g, '');
	return /^\d{18}$/.test(digits) ? formatNip(digits) : nip.trim();
}

/** A number with a decimal comma and at most two decimals: 86.5 → '86,5', 24 → '24'. */
function formatDecimal(n: number): string {
	return String(Math.round(n * 100) / 100).replace('.', ',');
}

// The standard fonts are encoded with WinAnsi: Latin-1 plus a few typographic characters.
// Anything else would come out as garbage, so a letter is reduced to its base letter (or
// '?' if it has none) and other symbols are dropped.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function printable(ch: string): boolean {
	const code = ch.codePointAt(0) ?? 0;
	return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

function winAnsi(text: string): string {
	let out = '';
	for (const ch of text.normalize('NFC')) {
		if (printable(ch)) {
			out += ch;
		} else if (/\s/.test(ch)) {
			out += ' ';
		} else {
			const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
			if (base && [...base].every(printable)) out += base;
			else if (/[\p{L}\p{N}]/u.test(ch)) out += '?'; // a letter we cannot print: mark the gap
			// symbols, emoji and control characters are left out
		}
	}
	return out.replace(/ {2,}/g, ' ').trim();
}

// Page geometry (points). A4 landscape is 841.89 x 595.28.
const ACCENT = '#0f5c4d';
const INK = '#16211f';
const MUTED = '#4f5d5a';
const HAIRLINE = '#c5d4d0';
const MARGIN_X = 64;
const QR_SIZE = 100;

type Doc = PDFKit.PDFDocument;
type FontName = 'Helvetica' | 'Helvetica-Bold' | 'Courier' | 'Courier-Bold';

interface Block {
	text: string;
	font: FontName;
	size: number;
	color: string;
	gapBefore: number;
	height: number;
}

/**
 * The largest font size from `max` down to `min` (in steps of 0.5) at which `text` fits
 * `width` within `maxLines` lines. At `min` the text may still be too long; it is then
 * cut off with an ellipsis when drawn.
 */
function fitSize(doc: Doc, text: string, font: FontName, max: number, min: number, width: number, maxLines: number): number {
	doc.font(font);
	for (let size = max; size > min; size -= 0.5) {
		doc.fontSize(size);
		if (doc.heightOfString(text, { width }) <= maxLines * doc.currentLineHeight(true) + 0.5) return size;
	}
	return min;
}

function block(doc: Doc, text: string, font: FontName, size: number, color: string, gapBefore: number, width: number, maxLines: number): Block {
	doc.font(font).fontSize(size);
	const lineHeight = doc.currentLineHeight(true);
	const height = Math.min(doc.heightOfString(text, { width }), maxLines * lineHeight);
	return { text, font, size, color, gapBefore, height };
}

/** Draws wrapped text inside a box it can never leave (no page breaks, ellipsis if cut). */
function drawBox(
	doc: Doc,
	text: string,
	x: number,
	y: number,
	width: number,
	height: number,
	options: { font: FontName; size: number; color: string; align?: 'left' | 'center' | 'right'; characterSpacing?: number }
): void {
	doc.font(options.font).fontSize(options.size).fillColor(options.color);
	doc.text(text, x, y, {
		width,
		// A point of slack so rounding never drops the last line; never enough for another.
		height: Math.max(height, doc.currentLineHeight(true)) + 1,
		align: options.align ?? 'left',
		ellipsis: true,
		characterSpacing: options.characterSpacing
	});
}

/** Draws a single line of text, shrinking it until it fits `width`. */
function drawLine(
	doc: Doc,
	text: string,
	x: number,
	y: number,
	width: number,
	options: { font: FontName; size: number; minSize?: number; color: string; align?: 'left' | 'center' | 'right'; characterSpacing?: number }
): number {
	doc.font(options.font);
	let size = options.size;
	const minSize = options.minSize ?? size;
	doc.fontSize(size);
	while (size > minSize && doc.widthOfString(text, { characterSpacing: options.characterSpacing }) > width) {
		size -= 0.25;
		doc.fontSize(size);
	}
	drawBox(doc, text, x, y, width, doc.currentLineHeight(true), { ...options, size });
	return doc.currentLineHeight(true);
}

function drawHeader(doc: Doc, pageWidth: number): void {
	const width = pageWidth - 2 * MARGIN_X;
	drawLine(doc, 'BINA ASN  ·  PEMERINTAH KOTA MEDAN', MARGIN_X, 50, width, {
		font: 'Helvetica-Bold',
		size: 8,
		color: ACCENT,
		align: 'center',
		characterSpacing: 1.6
	});
	drawLine(doc, 'SERTIFIKAT', MARGIN_X, 70, width, {
		font: 'Helvetica-Bold',
		size: 34,
		color: ACCENT,
		align: 'center',
		characterSpacing: 7
	});
	drawLine(doc, 'Pengembangan Kompetensi Aparatur Sipil Negara', MARGIN_X, 112, width, {
		font: 'Helvetica',
		size: 12.5,
		color: MUTED,
		align: 'center'
	});
	doc
		.moveTo(pageWidth / 2 - 28, 138)
		.lineTo(pageWidth / 2 + 28, 138)
		.lineWidth(1.2)
		.strokeColor(ACCENT)
		.stroke();
}

/** The holder and the course, centred vertically between the header and the footer. */
function drawBody(doc: Doc, data: CertificatePdfData, pageWidth: number, top: number, bottom: number): void {
	const width = pageWidth - 2 * MARGIN_X - 40;
	const x = (pageWidth - width) / 2;
	const name = winAnsi(data.holderName);
	const title = winAnsi(data.courseTitle);
	const identity = [
		data.nip ? `NIP ${formatNipForPrint(data.nip)}` : null,
		data.unitName ? winAnsi(data.unitName) : null
	]
		.filter((s): s is string => !!s)
		.join('  ·  ');
	const courseLine = [winAnsi(data.courseVersion), `dengan beban belajar ${formatDecimal(data.jp)} JP`].filter(Boolean).join('  ·  ');

	const nameSize = fitSize(doc, name, 'Helvetica-Bold', 28, 14, width, 2);
	const titleSize = fitSize(doc, title, 'Helvetica-Bold', 19, 11, width, 2);
	const identitySize = fitSize(doc, identity, 'Helvetica', 10.5, 8, width, 2);
	const blocks: Block[] = [
		block(doc, 'diberikan kepada', 'Helvetica', 10.5, MUTED, 0, width, 1),
		block(doc, name, 'Helvetica-Bold', nameSize, INK, 5, width, 2),
		...(identity ? [block(doc, identity, 'Helvetica', identitySize, INK, 4, width, 2)] : []),
		block(doc, 'telah menyelesaikan dan lulus kursus', 'Helvetica', 10.5, MUTED, 14, width, 1),
		block(doc, title, 'Helvetica-Bold', titleSize, ACCENT, 5, width, 2),
		block(doc, courseLine, 'Helvetica', 10, MUTED, 5, width, 2)
	];
	const total = blocks.reduce((sum, b) => sum + b.gapBefore + b.height, 0);
	let y = top + Math.max(0, (bottom - top - total) / 2);
	for (const b of blocks) {
		y += b.gapBefore;
		drawBox(doc, b.text, x, y, width, b.height, { font: b.font, size: b.size, color: b.color, align: 'center' });
		y += b.height;
	}
}

function drawHeading(doc: Doc, text: string, x: number, y: number, width: number): void {
	drawLine(doc, text, x, y, width, { font: 'Helvetica-Bold', size: 9, color: ACCENT });
}

/** The competency table: name on the left, 'Level n' on the right, hairlines between rows. */
function drawCompetencies(doc: Doc, competencies: CertificatePdfData['competencies'], x: number, y: number, width: number, height: number): void {
	drawHeading(doc, 'Kompetensi yang dikembangkan', x, y, width);
	const top = y + 16;
	const available = height - 16;
	const levelWidth = 42;
	const nameWidth = width - levelWidth - 8;
	const rows = competencies.map((c) => ({ name: winAnsi(c.name), level: `Level ${c.level}` }));
	if (rows.length === 0) {
		drawLine(doc, '–', x, top + 4, width, { font: 'Helvetica', size: 9, color: MUTED });
		return;
	}

	// Try comfortable rows first, then tighter ones; names wrap to two lines while the font is
	// still readable, and are cut to one line with an ellipsis only as a last resort.
	const attempts: Array<{ size: number; padding: number; maxLines: number }> = [];
	for (const size of [9, 8.5, 8]) attempts.push({ size, padding: 3.5, maxLines: 2 }, { size, padding: 2.5, maxLines: 2 });
	for (const size of [7.5, 7]) attempts.push({ size, padding: 2, maxLines: 2 });
	for (const size of [8, 7.5, 7]) attempts.push({ size, padding: 2, maxLines: 1 });
	let size = 7;
	let padding = 2;
	let heights: number[] = [];
	for (const attempt of attempts) {
		({ size, padding } = attempt);
		doc.font('Helvetica').fontSize(size);
		const line = doc.currentLineHeight(true);
		heights = rows.map((r) => Math.min(doc.heightOfString(r.name, { width: nameWidth }), attempt.maxLines * line) + 2 * padding);
		if (heights.reduce((a, b) => a + b, 0) <= available) break;
	}
	// Still too many at the smallest size: show what fits and say how many more there are.
	let shown = rows.length;
	const used = (n: number) => heights.slice(0, n).reduce((a, b) => a + b, 0);
	if (used(shown) > available) {
		doc.font('Helvetica').fontSize(size);
		const moreHeight = doc.currentLineHeight(true) + 2 * padding;
		while (shown > 0 && used(shown) + moreHeight > available) shown--;
	}

	let rowY = top;
	for (let i = 0; i < shown; i++) {
		const row = rows[i];
		const textHeight = heights[i] - 2 * padding;
		drawBox(doc, row.name, x, rowY + padding, nameWidth, textHeight, { font: 'Helvetica', size, color: INK });
		drawBox(doc, row.level, x + width - levelWidth, rowY + padding, levelWidth, textHeight, {
			font: 'Helvetica-Bold',
			size,
			color: ACCENT,
			align: 'right'
		});
		rowY += heights[i];
		doc
			.moveTo(x, rowY)
			.lineTo(x + width, rowY)
			.lineWidth(0.4)
			.strokeColor(HAIRLINE)
			.stroke();
	}
	if (shown < rows.length) {
		drawLine(doc, `dan ${rows.length - shown} kompetensi lainnya`, x, rowY + padding, width, {
			font: 'Helvetica',
			size,
			color: MUTED
		});
	}
}

/** Issue date, validity, score and issuer. */
function drawIssue(doc: Doc, data: CertificatePdfData, x: number, y: number, width: number, bottom: number): void {
	drawHeading(doc, 'Masa berlaku', x, y, width);
	const lines = [
		`Diterbitkan: ${formatDateId(data.issuedAt)}`,
		data.expiresAt ? `Berlaku sampai: ${formatDateId(data.expiresAt)}` : 'Berlaku tanpa batas waktu',
		...(data.score != null ? [`Nilai ujian akhir: ${formatDecimal(data.score)}`] : [])
	];
	let lineY = y + 18;
	for (const line of lines) {
		lineY += drawLine(doc, line, x, lineY, width, { font: 'Helvetica', size: 9.5, minSize: 7, color: INK }) + 3;
	}

	const issuer = winAnsi(data.issuer);
	const issuerSize = fitSize(doc, issuer, 'Helvetica-Bold', 12, 8, width, 2);
	doc.font('Helvetica-Bold').fontSize(issuerSize);
	const issuerHeight = Math.min(doc.heightOfString(issuer, { width }), 2 * doc.currentLineHeight(true));
	const issuerY = bottom - issuerHeight;
	drawBox(doc, issuer, x, issuerY, width, issuerHeight, { font: 'Helvetica-Bold', size: issuerSize, color: ACCENT });
	drawLine(doc, 'Diterbitkan oleh', x, issuerY - 13, width, { font: 'Helvetica', size: 8, color: MUTED });
	doc
		.moveTo(x, issuerY - 19)
		.lineTo(x + Math.min(width, 150), issuerY - 19)
		.lineWidth(0.4)
		.strokeColor(HAIRLINE)
		.stroke();
}

/** The verification block: instructions on the left, the QR code and the code on the right. */
function drawVerification(doc: Doc, data: CertificatePdfData, qr: Buffer, x: number, y: number, width: number, bottom: number): void {
	drawHeading(doc, 'Verifikasi keaslian', x, y, width);
	const qrX = x + width - QR_SIZE;
	const qrY = y + 16;
	doc.image(qr, qrX, qrY, { width: QR_SIZE, height: QR_SIZE });
	const code = winAnsi(data.code);
	drawLine(doc, code, qrX - 20, qrY + QR_SIZE + 5, QR_SIZE + 20, {
		font: 'Courier-Bold',
		size: 9,
		minSize: 6,
		color: INK,
		align: 'right'
	});

	const textWidth = width - QR_SIZE - 12;
	const text = `Pindai kode QR atau buka ${winAnsi(data.verifyUrl)} untuk memeriksa keaslian sertifikat ini.`;
	const size = fitSize(doc, text, 'Helvetica', 8, 5.5, textWidth, 9);
	drawBox(doc, text, x, qrY, textWidth, bottom - qrY, { font: 'Helvetica', size, color: MUTED });
}

export async function renderCertificatePdf(data: CertificatePdfData, options?: CertificatePdfOptions): Promise<Buffer> {
	const qr = await QRCode.toBuffer(data.verifyUrl, {
		type: 'png',
		errorCorrectionLevel: 'M',
		margin: 1,
		scale: 8,
		color: { dark: '#000000', light: '#ffffff' }
	});

	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 0,
		compress: options?.compress ?? true,
		lang: 'id-ID',
		displayTitle: true,
		// Given here rather than set later: pdfkit derives the file ID from the info at
		// construction, so the same certificate always renders to the same bytes.
		info: {
			Title: `Sertifikat ${data.courseTitle} – ${data.holderName}`,
			Author: data.issuer,
			Subject: `Sertifikat Bina ASN ${data.code}`,
			Creator: 'Bina ASN',
			Producer: 'Bina ASN (PDFKit)',
			CreationDate: data.issuedAt
		}
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const pageWidth = doc.page.width;
	const pageHeight = doc.page.height;

	// A thin accent border with a hairline inside it.
	doc.rect(20, 20, pageWidth - 40, pageHeight - 40).lineWidth(1).strokeColor(ACCENT).stroke();
	doc.rect(25, 25, pageWidth - 50, pageHeight - 50).lineWidth(0.35).strokeColor(ACCENT).stroke();

	drawHeader(doc, pageWidth);

	const footerTop = 380;
	const footerBottom = pageHeight - 46;
	drawBody(doc, data, pageWidth, 150, footerTop - 18);

	doc
		.moveTo(MARGIN_X, footerTop - 10)
		.lineTo(pageWidth - MARGIN_X, footerTop - 10)
		.lineWidth(0.4)
		.strokeColor(HAIRLINE)
		.stroke();
	const contentWidth = pageWidth - 2 * MARGIN_X;
	const gutter = 24;
	const verifyWidth = 232;
	const issueWidth = 170;
	const competencyWidth = contentWidth - verifyWidth - issueWidth - 2 * gutter;
	drawCompetencies(doc, data.competencies, MARGIN_X, footerTop, competencyWidth, footerBottom - footerTop);
	drawIssue(doc, data, MARGIN_X + competencyWidth + gutter, footerTop, issueWidth, footerBottom);
	drawVerification(doc, data, qr, pageWidth - MARGIN_X - verifyWidth, footerTop, verifyWidth, footerBottom);

	doc.end();
	return done;
}
