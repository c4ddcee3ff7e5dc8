// Every environment variable the server reads is read here, once, and validated, so that a
// wrong setting fails at start with a message that names it instead of misbehaving later.
import path from 'node:path';

export interface AppConfig {
	/** PostgreSQL connection string; when absent the embedded PGlite database is used. */
	databaseUrl: string | null;
	/** Folder of the embedded database (PGlite). */
	dataDir: string;
	/** Seed the Medan demo organisation and accounts into an empty database at start-up. */
	demoData: boolean;
	/** Maximum connections in the PostgreSQL pool of one app server. */
	dbPoolSize: number;
	/** Named prepared statements on PostgreSQL (DB_PREPARED_STATEMENTS, default true). */
	dbPreparedStatements: boolean;
	/** Public address of the app, used in links that leave the app (QR codes, e-mail). */
	publicOrigin: string | null;
	/** Run the job queue (reminders, e-mail) in this server process. */
	jobs: boolean;
	/** SMTP for e-mail notifications; null sends none (the in-app list only). */
	smtp: { url: string; from: string } | null;
}

export class ConfigError extends Error {}

function parseBool(name: string, raw: string | undefined): boolean {
	if (raw === undefined || raw === '') return false;
	if (/^(1|true|yes|on)$/i.test(raw)) return true;
	if (/^(0|false|no|off)$/i.test(raw)) return false;
	throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function parsePositiveInt(name: string, raw: string | undefined, fallback: number): number {
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive whole number (got "${raw}")`);
	return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const databaseUrl = env.DATABASE_URL?.trim() || null;
	if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
		throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql:// (got "${databaseUrl.slice(0, 30)}…")`);
	}
	const origin = env.ORIGIN?.trim() || null;
	if (origin && !/^https?:\/\/[^/]+$/.test(origin)) {
		throw new ConfigError(`ORIGIN must look like https://bina.example.go.id with no path (got "${origin}")`);
	}
	const smtpUrl = env.SMTP_URL?.trim() || null;
	if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
		throw new ConfigError(`SMTP_URL must look like smtp://user:password@mail.example.go.id:587 or smtps://… (got "${smtpUrl.replace(/\/\/[^@]*@/, '//…@')}")`);
	}
	const mailFrom = env.MAIL_FROM?.trim() || null;
	if (smtpUrl && !mailFrom) throw new ConfigError('MAIL_FROM is required when SMTP_URL is set, e.g. "Bina ASN <bina@pemkomedan.go.id>"');
	if (mailFrom && !/@[^@\s>]+\.[^@\s>]+>?$/.test(mailFrom)) throw new ConfigError(`MAIL_FROM must be an e-mail address, optionally with a name (got "${mailFrom}")`);
	return {
		databaseUrl,
		dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
		demoData: parseBool('DEMO_DATA', env.DEMO_DATA),
		dbPoolSize: parsePositiveInt('DB_POOL_SIZE', env.DB_POOL_SIZE, 10),
		dbPreparedStatements: env.DB_PREPARED_STATEMENTS === undefined || env.DB_PREPARED_STATEMENTS === '' ? true : parseBool('DB_PREPARED_STATEMENTS', env.DB_PREPARED_STATEMENTS),
		publicOrigin: origin,
		jobs: env.JOBS === undefined || env.JOBS === '' ? true : parseBool('JOBS', env.JOBS),
		smtp: smtpUrl ? { url: smtpUrl, from: mailFrom! } : null
	};
}
