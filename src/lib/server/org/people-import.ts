// Importing people from CSV. All or nothing: every row is checked first, and a file with any bad
// row imports nothing and names every bad row with its line number and reason.
import Papa from 'papaparse';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { requireRole, type Actor } from '../access';
import { recordAudit } from '../audit';
import { isRole, type Role } from '../../auth/roles';
import { parseNip } from './nip';
import * as repo from './org.repository';

type Db = Kysely<DB>;

export const IMPORT_COLUMNS = ['nip', 'nama', 'email', 'kode_unit', 'kode_jabatan', 'nip_atasan', 'peran'] as const;
const REQUIRED_COLUMNS = ['nip', 'nama', 'kode_unit'] as const;
export const MAX_IMPORT_ROWS = 20_000;

/** Role names as written in the file: Indonesian or English. */
const ROLE_ALIASES: Record<string, Role> = {
	pegawai: 'learner',
	peserta: 'learner',
	learner: 'learner',
	pelatih: 'trainer',
	widyaiswara: 'trainer',
	trainer: 'trainer',
	atasan: 'supervisor',
	supervisor: 'supervisor',
	admin: 'admin'
};

export interface ImportProblem {
	line: number;
	code: string;
	/** The offending value, quoted back to the reader. */
	value?: string;
	/** For duplicates: the line that first used the value. */
	otherLine?: number;
}

export type ImportResult = { ok: true; imported: number } | { ok: false; problems: ImportProblem[] };

interface CheckedRow {
	line: number;
	nip: string;
	name: string;
	email: string | null;
	unitId: number;
	positionId: number | null;
	supervisorNip: string | null;
	roles: Role[];
}

export function parseCsv(text: string): { header: string[]; rows: string[][] } {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false, delimiter: '' });
	const [header = [], ...rows] = parsed.data;
	return { header: header.map((h) => h.trim().toLowerCase()), rows };
}

export type CsvRows<C extends string> =
	| { ok: false; problems: ImportProblem[] }
	| {
			ok: true;
			/** The non-blank data rows with their line numbers in the file (the header is line 1). */
			rows: Array<{ row: string[]; line: number }>;
			/** A cell by column name, trimmed; '' when the file has no such (optional) column. */
			col: (row: string[], name: C) => string;
			/** The text of non-blank cells beyond the header (dropped silently otherwise), or null. */
			extraCells: (row: string[]) => string | null;
	  };

/**
 * The frame every CSV import shares: parses the file, refuses it when a required column is missing,
 * when it has no data row or more than `maxRows`, and numbers the remaining rows by their line.
 */
export function readCsv<C extends string>(text: string, required: readonly C[], maxRows: number): CsvRows<C> {
	const { header, rows } = parseCsv(text);
	const missing = required.filter((c) => !header.includes(c));
	if (missing.length) return { ok: false, problems: [{ line: 1, code: 'import_missing_columns', value: missing.join(', ') }] };
	const dataRows = rows.map((row, i) => ({ row, line: i + 2 })).filter(({ row }) => row.some((cell) => cell.trim() !== ''));
	if (dataRows.length === 0) return { ok: false, problems: [{ line: 1, code: 'import_empty' }] };
	if (dataRows.length > maxRows) return { ok: false, problems: [{ line: 1, code: 'import_too_many', value: String(maxRows) }] };
	return {
		ok: true,
		rows: dataRows,
		col: (row, name) => {
			const i = header.indexOf(name);
			return i < 0 ? '' : (row[i] ?? '').trim();
		},
		extraCells: (row) => (row.length > header.length && row.slice(header.length).some((cell) => cell.trim() !== '') ? row.slice(header.length).join(' ').trim() : null)
	};
}

export async function importPeople(db: Db, actor: Actor | null, csvText: string): Promise<ImportResult> {
	requireRole(actor, 'admin');
	const csv = readCsv<(typeof IMPORT_COLUMNS)[number]>(csvText, REQUIRED_COLUMNS, MAX_IMPORT_ROWS);
	if (!csv.ok) return csv;
	const { rows: dataRows, col, extraCells } = csv;

	const [units, positions] = await Promise.all([repo.unitIdsByCode(db), repo.positionIdsByCode(db)]);
	const problems: ImportProblem[] = [];
	const checked: CheckedRow[] = [];
	const seenNip = new Map<string, number>();
	const seenEmail = new Map<string, number>();

	for (const { row, line } of dataRows) {
		const before = problems.length;
		// A cell beyond the header would be dropped silently (typically roles split by the same
		// separator as the columns): refuse the row instead.
		const extra = extraCells(row);
		if (extra !== null) problems.push({ line, code: 'import_extra_cells', value: extra });
		const rawNip = col(row, 'nip');
		const parsed = parseNip(rawNip);
		if (!rawNip) problems.push({ line, code: 'import_nip_missing' });
		else if (!parsed.ok) problems.push({ line, code: `import_nip_${parsed.error}`, value: rawNip });
		const nip = parsed.ok ? parsed.nip : rawNip;
		if (parsed.ok) {
			const first = seenNip.get(nip);
			if (first !== undefined) problems.push({ line, code: 'import_nip_duplicate_in_file', value: nip, otherLine: first });
			else seenNip.set(nip, line);
		}
		const name = col(row, 'nama');
		if (!name) problems.push({ line, code: 'import_name_missing' });
		const email = col(row, 'email').toLowerCase() || null;
		if (email) {
			if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ line, code: 'import_email_format', value: email });
			else if (seenEmail.has(email)) problems.push({ line, code: 'import_email_duplicate_in_file', value: email, otherLine: seenEmail.get(email) });
			else seenEmail.set(email, line);
		}
		const unitCode = col(row, 'kode_unit').toUpperCase();
		const unitId = units.get(unitCode);
		if (!unitCode) problems.push({ line, code: 'import_unit_missing' });
		else if (unitId === undefined) problems.push({ line, code: 'import_unit_unknown', value: unitCode });
		const positionCode = col(row, 'kode_jabatan').toUpperCase();
		const positionId = positionCode ? positions.get(positionCode) : null;
		if (positionId === undefined) problems.push({ line, code: 'import_position_unknown', value: positionCode });
		const supervisorNip = col(row, 'nip_atasan').replace(/[\s.]/g, '') || null;
		if (supervisorNip && supervisorNip === nip) problems.push({ line, code: 'import_supervisor_self', value: supervisorNip });
		const roleWords = col(row, 'peran')
			.split(/[;|,]/)
			.map((w) => w.trim().toLowerCase())
			.filter(Boolean);
		const roles = new Set<Role>(['learner']);
		for (const word of roleWords) {
			const role = ROLE_ALIASES[word];
			if (role && isRole(role)) roles.add(role);
			else problems.push({ line, code: 'import_role_unknown', value: word });
		}
		if (problems.length === before) {
			checked.push({ line, nip, name, email, unitId: unitId!, positionId: positionId ?? null, supervisorNip, roles: [...roles] });
		}
	}

	// Checks against what the database already holds.
	const existingNips = await repo.findPersonIdsByNip(db, checked.map((r) => r.nip));
	const existingEmails = await repo.findPersonIdsByEmail(db, checked.flatMap((r) => (r.email ? [r.email] : [])));
	const supervisorsInDb = await repo.findPersonIdsByNip(
		db,
		checked.flatMap((r) => (r.supervisorNip && !seenNip.has(r.supervisorNip) ? [r.supervisorNip] : []))
	);
	for (const r of checked) {
		if (existingNips.has(r.nip)) problems.push({ line: r.line, code: 'import_nip_exists', value: r.nip });
		if (r.email && existingEmails.has(r.email)) problems.push({ line: r.line, code: 'import_email_exists', value: r.email });
		if (r.supervisorNip && !seenNip.has(r.supervisorNip) && !supervisorsInDb.has(r.supervisorNip)) {
			problems.push({ line: r.line, code: 'import_supervisor_unknown', value: r.supervisorNip });
		}
	}
	if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

	await db.transaction().execute(async (trx) => {
		const ids = new Map<string, number>();
		for (const r of checked) {
			const { id } = await repo.insertPerson(trx, {
				nip: r.nip,
				name: r.name,
				email: r.email,
				unit_id: r.unitId,
				position_id: r.positionId,
				supervisor_id: null
			});
			ids.set(r.nip, id);
			await repo.setRoles(trx, id, r.roles);
		}
		// Supervisors second, so a row may name an atasan who appears later in the file.
		for (const r of checked) {
			if (!r.supervisorNip) continue;
			const supervisorId = ids.get(r.supervisorNip) ?? supervisorsInDb.get(r.supervisorNip)!;
			await trx.updateTable('person').set({ supervisor_id: supervisorId }).where('id', '=', ids.get(r.nip)!).execute();
		}
		await recordAudit(trx, { actorId: actor.id, action: 'person.imported', subject: 'import', detail: { rows: checked.length } });
	});
	return { ok: true, imported: checked.length };
}
