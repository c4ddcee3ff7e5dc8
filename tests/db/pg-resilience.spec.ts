import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/connect';

// Always against the PostgreSQL server (CI and these machines run one): the behaviour under test
// is the pool's, which PGlite does not have.
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('PostgreSQL connection pool', () => {
	it('survives the server closing an idle connection (restart, failover) and serves the next query', async () => {
		const handle = await openDatabase({ databaseUrl: url, poolSize: 1 });
		try {
			const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
			const admin = new pg.Client({ connectionString: url });
			await admin.connect();
			await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
			await admin.end();
			// Give the pool time to notice; without an error listener the process would crash here.
			await new Promise((r) => setTimeout(r, 300));
			const again = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
			expect(again.rows[0].one).toBe(1);
		} finally {
			await handle.close();
		}
	});
});
