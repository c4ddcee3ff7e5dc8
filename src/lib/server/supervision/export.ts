// CSV and XLSX exports of the team overview and the team's certificates. They read the same
// service functions as the pages, with the same filter and order, so a file holds exactly the
// figures on screen. Headers and file names are in Indonesian, the language of the offices that
// receive them.
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Actor } from '../access';
import type { TeamFilter } from './supervision.repository';
import { teamCertificateList, teamOverviewRows } from './supervision.service';
import { localDate } from '../career/local-date';
import type { PlanStatus } from '../../machines/plan.machine';

export type ExportKind = 'team' | 'certificates';
export type ExportFormat = 'csv' | 'xlsx';

const STATE_ID: Record<string, string> = { valid: 'Berlaku', expiring: 'Akan berakhir', expired: 'Kedaluwarsa', revoked: 'Dicabut' };
/** Every status of the plan machine, in Indonesian (the type makes a missing one a compile error). */
export const PLAN_ID: Record<PlanStatus, string> = {
	draft: 'Draf',
	submitted: 'Diajukan',
	'changes-requested': 'Perlu perubahan',
	approved: 'Disetujui',
	'in-progress': 'Berjalan',
	evaluated: 'Dinilai'
};

export interface ExportFile {
	filename: string;
	contentType: string;
	body: Buffer;
}

function slug(s: string): string {
	return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unit';
}

/** The rows of an export as a header and cells; null when the unit is unknown. */
async function table(db: Kysely<DB>, actor: Actor | null, input: { kind: ExportKind; unitCode: string | null; filter: TeamFilter }, now: Date) {
	if (input.kind === 'team') {
		const data = await teamOverviewRows(db, actor, { unitCode: input.unitCode, filter: input.filter }, now);
		if (!data) return null;
		const header = [
			'NIP',
			'Nama',
			'Unit',
			'Jabatan',
			`JP ${data.year}`,
			'Target JP',
			'Sertifikat berlaku',
			'Berakhir ≤30 hari',
			'Berakhir 31-60 hari',
			`Berakhir 61-${data.windowDays} hari`,
			'Sertifikat kedaluwarsa',
			`Rencana ${data.year}`,
			'Tugas terlambat'
		];
		const rows = data.rows.map((r) => [
			r.nip ?? '',
			r.name,
			r.unitName,
			r.positionName ?? '',
			r.jp,
			data.jpTarget,
			r.certValid,
			r.certExp30,
			r.certExp60,
			r.certExp90,
			r.certExpired,
			r.planStatus ? ((PLAN_ID as Record<string, string>)[r.planStatus] ?? r.planStatus) : 'Belum ada',
			r.overdue
		]);
		return { name: 'ikhtisar-tim', sheet: 'Ikhtisar tim', unit: data.unit, today: data.today, header, rows };
	}
	const data = await teamCertificateList(db, actor, { unitCode: input.unitCode }, now);
	if (!data) return null;
	const header = ['Nama', 'NIP', 'Unit', 'Kursus', 'Kode sertifikat', 'Terbit', 'Berlaku sampai', 'Status', 'Sisa hari', 'JP'];
	// The WIB calendar day, as the screen shows it (not the UTC day).
	const day = (d: Date | string | null) => (d ? localDate(new Date(d)) : '');
	const rows = data.rows.map((c) => [
		c.holderName,
		c.holderNip ?? '',
		c.unitName,
		c.courseTitle,
		c.code,
		day(c.issuedAt),
		c.expiresAt ? day(c.expiresAt) : 'Tidak berakhir',
		STATE_ID[c.state] ?? c.state,
		c.daysLeft ?? '',
		c.jp
	]);
	return { name: 'daftar-sertifikat', sheet: 'Sertifikat', unit: data.unit, today: data.today, header, rows };
}

export async function teamExport(
	db: Kysely<DB>,
	actor: Actor | null,
	input: { kind: ExportKind; format: ExportFormat; unitCode: string | null; filter: TeamFilter },
	now = new Date()
): Promise<ExportFile | null> {
	const t = await table(db, actor, input, now);
	if (!t) return null;
	const filename = `${t.name}-${slug(t.unit?.code ?? 'pemkot-medan')}-${t.today}.${input.format}`;
	if (input.format === 'csv') {
		// The byte-order mark makes Excel read the file as UTF-8 (names with diacritics, ≤).
		const csv = '\uFEFF' + Papa.unparse({ fields: t.header, data: t.rows }, { newline: '\r\n' });
		return { filename, contentType: 'text/csv; charset=utf-8', body: Buffer.from(csv, 'utf8') };
	}
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Bina ASN';
	const sheet = wb.addWorksheet(t.sheet);
	sheet.addRow(t.header).font = { bold: true };
	for (const r of t.rows) sheet.addRow(r);
	sheet.columns.forEach((c, i) => (c.width = Math.min(40, Math.max(10, String(t.header[i]).length + 2))));
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	const buffer = await wb.xlsx.writeBuffer();
	return { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(buffer as ArrayBuffer) };
}
