// The migrations are the only source of the schema: they must apply from nothing, apply twice
// without effect, roll back cleanly, and produce exactly the committed schema types.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { createTestDatabase, type TestDatabase } from './test-db';
import { migrateToLatest, migrationsFolder, splitMigration } from '../../src/lib/server/db/migrate';
import { generateSchemaTypes } from '../../src/lib/server/db/schema-gen';

const FOLDER = migrationsFolder();
const SCHEMA_FILE = path.resolve('src/lib/server/db/schema.ts');

async function migrationFiles(): Promise<string[]> {
	return (await fs.readdir(FOLDER)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
}

/** The tables every migration file creates, read from its up part. */
async function tablesCreatedByMigrations(): Promise<string[]> {
	const tables: string[] = [];
	for (const file of await migrationFiles()) {
		const { up } = splitMigration(file, await fs.readFile(path.join(FOLDER, file), 'utf8'));
		for (const m of up.matchAll(/^\s*create table (?:if not exists )?([a-z_][a-z0-9_]*)/gim)) tables.push(m[1]);
	}
	return tables.sort();
}

/** The same provider migrate.ts uses, rebuilt here so the test can also go down. */
function fileProvider(handle: TestDatabase): MigrationProvider {
	return {
		async getMigrations() {
			const migrations: Record<string, Migration> = {};
			for (const file of await migrationFiles()) {
				const { up, down } = splitMigration(file, await fs.readFile(path.join(FOLDER, file), 'utf8'));
				migrations[file.replace(/\.sql$/, '')] = {
					up: (db: Kysely<unknown>) => handle.runScript(db, up),
					down: (db: Kysely<unknown>) => handle.runScript(db, down)
				};
			}
			return migrations;
		}
	};
}

/** generateSchemaTypes is typed for Kysely<unknown>, which a Kysely<DB> does not satisfy. */
const untyped = (db: TestDatabase['db']) => db as unknown as Kysely<unknown>;

async function appTables(handle: TestDatabase): Promise<string[]> {
	const { rows } = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
		order by table_name`.execute(handle.db);
	return rows.map((r) => r.table_name);
}

let handle: TestDatabase;

beforeAll(async () => {
	handle = await createTestDatabase({ migrate: false });
});

afterAll(async () => {
	await handle?.dispose();
});

describe('migration files', () => {
	it('each have an up and a down part', async () => {
		const files = await migrationFiles();
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			const { up, down } = splitMigration(file, await fs.readFile(path.join(FOLDER, file), 'utf8'));
			expect(up, file).toMatch(/^--\s*migrate:up/);
			expect(down, file).toMatch(/^--\s*migrate:down/);
		}
	});

	it('refuse a file without the up/down markers', () => {
		expect(() => splitMigration('0099_broken.sql', 'create table x (id int);')).toThrow(/0099_broken\.sql/);
		expect(() => splitMigration('0099_broken.sql', '-- migrate:down\ndrop table x;\n-- migrate:up\ncreate table x (id int);')).toThrow();
	});
});

describe('migrations on an empty database', () => {
	it('start from a database with no tables', async () => {
		expect(await appTables(handle)).toEqual([]);
	});

	it('apply from empty and create every table in the schema', async () => {
		const result = await migrateToLatest(handle);
		expect(result.error).toBeUndefined();
		const files = await migrationFiles();
		expect(result.results?.map((r) => [r.migrationName, r.direction, r.status])).toEqual(
			files.map((f) => [f.replace(/\.sql$/, ''), 'Up', 'Success'])
		);
		const expected = await tablesCreatedByMigrations();
		expect(expected).toEqual(
			expect.arrayContaining(['org_unit', 'job_position', 'person', 'person_role', 'auth_session', 'login_throttle', 'app_setting', 'audit_event'])
		);
		expect(await appTables(handle)).toEqual(expected);
	});

	it('create exactly the tables the committed schema types describe', async () => {
		const schema = await fs.readFile(SCHEMA_FILE, 'utf8');
		const dbInterface = schema.match(/export interface DB \{([\s\S]*?)\n\}/);
		expect(dbInterface, 'schema.ts declares interface DB').not.toBeNull();
		const declared = [...dbInterface![1].matchAll(/^\s+([a-z_][a-z0-9_]*):/gm)].map((m) => m[1]).sort();
		expect(await appTables(handle)).toEqual(declared);
	});

	it('are a no-op when applied again', async () => {
		const before = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(handle.db);
		const result = await migrateToLatest(handle);
		expect(result.error).toBeUndefined();
		expect(result.results).toEqual([]);
		const after = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(handle.db);
		expect(after.rows[0].n).toBe(before.rows[0].n);
		expect(after.rows[0].n).toBe((await migrationFiles()).length);
	});

	it('produce exactly the committed schema types (no drift between migrations and schema.ts)', async () => {
		const generated = await generateSchemaTypes(untyped(handle.db));
		const committed = await fs.readFile(SCHEMA_FILE, 'utf8');
		expect(generated).toBe(committed);
	});

	it('return count(*) and bigserial ids as JavaScript numbers', async () => {
		await handle.db.insertInto('org_unit').values({ code: 'CNT-1', name: 'Unit hitung', kind: 'dinas' }).execute();
		await handle.db.insertInto('org_unit').values({ code: 'CNT-2', name: 'Unit hitung 2', kind: 'dinas' }).execute();
		const row = await handle.db
			.selectFrom('org_unit')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(typeof row.n).toBe('number');
		expect(row.n).toBe(2);
		const raw = await sql<{ n: unknown }>`select count(*) as n from org_unit`.execute(handle.db);
		expect(raw.rows[0].n).toBe(2);
		const audit = await handle.db.insertInto('audit_event').values({ action: 'test.number' }).returning('id').executeTakeFirstOrThrow();
		expect(typeof audit.id).toBe('number');
	});

	it('enforce the rules in the schema itself', async () => {
		// Codes are upper-case; a person needs a NIP or an e-mail; e-mails are unique regardless of case.
		await expect(handle.db.insertInto('org_unit').values({ code: 'lower', name: 'x', kind: 'dinas' }).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('org_unit').values({ code: 'KIND-X', name: 'x', kind: 'kantor' }).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('person').values({ name: 'Tanpa login' }).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('person').values({ name: 'NIP pendek', nip: '12345' }).execute()).rejects.toThrow();
		const satu = await handle.db.insertInto('person').values({ name: 'Satu', email: 'Satu@pemkomedan.go.id' }).returning('id').executeTakeFirstOrThrow();
		await expect(handle.db.insertInto('person').values({ name: 'Dua', email: 'satu@PEMKOMEDAN.go.id' }).execute()).rejects.toThrow(/person_email_key/);
		await expect(handle.db.insertInto('person_role').values({ person_id: satu.id, role: 'superuser' }).execute()).rejects.toThrow(/check/);
		await handle.db.insertInto('person_role').values({ person_id: satu.id, role: 'admin' }).execute();
		await handle.db.deleteFrom('person').execute();
	});

	it('roll back with the down migrations, leaving no table behind, and apply again', async () => {
		const migrator = new Migrator({ db: handle.db, provider: fileProvider(handle) });
		const files = await migrationFiles();
		for (let i = files.length - 1; i >= 0; i--) {
			const result = await migrator.migrateDown();
			expect(result.error).toBeUndefined();
			expect(result.results?.map((r) => [r.migrationName, r.direction, r.status])).toEqual([[files[i].replace(/\.sql$/, ''), 'Down', 'Success']]);
		}
		expect(await appTables(handle)).toEqual([]);
		expect((await migrator.getMigrations()).every((m) => m.executedAt === undefined)).toBe(true);
		// Nothing left to undo.
		const none = await migrator.migrateDown();
		expect(none.error).toBeUndefined();
		expect(none.results).toEqual([]);

		const again = await migrateToLatest(handle);
		expect(again.results?.every((r) => r.status === 'Success' && r.direction === 'Up')).toBe(true);
		expect(await appTables(handle)).toEqual(await tablesCreatedByMigrations());
		expect(await generateSchemaTypes(untyped(handle.db))).toBe(await fs.readFile(SCHEMA_FILE, 'utf8'));
		// The re-created tables are empty and usable.
		const { id } = await handle.db.insertInto('org_unit').values({ code: 'AGAIN', name: 'Lagi', kind: 'badan' }).returning('id').executeTakeFirstOrThrow();
		expect(id).toBe(1);
	});
});

describe('0011: level 3 for workshops on a database with course requests', () => {
	let old: TestDatabase;
	beforeAll(async () => {
		old = await createTestDatabase({ migrate: false });
	});
	afterAll(async () => {
		await old?.dispose();
	});

	it('keeps every existing course request, valid, and takes workshop requests beside them', async () => {
		const migrator = new Migrator({ db: old.db, provider: fileProvider(old) });
		const before = await migrator.migrateTo('0010_supervision_career_fixes');
		expect(before.error).toBeUndefined();
		// A course request as the job wrote it before workshops were covered.
		await old.runScript(
			untyped(old.db),
			`insert into person (id, name, email) values (1, 'Siti Aminah Lubis', 'siti@pemkomedan.go.id'), (2, 'Camat Medan Baru', 'camat@pemkomedan.go.id');
			insert into course (id, slug) values ('pelayanan-publik-prima', 'pelayanan-publik-prima');
			insert into course_version (id, course_id, hash, title, summary, audience, level, jp, topic, total_minutes)
				values (1, 'pelayanan-publik-prima', 'h1', 'Pelayanan Publik Prima', '-', 'ASN', 'dasar', 4, 'pelayanan', 180);
			insert into enrolment (id, person_id, course_id, course_version_id, status, completed_at)
				values (1, 1, 'pelayanan-publik-prima', 1, 'completed', '2026-08-01T03:00:00Z');
			insert into behaviour_evaluation (enrolment_id, person_id, course_id, supervisor_id, completed_on, rating, note, answered_at, answered_by)
				values (1, 1, 'pelayanan-publik-prima', 2, '2026-08-01', 3, 'Sudah menerapkan.', '2026-11-01T03:00:00Z', 2);`
		);
		const rowsNow = () =>
			sql<Record<string, unknown>>`select enrolment_id, course_id, person_id, supervisor_id, completed_on::text, rating, note from behaviour_evaluation order by id`.execute(old.db);
		const courseRow = { enrolment_id: 1, course_id: 'pelayanan-publik-prima', person_id: 1, supervisor_id: 2, completed_on: '2026-08-01', rating: 3, note: 'Sudah menerapkan.' };
		expect((await rowsNow()).rows).toEqual([courseRow]);

		const up = await migrator.migrateTo('0011_behaviour_workshops');
		expect(up.error).toBeUndefined();
		expect(up.results?.map((r) => [r.migrationName, r.status])).toEqual([['0011_behaviour_workshops', 'Success']]);
		const after = await sql<Record<string, unknown>>`select * from behaviour_evaluation`.execute(old.db);
		expect(after.rows).toHaveLength(1);
		expect(after.rows[0]).toMatchObject({ enrolment_id: 1, course_id: 'pelayanan-publik-prima', registration_id: null, workshop_id: null, rating: 3 });
		// The same enrolment cannot be asked about twice, as before.
		await expect(
			old.runScript(untyped(old.db), `insert into behaviour_evaluation (enrolment_id, person_id, course_id, completed_on) values (1, 1, 'pelayanan-publik-prima', '2026-08-01');`)
		).rejects.toThrow();
		// A workshop request beside it.
		await old.runScript(
			untyped(old.db),
			`insert into workshop (id, title, place, starts_at, ends_at, capacity, jp, trainer_id, qr_secret)
				values (1, 'Workshop Standar Pelayanan', 'Aula BKPSDM', '2026-08-05T02:00:00Z', '2026-08-05T05:00:00Z', 30, 3, 2, 'secret');
			insert into workshop_registration (id, workshop_id, person_id, status, attended_at, attendance_method) values (1, 1, 1, 'registered', '2026-08-05T02:10:00Z', 'qr');
			insert into behaviour_evaluation (registration_id, workshop_id, person_id, supervisor_id, completed_on) values (1, 1, 1, 2, '2026-08-05');`
		);
		expect((await sql`select id from behaviour_evaluation`.execute(old.db)).rows).toHaveLength(2);

		// Going down removes the workshop requests only; the course request is as it was.
		const down = await migrator.migrateDown();
		expect(down.error).toBeUndefined();
		expect((await rowsNow()).rows).toEqual([courseRow]);
		expect((await migrateToLatest(old)).error).toBeUndefined();
		expect((await rowsNow()).rows).toEqual([courseRow]);
	});
});
