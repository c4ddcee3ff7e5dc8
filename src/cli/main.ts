// Operator commands: `npm run cli -- <command> [options]`. Works on PGlite (DATA_DIR) and on
// PostgreSQL (DATABASE_URL). On PGlite it refuses to run while the server holds the data folder.
import { parseArgs } from 'node:util';
import { readConfig } from '../lib/server/config';
import { DatabaseBusyError, openDatabase, type DbHandle } from '../lib/server/db/connect';
import { embeddedDataDir } from '../lib/server/db';
import { migrateToLatest } from '../lib/server/db/migrate';
import { addAccount } from '../lib/server/org/operator';
import { seedDemoIfEmpty } from '../lib/server/demo/seed';
import { tickCertifications } from '../lib/server/certification/certification.service';
import { scanReminders } from '../lib/server/supervision/reminders';
import { createMailer, sendPendingEmails } from '../lib/server/notify/mailer';
import { generateCity } from '../lib/server/demo/generate';

const HELP = `Bina ASN operator commands

  npm run cli -- db:migrate
      Apply pending migrations.
  npm run cli -- user:add --login <e-mail|NIP> --name "<name>" --role <role> [--role <role>] [--unit <code>]
      Create an account. Roles: learner, trainer, supervisor, admin (learner is always added).
      The password is read from BINA_PASSWORD or, when that is not set, from standard input.
  npm run cli -- demo:seed
      Fill an empty database with the Medan demo organisation.
  npm run cli -- certifications:tick
      Move certifications whose dates have passed to "expiring soon" or "expired" (run daily).
  npm run cli -- jobs:run-reminders
      Run the reminder scan once (due dates, expiring and expired certificates) and, when SMTP_URL
      is set, e-mail the pending notifications. For operators who prefer system cron to the
      server's job queue; safe to run any number of times (nothing is sent twice).
  npm run cli -- demo:generate --people 25000
      Fill the database with a city-sized organisation for measuring (see README, "Scale").

Database: DATABASE_URL (PostgreSQL) or the embedded database in DATA_DIR (default ./data).`;

async function readStdin(): Promise<string> {
	if (process.stdin.isTTY) process.stderr.write('Password / kata sandi: ');
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function withDatabase<T>(fn: (handle: DbHandle) => Promise<T>): Promise<T> {
	const config = readConfig();
	const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: embeddedDataDir(config.dataDir), poolSize: 2 });
	try {
		await migrateToLatest(handle);
		return await fn(handle);
	} finally {
		await handle.close();
	}
}

async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	switch (command) {
		case 'db:migrate': {
			await withDatabase(async () => undefined);
			console.log('Migrations applied / migrasi diterapkan.');
			return 0;
		}
		case 'user:add': {
			const { values } = parseArgs({
				args: rest,
				options: { login: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', multiple: true }, unit: { type: 'string' } },
				strict: true
			});
			if (!values.login || !values.name) {
				console.error('user:add needs --login and --name.\n\n' + HELP);
				return 2;
			}
			const password = process.env.BINA_PASSWORD ?? (await readStdin());
			const roles = (values.role ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
			const result = await withDatabase((h) => addAccount(h.db, { login: values.login!, name: values.name!, roles, unitCode: values.unit, password }));
			if (!result.ok) {
				console.error(result.message);
				return 1;
			}
			console.log(`Account created / akun dibuat: ${values.login} (id ${result.id}, roles: ${['learner', ...roles].join(', ')})`);
			return 0;
		}
		case 'demo:seed': {
			const seeded = await withDatabase((h) => seedDemoIfEmpty(h.db));
			console.log(seeded ? 'Demo data added / data demo ditambahkan.' : 'The database already has people; nothing added / basis data sudah berisi pegawai; tidak ada yang ditambahkan.');
			return 0;
		}
		case 'certifications:tick': {
			const moved = await withDatabase((h) => tickCertifications(h.db));
			console.log(`Certifications moved / sertifikasi berubah status: ${moved}`);
			return 0;
		}
		case 'jobs:run-reminders': {
			const config = readConfig();
			const result = await withDatabase(async (h) => {
				const scan = await scanReminders(h.db, new Date(), { email: !!config.smtp });
				const mail = config.smtp
					? await sendPendingEmails(h.db, createMailer({ smtpUrl: config.smtp.url, from: config.smtp.from, publicOrigin: config.publicOrigin }), { from: config.smtp.from, publicOrigin: config.publicOrigin })
					: null;
				return { scan, mail };
			});
			const s = result.scan;
			console.log(`Reminders / pengingat: ${s.dueSoon} due soon, ${s.overdue} overdue, ${s.expiring} certificates expiring, ${s.expired} expired`);
			console.log(result.mail ? `E-mail: ${result.mail.sent} sent, ${result.mail.failed} failed` : 'E-mail: off (SMTP_URL not set); in-app notifications only');
			return 0;
		}
		case 'demo:generate': {
			const { values } = parseArgs({ args: rest, options: { people: { type: 'string', default: '25000' } }, strict: true });
			const people = Number(values.people);
			if (!Number.isInteger(people) || people < 100 || people > 200_000) {
				console.error('--people must be a whole number between 100 and 200000');
				return 2;
			}
			const r = await withDatabase((h) => generateCity(h.db, { people, log: (line) => console.log(`[generate] ${line}`) }));
			console.log(
				`Generated / dibuat: ${r.people} people, ${r.units} units, ${r.courses} courses, ${r.enrolments} enrolments, ${r.moduleProgress} module progress rows, ${r.attempts} exam attempts, ${r.certificates} certificates, ${r.jpEntries} JP entries, ${r.plans} plans in ${r.seconds} s`
			);
			return 0;
		}
		case undefined:
		case 'help':
		case '--help':
			console.log(HELP);
			return 0;
		default:
			console.error(`Unknown command / perintah tidak dikenal: ${command}\n\n${HELP}`);
			return 2;
	}
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (error instanceof DatabaseBusyError) console.error(error.message);
		else console.error(error instanceof Error ? error.message : error);
		process.exit(error instanceof DatabaseBusyError ? 3 : 1);
	}
);
