// The two measures behind the module page's speed (README, "Speed"): hot queries built once
// (prepared.ts) and parameterised statements prepared once per PostgreSQL connection
// (connect.ts). Both must answer exactly what the plain query answers.
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-db';
import { addPerson, addUnit } from './fixtures';
import { nipMaker } from './helper-people';
import { openDatabase } from '../../src/lib/server/db/connect';
import { prepared } from '../../src/lib/server/db/prepared';
import type { Database } from '../../src/lib/server/db';

const nextNip = nipMaker('19900101');
let handle: TestDatabase;
let unitId: number;
const people: number[] = [];

const peopleInUnitNamed = prepared((db: Database, unit: number, prefix: string) =>
	db.selectFrom('person').select(['id', 'name']).where('unit_id', '=', unit).where('name', 'like', prefix).where('active', '=', true).orderBy('id')
);

beforeAll(async () => {
	handle = await createTestDatabase();
	unitId = await addUnit(handle.db, 'UJI-KUERI', null, 'kelurahan');
	for (let i = 0; i < 3; i++) people.push((await addPerson(handle.db, { unitId, nip: nextNip(), roles: ['learner'] })).id);
});
afterAll(() => handle?.dispose());

describe('a prepared query', () => {
	it('answers what the same query built on the spot answers, call after call with different values', async () => {
		const other = await addUnit(handle.db, 'UJI-LAIN', null, 'kelurahan');
		await addPerson(handle.db, { unitId: other, nip: nextNip(), roles: ['learner'] });
		for (const [unit, prefix] of [
			[unitId, '%'],
			[other, '%'],
			[unitId, 'zzz%'],
			[unitId, '%']
		] as const) {
			const built = await handle.db.selectFrom('person').select(['id', 'name']).where('unit_id', '=', unit).where('name', 'like', prefix).where('active', '=', true).orderBy('id').execute();
			expect(await peopleInUnitNamed(handle.db, unit, prefix)).toEqual(built);
		}
		expect((await peopleInUnitNamed(handle.db, unitId, '%')).map((p) => p.id)).toEqual(people);
		expect(await peopleInUnitNamed(handle.db, unitId, 'zzz%')).toEqual([]);
	});

	it('keeps the constants the query was built with (here: only active people)', async () => {
		await handle.db.updateTable('person').set({ active: false }).where('id', '=', people[0]).execute();
		expect((await peopleInUnitNamed(handle.db, unitId, '%')).map((p) => p.id)).toEqual(people.slice(1));
		await handle.db.updateTable('person').set({ active: true }).where('id', '=', people[0]).execute();
	});

	it('refuses an argument used in JavaScript instead of as a value in the SQL', async () => {
		const wrong = prepared((db: Database, unit: number) =>
			db
				.selectFrom('person')
				.select('id')
				.where('unit_id', '=', typeof unit === 'number' ? unit : 0)
		);
		await expect(wrong(handle.db, unitId)).rejects.toThrow(/argument 1 is not a value in the SQL/);
	});

	it('refuses a date kept from the first build (a default argument), which would freeze at its first value', async () => {
		const since = prepared((db: Database, unit: number, after: Date = new Date()) =>
			db.selectFrom('person').select('id').where('unit_id', '=', unit).where('created_at', '>', after)
		);
		await expect(since(handle.db, unitId)).rejects.toThrow(/date or object is not an argument/);
	});
});

// Always against the PostgreSQL server: named statements are a property of `pg` connections.
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('statements prepared on a PostgreSQL connection', () => {
	it('parses a parameterised statement once per connection and reuses it; scripts and statements without parameters stay unnamed', async () => {
		const pgHandle = await openDatabase({ databaseUrl: url, poolSize: 1 });
		try {
			const texts = async () =>
				(await sql<{ statement: string }>`select statement from pg_prepared_statements where name like 'bina_%'`.execute(pgHandle.db)).rows.map((r) => r.statement);
			const before = (await texts()).length;
			for (const n of [1, 2, 3]) {
				const { rows } = await sql<{ doubled: number }>`select ${n}::int * 2 as doubled`.execute(pgHandle.db);
				expect(rows[0].doubled).toBe(n * 2);
			}
			// runScript is typed for Kysely<unknown> (migrations), which a Kysely<DB> does not satisfy.
			await pgHandle.runScript(pgHandle.db as unknown as Kysely<unknown>, 'create temporary table prepared_probe (x int); insert into prepared_probe values (1); drop table prepared_probe;');
			// An IN list makes a new text for every length: those stay unnamed.
			for (const list of [[1], [1, 2], [1, 2, 3]]) {
				const { rows } = await sql<{ n: number }>`select count(*)::int as n from generate_series(1, 5) as g(x) where x in (${sql.join(list)})`.execute(pgHandle.db);
				expect(rows[0].n).toBe(list.length);
			}
			const after = await texts();
			// One connection (pool of one): the doubling statement was prepared once, not three times;
			// the script (several statements), the catalogue query (no parameters) and the IN lists of two
			// and three values were not; the list of one (`in ($1)`) was.
			expect(after.length - before).toBe(2);
			expect(after.filter((t) => t.includes('* 2 as doubled'))).toHaveLength(1);
		} finally {
			await pgHandle.close();
		}
	});

	it('names a statement by its text, the same in every process', async () => {
		const a = await openDatabase({ databaseUrl: url, poolSize: 1 });
		const b = await openDatabase({ databaseUrl: url, poolSize: 1 });
		try {
			const nameOf = async (h: typeof a) => {
				await sql`select ${7}::int + 1 as eight`.execute(h.db);
				const { rows } = await sql<{ name: string }>`select name from pg_prepared_statements where statement like '%as eight%'`.execute(h.db);
				return rows.map((r) => r.name);
			};
			// Another statement first in the second handle, so a counter would give different names.
			await sql`select ${1}::int as other`.execute(b.db);
			const [inA, inB] = [await nameOf(a), await nameOf(b)];
			expect(inA).toHaveLength(1);
			expect(inB).toEqual(inA);
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});

	it('keeps answering after another connection adds a column under a prepared select * (a migration while running)', async () => {
		const table = `prepared_probe_${Date.now().toString(36)}`;
		const h = await openDatabase({ databaseUrl: url, poolSize: 1 });
		const other = new pg.Client({ connectionString: url });
		await other.connect();
		try {
			await other.query(`create table ${table} (id int primary key, a text)`);
			await other.query(`insert into ${table} values (1, 'x')`);
			const read = async () => (await sql<Record<string, unknown>>`select * from ${sql.table(table)} where id = ${1}`.execute(h.db)).rows;
			expect(await read()).toEqual([{ id: 1, a: 'x' }]);
			expect(await read()).toEqual([{ id: 1, a: 'x' }]);
			await other.query(`alter table ${table} add column b text not null default 'y'`);
			expect(await read()).toEqual([{ id: 1, a: 'x', b: 'y' }]);
			expect(await read()).toEqual([{ id: 1, a: 'x', b: 'y' }]);
		} finally {
			await other.query(`drop table if exists ${table}`);
			await other.end();
			await h.close();
		}
	});
});
