// Part of `npm run bench`: EXPLAIN ANALYZE of the two reporting queries the bench measures (the
// supervisor overview of one unit, the BKPSDM roll-up), printing their time and the indexes the
// plans use. Usage: DATABASE_URL=… tsx scripts/explain-supervision.ts <unit code>
import { sql, type CompiledQuery } from 'kysely';
import { openDatabase } from '../src/lib/server/db/connect';
import { filteredFigures, orderFigures, personFigures, unitRollupQuery } from '../src/lib/server/supervision/supervision.repository';
import { momentOf } from '../src/lib/server/supervision/supervision.service';

const unitCode = process.argv[2] ?? 'DISDIK';
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 1 });
const db = handle.db;

function literal(v: unknown): string {
	if (v === null || v === undefined) return 'null';
	if (typeof v === 'number' || typeof v === 'bigint') return String(v);
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	if (v instanceof Date) return `'${v.toISOString()}'`;
	return `'${String(v).replace(/'/g, "''")}'`;
}

async function explain(label: string, q: CompiledQuery) {
	const text = q.sql.replace(/\$(\d+)/g, (_, n) => literal(q.parameters[Number(n) - 1]));
	const { rows } = await sql<{ 'QUERY PLAN': string }>`${sql.raw(`explain (analyze, timing on) ${text}`)}`.execute(db);
	const lines = rows.map((r) => r['QUERY PLAN']);
	const indexes = [...new Set(lines.flatMap((l) => [...l.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g)].map((m) => m[1])))];
	const seq = [...new Set(lines.flatMap((l) => [...l.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1])))];
	console.log(`${label}: ${lines.find((l) => l.startsWith('Execution Time'))}`);
	console.log(`  indexes: ${indexes.join(', ') || 'none'}`);
	if (seq.length) console.log(`  sequential scans: ${seq.join(', ')}`);
	if (process.env.EXPLAIN_FULL) console.log(lines.join('\n'));
}

try {
	const unit = await db.selectFrom('org_unit').select('id').where('code', '=', unitCode).executeTakeFirstOrThrow();
	const at = await momentOf(db, new Date());
	const size = await sql<{ n: number }>`select count(*)::int as n from person where unit_id in (${sql.join([unit.id])}) or unit_id in (with recursive s(id) as (select ${unit.id}::int union all select u.id from org_unit u join s on u.parent_id = s.id) select id from s)`.execute(db);
	console.log(`Unit ${unitCode}: ${size.rows[0].n} people in its subtree`);
	await explain(`Supervisor overview (${unitCode}, first page of 25)`, orderFigures(filteredFigures(db, personFigures(db, unit.id, at), {}), 'name', 'asc').limit(25).compile());
	await explain('BKPSDM roll-up (all units)', unitRollupQuery(at).compile(db));
} finally {
	await handle.close();
}
