// Opens the one database the app uses: PostgreSQL through `pg` when a URL is given, otherwise
// PGlite (PostgreSQL compiled to WebAssembly) in a local folder, so a laptop needs no server.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CompiledQuery, Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { DB } from './schema';

export type Engine = 'postgres' | 'pglite';

export interface DbHandle {
	db: Kysely<DB>;
	engine: Engine;
	/** Runs a multi-statement SQL script (a migration) on the given connection or transaction. */
	runScript(trx: Kysely<unknown>, script: string): Promise<void>;
	/**
	 * Runs SQL written elsewhere (the job queue's), queued behind Kysely's own use of the
	 * connection so it never lands inside an open Kysely transaction. Without parameters the text
	 * may hold several statements (BEGIN; …; COMMIT;); the rows of the last one are answered.
	 */
	executeRaw(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
	close(): Promise<void>;
}

/** Raised when another process (the server, another CLI) holds the embedded data folder. */
export class DatabaseBusyError extends Error {
	constructor(public readonly dataDir: string) {
		super(
			`Basis data tertanam di ${dataDir} sedang dipakai proses lain (misalnya server Bina ASN). ` +
				`Hentikan proses itu dulu, atau pakai DATABASE_URL ke PostgreSQL. Tidak ada yang diubah.\n` +
				`The embedded database in ${dataDir} is in use by another process (for example the Bina ASN server). ` +
				`Stop it first, or use DATABASE_URL with PostgreSQL. Nothing was changed.`
		);
		this.name = 'DatabaseBusyError';
	}
}

export interface OpenOptions {
	databaseUrl?: string | null;
	/** Folder for PGlite; `null` keeps the embedded database in memory (tests). */
	dataDir?: string | null;
	poolSize?: number;
	/** Named prepared statements on PostgreSQL (default on; off behind a pooler that cannot keep them). */
	preparedStatements?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
	if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.preparedStatements ?? true);
	return openPglite(options.dataDir ?? null);
}

async function openPostgres(url: string, poolSize: number, preparedStatements: boolean): Promise<DbHandle> {
	const pg = await import('pg');
	// int8 (count(*), bigserial) as JS numbers: our counts stay far below 2^53, and PGlite
	// returns numbers too, so both engines give the same types.
	pg.default.types.setTypeParser(20, (v: string) => Number(v));
	// numeric as number for averages and scores.
	pg.default.types.setTypeParser(1700, (v: string) => Number(v));
	// date as its YYYY-MM-DD text: a calendar day has no time zone, and a JS Date would put it
	// at midnight of whatever zone the server runs in.
	pg.default.types.setTypeParser(1082, (v: string) => v);
	// JIT off: the app's queries run in milliseconds, and the reports' estimated costs cross
	// jit_above_cost, where compiling took 30-40 ms per query (measured on the team overview, which
	// ran in half the time without it; see README, "Scale").
	const pool = new pg.default.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
	// An idle connection closed by the server (a restart, a failover, a dropped test database)
	// must not bring the process down; the pool opens a new one on the next query.
	pool.on('error', (err) => console.error(`[db] idle PostgreSQL connection lost: ${err.message}`));
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparedStatements ? preparing(pool) : pool }) });
	return {
		db,
		engine: 'postgres',
		// With no parameters `pg` uses the simple query protocol, which accepts many statements.
		runScript: async (trx, script) => {
			await sql.raw(script).execute(trx);
		},
		executeRaw: async (text, values) => {
			const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
			return { rows: result.rows as unknown[] };
		},
		close: () => db.destroy()
	};
}

/**
 * How many distinct statements one process prepares on each connection. The app has a few
 * hundred query shapes; a cached plan costs the PostgreSQL backend tens of kilobytes, so this
 * bounds the memory of each connection to a few megabytes.
 */
export const PREPARED_STATEMENT_LIMIT = 500;

/**
 * Texts that change with the size of their input and would use up the limit: `in ($1, $2, …)`
 * (a text per list length) and `values ($1, …), ($2, …)` (a text per number of rows).
 */
const ONE_OFF = [/\bin \(\$\d+, \$/, /\), \(\$\d/];

/** The name of a statement is a hash of its text: the same text has the same name in every process. */
export function statementName(text: string): string {
	return `bina_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

/**
 * Kysely's driver sends every query unnamed, so PostgreSQL parses and plans it on every call:
 * on the module page that was about 0.5 ms of server time per query, several times what running
 * it took. This pool hands Kysely clients that send each parameterised statement as a named
 * prepared statement instead: parsed once per connection, and after five runs PostgreSQL may keep
 * a generic plan (plan_cache_mode auto compares its cost with the custom plans'). Statements
 * without parameters (migration scripts, several statements in one text), texts that vary with
 * their input and anything past the limit go unnamed.
 *
 * A statement prepared before another process changed its table (a migration adding a column
 * under `select *`) fails with "cached plan must not change result type"; one that the server no
 * longer has fails with "does not exist". Either is prepared again and run once more; when that
 * is impossible (inside the failed transaction) the connection is closed instead of going back to
 * the pool, so the next request gets a fresh one.
 */
export function preparing(pool: import('pg').Pool): PostgresPool {
	const names = new Map<string, string | null>();
	let named = 0;
	const nameFor = (text: string): string | null => {
		const known = names.get(text);
		if (known !== undefined) return known;
		const name = named < PREPARED_STATEMENT_LIMIT && !ONE_OFF.some((re) => re.test(text)) ? statementName(text) : null;
		if (name) named++;
		// Unnamed texts are remembered too (bounded), so their tests run once.
		if (name || names.size < PREPARED_STATEMENT_LIMIT * 4) names.set(text, name);
		return name;
	};
	return {
		connect: async () => {
			const client = await pool.connect();
			let broken = false;
			const runNamed = async (name: string, text: string, values: unknown[]) => {
				try {
					return await client.query({ name, text, values });
				} catch (error) {
					const { code, message } = error as { code?: string; message?: string };
					const stale = code === '26000' || (code === '0A000' && /cached plan/.test(message ?? ''));
					if (!stale) throw error;
					const parsed = (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection?.parsedStatements;
					if (parsed) delete parsed[name];
					try {
						if (code === '0A000') await client.query(`deallocate ${name}`);
						return await client.query({ name, text, values });
					} catch {
						broken = true;
						throw error;
					}
				}
			};
			const query = (textOrCursor: unknown, values?: ReadonlyArray<unknown>) => {
				if (typeof textOrCursor === 'string' && values && values.length > 0) {
					const name = nameFor(textOrCursor);
					if (name) return runNamed(name, textOrCursor, values as unknown[]);
				}
				return (client.query as (...args: unknown[]) => unknown)(textOrCursor, values);
			};
			return { query, release: () => client.release(broken || undefined) } as unknown as PostgresPoolClient;
		},
		end: () => pool.end()
	};
}

async function openPglite(dataDir: string | null): Promise<DbHandle> {
	const [{ PGlite, types }, { PGliteDialect }] = await Promise.all([
		import('@electric-sql/pglite'),
		import('kysely-pglite-dialect')
	]);
	let release: (() => Promise<void>) | null = null;
	if (dataDir) {
		// PGlite creates only the last folder of its path, and must be the only process on it.
		fs.mkdirSync(path.dirname(dataDir), { recursive: true });
		fs.mkdirSync(dataDir, { recursive: true });
		release = await lockDataDir(dataDir);
	}
	const parsers = { [types.INT8]: (v: string) => Number(v), [types.NUMERIC]: (v: string) => Number(v), [types.DATE]: (v: string) => v };
	let client: InstanceType<typeof PGlite>;
	try {
		client = dataDir ? new PGlite(dataDir, { parsers }) : new PGlite({ parsers });
		await client.waitReady;
	} catch (error) {
		await release?.();
		throw error;
	}
	const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
	return {
		db,
		engine: 'pglite',
		// PGlite has one session, so exec() runs inside whatever transaction Kysely opened on it.
		runScript: async (_trx, script) => {
			await client.exec(script);
		},
		executeRaw: (text, values) =>
			// connection() waits for the one connection, so this runs between Kysely's queries and
			// transactions, never inside one.
			db.connection().execute(async () => {
				if (values && values.length) return { rows: (await client.query(text, values)).rows };
				const results = await client.exec(text);
				return { rows: results.at(-1)?.rows ?? [] };
			}),
		close: async () => {
			await db.destroy();
			await release?.();
		}
	};
}

async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
	const lockfile = await import('proper-lockfile');
	try {
		// A crashed server leaves its lock behind; proper-lockfile treats it as stale once it has
		// not been refreshed for `stale` milliseconds, so the next start is not blocked forever.
		return await lockfile.default.lock(dataDir, {
			lockfilePath: path.join(dataDir, '.bina.lock'),
			stale: 15_000,
			update: 5_000,
			realpath: false,
			onCompromised: (err) => console.error('[db] lost the lock on the data folder:', err.message)
		});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DatabaseBusyError(dataDir);
		throw error;
	}
}
