// Service indicators per unit and month (level 4: results in the service): complaints received,
// resolved, resolved within the service standard's time, average days to resolve. Entered in a
// form or imported from CSV, all or nothing, every bad row named (as the people import does).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { requireRole, type Actor } from '../access';
import { recordAudit } from '../audit';
import { localDate } from '../career/local-date';
import { readCsv, type ImportProblem, type ImportResult } from '../org/people-import';
import { unitIdsByCode } from '../org/org.repository';
import type { Problem } from './workshop.service';

type Db = Kysely<DB>;

export const INDICATOR_COLUMNS = ['kode_unit', 'bulan', 'pengaduan_masuk', 'pengaduan_selesai', 'selesai_tepat_waktu', 'rata_rata_hari'] as const;
const MAX_ROWS = 5000;

export interface IndicatorValues {
	unitCode: string;
	month: string; // YYYY-MM
	received: string;
	resolved: string;
	withinStandard: string;
	avgDays: string;
}

interface CheckedIndicator {
	unitId: number;
	month: string; // YYYY-MM-01
	received: number;
	resolved: number;
	withinStandard: number;
	avgDays: number | null;
}

const count = (s: string) => (/^\d{1,7}$/.test(s.trim()) ? Number(s.trim()) : null);

/** Checks one row; answers the problems as (field, code, value) and the clean row when none. */
function checkIndicator(v: IndicatorValues, units: Map<string, number>, thisMonth: string) {
	const problems: Array<{ field: string; code: string; value?: string }> = [];
	const unitId = units.get(v.unitCode.trim().toUpperCase());
	if (!v.unitCode.trim()) problems.push({ field: 'unitCode', code: 'err_required' });
	else if (unitId === undefined) problems.push({ field: 'unitCode', code: 'ev_ind_err_unit', value: v.unitCode });
	const month = v.month.trim();
	const mm = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
	if (!mm) problems.push({ field: 'month', code: 'ev_ind_err_month', value: month });
	else if (month > thisMonth) problems.push({ field: 'month', code: 'ev_ind_err_month_future', value: month });
	const received = count(v.received);
	const resolved = count(v.resolved);
	const within = count(v.withinStandard);
	if (received === null) problems.push({ field: 'received', code: 'ev_ind_err_count', value: v.received });
	if (resolved === null) problems.push({ field: 'resolved', code: 'ev_ind_err_count', value: v.resolved });
	if (within === null) problems.push({ field: 'withinStandard', code: 'ev_ind_err_count', value: v.withinStandard });
	else if (resolved !== null && within > resolved) problems.push({ field: 'withinStandard', code: 'ev_ind_err_within_gt_resolved', value: v.withinStandard });
	let avgDays: number | null = null;
	const rawAvg = v.avgDays.trim().replace(',', '.');
	if (rawAvg) {
		avgDays = /^\d{1,4}(\.\d{1,2})?$/.test(rawAvg) ? Number(rawAvg) : NaN;
		if (Number.isNaN(avgDays)) problems.push({ field: 'avgDays', code: 'ev_ind_err_avg', value: v.avgDays });
	} else if (resolved !== null && resolved > 0) problems.push({ field: 'avgDays', code: 'ev_ind_err_avg_missing' });
	if (problems.length) return { problems, row: null };
	return {
		problems,
		row: { unitId: unitId!, month: `${month}-01`, received: received!, resolved: resolved!, withinStandard: within!, avgDays } satisfies CheckedIndicator
	};
}

async function upsert(db: Db, actorId: number, r: CheckedIndicator) {
	const values = {
		complaints_received: r.received,
		complaints_resolved: r.resolved,
		resolved_within_standard: r.withinStandard,
		avg_days_to_resolve: r.avgDays,
		updated_by: actorId,
		updated_at: new Date()
	};
	await db
		.insertInto('service_indicator')
		.values({ unit_id: r.unitId, month: r.month, ...values })
		.onConflict((oc) => oc.columns(['unit_id', 'month']).doUpdateSet(values))
		.execute();
}

/** One month of one unit, entered in the form; entering the same month again replaces it. */
export async function saveIndicator(db: Db, actor: Actor | null, v: IndicatorValues, now = new Date()): Promise<{ ok: true } | { ok: false; problems: Problem[] }> {
	requireRole(actor, 'admin');
	const { problems, row } = checkIndicator(v, await unitIdsByCode(db), localDate(now).slice(0, 7));
	if (!row) return { ok: false, problems };
	await db.transaction().execute(async (trx) => {
		await upsert(trx, actor.id, row);
		await recordAudit(trx, { actorId: actor.id, action: 'indicator.saved', subject: `unit:${row.unitId}`, detail: { month: row.month } });
	});
	return { ok: true };
}

export async function importIndicators(db: Db, actor: Actor | null, csvText: string, now = new Date()): Promise<ImportResult> {
	requireRole(actor, 'admin');
	const csv = readCsv<(typeof INDICATOR_COLUMNS)[number]>(csvText, INDICATOR_COLUMNS.filter((c) => c !== 'rata_rata_hari'), MAX_ROWS);
	if (!csv.ok) return csv;
	const { rows: dataRows, col, extraCells } = csv;
	const units = await unitIdsByCode(db);
	const thisMonth = localDate(now).slice(0, 7);
	const problems: ImportProblem[] = [];
	const checked: CheckedIndicator[] = [];
	const seen = new Map<string, number>();
	for (const { row, line } of dataRows) {
		const extra = extraCells(row);
		if (extra !== null) {
			problems.push({ line, code: 'import_extra_cells', value: extra });
			continue;
		}
		const r = checkIndicator(
			{
				unitCode: col(row, 'kode_unit'),
				month: col(row, 'bulan'),
				received: col(row, 'pengaduan_masuk'),
				resolved: col(row, 'pengaduan_selesai'),
				withinStandard: col(row, 'selesai_tepat_waktu'),
				avgDays: col(row, 'rata_rata_hari')
			},
			units,
			thisMonth
		);
		for (const p of r.problems) problems.push({ line, code: p.code === 'err_required' ? 'ev_ind_err_unit_missing' : p.code, value: p.value });
		if (r.row) {
			const key = `${r.row.unitId}/${r.row.month}`;
			const first = seen.get(key);
			if (first !== undefined) problems.push({ line, code: 'ev_ind_err_duplicate', value: `${col(row, 'kode_unit')} ${col(row, 'bulan')}`, otherLine: first });
			else {
				seen.set(key, line);
				checked.push(r.row);
			}
		}
	}
	if (problems.length) return { ok: false, problems };
	await db.transaction().execute(async (trx) => {
		for (const r of checked) await upsert(trx, actor.id, r);
		await recordAudit(trx, { actorId: actor.id, action: 'indicator.imported', subject: 'import', detail: { rows: checked.length } });
	});
	return { ok: true, imported: checked.length };
}

export const INDICATOR_PAGE_SIZE = 100;

/** Monthly indicators, newest month first, a page at a time with the total. */
export async function listIndicators(db: Db, actor: Actor | null, unitCode?: string, page = 1) {
	requireRole(actor, 'admin');
	let q = db
		.selectFrom('service_indicator as i')
		.innerJoin('org_unit as u', 'u.id', 'i.unit_id')
		.select([
			'u.code as unitCode',
			'u.name as unitName',
			'i.month',
			'i.complaints_received as received',
			'i.complaints_resolved as resolved',
			'i.resolved_within_standard as withinStandard',
			'i.avg_days_to_resolve as avgDays'
		])
		.orderBy('i.month', 'desc')
		.orderBy('u.name')
		.orderBy('u.code')
		.limit(INDICATOR_PAGE_SIZE)
		.offset((page - 1) * INDICATOR_PAGE_SIZE);
	let count = db
		.selectFrom('service_indicator as i')
		.innerJoin('org_unit as u', 'u.id', 'i.unit_id')
		.select((eb) => eb.fn.countAll<number>().as('n'));
	if (unitCode) {
		q = q.where('u.code', '=', unitCode);
		count = count.where('u.code', '=', unitCode);
	}
	const [rows, total] = await Promise.all([q.execute(), count.executeTakeFirstOrThrow()]);
	return {
		rows: rows.map((r) => ({ ...r, avgDays: r.avgDays === null ? null : Number(r.avgDays) })),
		total: Number(total.n),
		page,
		pageSize: INDICATOR_PAGE_SIZE
	};
}
