// Importing position requirements from CSV (kode_jabatan,kode_kompetensi,level). All or nothing,
// like the people import: every row is checked first, and a file with any bad row imports nothing
// and names every bad row with its line number and reason. An empty level removes a requirement.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { requireRole, type Actor } from '../access';
import { recordAudit } from '../audit';
import { readCsv, type ImportProblem, type ImportResult } from '../org/people-import';
import { positionIdsByCode } from '../org/org.repository';
import { listCompetencies, replaceRequirement } from './competency.repository';

export const REQUIREMENT_COLUMNS = ['kode_jabatan', 'kode_kompetensi', 'level'] as const;
export const MAX_REQUIREMENT_ROWS = 20_000;

export async function importRequirements(db: Kysely<DB>, actor: Actor | null, csvText: string): Promise<ImportResult> {
	requireRole(actor, 'admin');
	const csv = readCsv(csvText, REQUIREMENT_COLUMNS, MAX_REQUIREMENT_ROWS);
	if (!csv.ok) return csv;
	const { rows: dataRows, col, extraCells } = csv;

	const [positions, competencies] = await Promise.all([positionIdsByCode(db), listCompetencies(db)]);
	const known = new Set(competencies.map((c) => c.code));

	const problems: ImportProblem[] = [];
	const checked: Array<{ positionId: number; code: string; level: number | null }> = [];
	const seen = new Map<string, number>();
	for (const { row, line } of dataRows) {
		const before = problems.length;
		const extra = extraCells(row);
		if (extra !== null) problems.push({ line, code: 'import_extra_cells', value: extra });
		const positionCode = col(row, 'kode_jabatan').toUpperCase();
		const positionId = positions.get(positionCode);
		if (!positionCode) problems.push({ line, code: 'career_import_position_missing' });
		else if (positionId === undefined) problems.push({ line, code: 'import_position_unknown', value: positionCode });
		const code = col(row, 'kode_kompetensi').toUpperCase();
		if (!code) problems.push({ line, code: 'career_import_competency_missing' });
		else if (!known.has(code)) problems.push({ line, code: 'career_import_competency_unknown', value: code });
		const rawLevel = col(row, 'level');
		if (rawLevel !== '' && !/^[1-5]$/.test(rawLevel)) problems.push({ line, code: 'career_import_level', value: rawLevel });
		const key = `${positionCode}/${code}`;
		if (positionCode && code) {
			const first = seen.get(key);
			if (first !== undefined) problems.push({ line, code: 'career_import_duplicate', value: key, otherLine: first });
			else seen.set(key, line);
		}
		if (problems.length === before) checked.push({ positionId: positionId!, code, level: rawLevel === '' ? null : Number(rawLevel) });
	}
	if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

	await db.transaction().execute(async (trx) => {
		for (const r of checked) await replaceRequirement(trx, r.positionId, r.code, r.level);
		await recordAudit(trx, { actorId: actor.id, action: 'position.requirements.imported', subject: 'import', detail: { rows: checked.length } });
	});
	return { ok: true, imported: checked.length };
}
