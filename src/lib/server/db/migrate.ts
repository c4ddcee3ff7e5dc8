// Applies the plain-SQL files in migrations/ through Kysely's Migrator. Each file holds an
// `-- migrate:up` part and a `-- migrate:down` part; files are ordered by their numeric prefix
// and never edited once landed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DbHandle } from './connect';

const UP = /^--\s*migrate:up\s*$/m;
const DOWN = /^--\s*migrate:down\s*$/m;

export function splitMigration(file: string, text: string): { up: string; down: string } {
	const upAt = text.search(UP);
	const downAt = text.search(DOWN);
	if (upAt < 0 || downAt < 0 || downAt < upAt) {
		throw new Error(`${file}: a migration needs a "-- migrate:up" line followed by a "-- migrate:down" line`);
	}
	return { up: text.slice(upAt, downAt), down: text.slice(downAt) };
}

class SqlFileProvider implements MigrationProvider {
	constructor(
		private readonly folder: string,
		private readonly handle: DbHandle
	) {}

	async getMigrations(): Promise<Record<string, Migration>> {
		const files = (await fs.readdir(this.folder)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
		const migrations: Record<string, Migration> = {};
		for (const file of files) {
			const { up, down } = splitMigration(file, await fs.readFile(path.join(this.folder, file), 'utf8'));
			migrations[file.replace(/\.sql$/, '')] = {
				up: (db: Kysely<unknown>) => this.handle.runScript(db, up),
				down: (db: Kysely<unknown>) => this.handle.runScript(db, down)
			};
		}
		return migrations;
	}
}

export function migrationsFolder(): string {
	return path.resolve(process.env.MIGRATIONS_DIR ?? 'migrations');
}

export async function migrateToLatest(handle: DbHandle, folder = migrationsFolder()): Promise<MigrationResultSet> {
	const migrator = new Migrator({ db: handle.db, provider: new SqlFileProvider(folder, handle) });
	const result = await migrator.migrateToLatest();
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error');
		const cause = result.error instanceof Error ? result.error.message : String(result.error);
		throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${cause}`);
	}
	return result;
}
