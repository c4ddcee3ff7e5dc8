// A fresh, migrated database per test file: in-memory PGlite by default, or a new database on
// the PostgreSQL server named by DATABASE_URL (created here and dropped afterwards), so runs
// never see each other's data.
import pg from 'pg';
import { openDatabase, type DbHandle } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';

export interface TestDatabase extends DbHandle {
	/** Drops the PostgreSQL database (if any) after closing the connection. */
	dispose(): Promise<void>;
}

export const engineUnderTest = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
	const url = process.env.DATABASE_URL;
	let dropDb: (() => Promise<void>) | null = null;
	let handle: DbHandle;
	if (url) {
		const name = `bina_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`create database ${name}`);
		await admin.end();
		const testUrl = new URL(url);
		testUrl.pathname = `/${name}`;
		handle = await openDatabase({ databaseUrl: testUrl.toString(), poolSize: 4 });
		dropDb = async () => {
			const c = new pg.Client({ connectionString: url });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		};
	} else {
		handle = await openDatabase({ dataDir: null });
	}
	if (options.migrate !== false) await migrateToLatest(handle);
	return {
		...handle,
		dispose: async () => {
			await handle.close();
			await dropDb?.();
		}
	};
}
