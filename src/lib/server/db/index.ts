// The app's one database handle, opened and migrated once at start-up (hooks.server.ts init),
// not on the first request.
import type { Kysely } from 'kysely';
import { openDatabase, type DbHandle } from './connect';
import { migrateToLatest } from './migrate';
import type { DB } from './schema';
import type { AppConfig } from '../config';

export type Database = Kysely<DB>;
export type { DB };

let handle: DbHandle | null = null;

export async function initDatabase(config: AppConfig): Promise<DbHandle> {
	if (handle) return handle;
	const opened = await openDatabase({
		databaseUrl: config.databaseUrl,
		dataDir: embeddedDataDir(config.dataDir),
		poolSize: config.dbPoolSize,
		preparedStatements: config.dbPreparedStatements
	});
	try {
		await migrateToLatest(opened);
	} catch (error) {
		await opened.close();
		throw error;
	}
	handle = opened;
	return handle;
}

/** PGlite keeps its files in DATA_DIR/pglite, leaving DATA_DIR free for uploads and backups. */
export function embeddedDataDir(dataDir: string): string {
	return `${dataDir.replace(/\/+$/, '')}/pglite`;
}

export function db(): Database {
	if (!handle) throw new Error('The database is not open yet (initDatabase was not called).');
	return handle.db;
}

export function dbEngine(): DbHandle['engine'] {
	if (!handle) throw new Error('The database is not open yet.');
	return handle.engine;
}

export async function closeDatabase(): Promise<void> {
	const h = handle;
	handle = null;
	await h?.close();
}
