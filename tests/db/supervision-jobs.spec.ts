// Reminders through the job queue (pg-boss): a reminder is written and e-mailed once, survives a
// restart of the queue and the database handle on the same data, and a completed assignment gets
// none. On PGlite the data lives in a temporary folder that is reopened; on PostgreSQL
// (DATABASE_URL) the test database is reopened.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-db';
import { openDatabase, type DbHandle } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { addPerson, addUnit } from './fixtures';
import { nipMaker } from './helper-people';
import { addCertificate, addCourse, enrolIn, DAY } from './supervision-fixtures';
import { startQueue, type JobQueue } from '../../src/lib/server/jobs/queue';
import { REMINDER_JOB, supervisionJobs } from '../../src/lib/server/supervision/jobs';
import { scanReminders } from '../../src/lib/server/supervision/reminders';
import { sendPendingEmails } from '../../src/lib/server/notify/mailer';

const nextNip = nipMaker('19910305');
const NOW = new Date('2026-06-15T03:00:00Z');
const usesPostgres = !!process.env.DATABASE_URL;

let dir: string | null = null;
let pgHolder: TestDatabase | null = null;
let pgUrl: string | null = null;

/** Opens the same data again, as a restarted server would. */
async function open(): Promise<DbHandle> {
	if (usesPostgres) {
		const h = await openDatabase({ databaseUrl: pgUrl!, poolSize: 4 });
		await migrateToLatest(h);
		return h;
	}
	const h = await openDatabase({ dataDir: dir });
	await migrateToLatest(h);
	return h;
}

const sentMail: Array<{ to: string; subject: string; text: string }> = [];
const transport = nodemailer.createTransport({ jsonTransport: true });
const origSend = transport.sendMail.bind(transport);
transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
	const info = await origSend(mail);
	const message = JSON.parse((info as unknown as { message: string }).message);
	sentMail.push({ to: message.to[0].address, subject: message.subject, text: message.text });
	return info;
}) as typeof transport.sendMail;
const mail = { transport, settings: { smtpUrl: 'smtp://unused', from: 'Bina ASN <bina@pemkomedan.go.id>', publicOrigin: 'https://bina.pemkomedan.go.id' } };

let ids: { due: number; done: number; cert: number; person: number; colleague: number };

async function waitForJob(queue: JobQueue, jobId: string) {
	for (let i = 0; i < 200; i++) {
		const job = await queue.boss.getJobById(REMINDER_JOB, jobId);
		if (job?.state === 'completed') return;
		if (job?.state === 'failed') throw new Error(`job failed: ${JSON.stringify(job.output)}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('job did not complete');
}

beforeAll(async () => {
	if (usesPostgres) {
		pgHolder = await createTestDatabase();
		// The holder keeps the database; the test opens its own handles on it.
		const base = new URL(process.env.DATABASE_URL!);
		const name = (await pgHolder.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('n')).executeTakeFirstOrThrow()).n;
		base.pathname = `/${name}`;
		pgUrl = base.toString();
	} else {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bina-jobs-'));
	}
	const h = await open();
	try {
		const unit = await addUnit(h.db, 'KEL-UJI-JOB', null, 'kelurahan');
		const person = await addPerson(h.db, { unitId: unit, nip: nextNip(), email: 'rina@medan.go.id', name: 'Rina Sembiring' });
		const colleague = await addPerson(h.db, { unitId: unit, nip: nextNip(), email: 'tono@medan.go.id', name: 'Tono Sitepu' });
		const c1 = await addCourse(h.db, 'Pelayanan Publik Prima');
		const c2 = await addCourse(h.db, 'Penanganan Pengaduan');
		const c3 = await addCourse(h.db, 'Tata Kelola Data');
		const due = await enrolIn(h.db, person.id, c1, { dueAt: '2026-06-17' });
		const done = await enrolIn(h.db, colleague.id, c2, { dueAt: '2026-06-10', status: 'completed', completedAt: new Date(NOW.getTime() - 10 * DAY) });
		const cert = (await addCertificate(h.db, colleague.id, c3, { issuedAt: new Date(NOW.getTime() - 700 * DAY), expiresAt: new Date(NOW.getTime() + 20 * DAY) }))!;
		ids = { due, done, cert, person: person.id, colleague: colleague.id };
	} finally {
		await h.close();
	}
});

afterAll(async () => {
	await pgHolder?.dispose();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('reminders through the job queue', () => {
	it('are written and e-mailed once, and still once after the queue and database restart', async () => {
		// First life of the server.
		let h = await open();
		let queue = await startQueue({ handle: h, databaseUrl: pgUrl, definitions: supervisionJobs(mail), pollingIntervalSeconds: 0.5, schedule: false, now: () => NOW });
		try {
			const jobId = await queue.send(REMINDER_JOB);
			await waitForJob(queue, jobId!);
		} finally {
			await queue.stop();
			await h.close();
		}
		expect(sentMail.map((m) => m.to).sort()).toEqual(['rina@medan.go.id', 'tono@medan.go.id']);

		// Second life: same data, a new process would see the job tables and the notifications.
		h = await open();
		queue = await startQueue({ handle: h, databaseUrl: pgUrl, definitions: supervisionJobs(mail), pollingIntervalSeconds: 0.5, schedule: false, now: () => NOW });
		try {
			const jobId = await queue.send(REMINDER_JOB);
			await waitForJob(queue, jobId!);
			const jobs = await h.executeRaw(`select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'`, [REMINDER_JOB]);
			expect((jobs.rows[0] as { n: number }).n).toBe(2); // the first life's job is still on record
			const notes = await h.db.selectFrom('notification').select(['person_id', 'kind', 'dedupe_key', 'email_status']).orderBy('id').execute();
			expect(notes).toEqual([
				{ person_id: ids.person, kind: 'sup_assignment_due', dedupe_key: `sup:due:${ids.due}:2026-06-17`, email_status: 'sent' },
				{ person_id: ids.colleague, kind: 'sup_cert_expiring', dedupe_key: `sup:cert-expiring:${ids.cert}`, email_status: 'sent' }
			]);
		} finally {
			await queue.stop();
			await h.close();
		}
		expect(sentMail).toHaveLength(2);
		const rina = sentMail.find((m) => m.to === 'rina@medan.go.id')!;
		expect(rina.subject).toBe('Bina ASN: Tenggat kursus "Pelayanan Publik Prima" sudah dekat: 2026-06-17.');
		expect(rina.text).toContain('Yth. Rina Sembiring,');
		expect(rina.text).toContain('https://bina.pemkomedan.go.id/courses/kursus-uji-');
		expect(rina.text).toContain('The course "Pelayanan Publik Prima" is due soon: 2026-06-17.');
	});

	it('sends nothing for a completed assignment, and an overdue reminder once the due date has passed', async () => {
		const h = await open();
		try {
			const later = new Date(NOW.getTime() + 3 * DAY);
			const r1 = await scanReminders(h.db, later, { email: false });
			const r2 = await scanReminders(h.db, later, { email: false });
			expect(r1).toMatchObject({ overdue: 1, dueSoon: 0 });
			expect(r2).toEqual({ dueSoon: 0, overdue: 0, expiring: 0, expired: 0 });
			const forDone = await h.db.selectFrom('notification').select('id').where('dedupe_key', 'like', `sup:%:${ids.done}:%`).execute();
			expect(forDone).toEqual([]);
			const overdue = await h.db.selectFrom('notification').select(['kind', 'email_status']).where('dedupe_key', '=', `sup:overdue:${ids.due}:2026-06-17`).execute();
			expect(overdue).toEqual([{ kind: 'sup_assignment_overdue', email_status: 'none' }]);
			// Completing the course before the scan: no reminder at all.
			await h.db.updateTable('enrolment').set({ status: 'completed', completed_at: later, due_at: '2026-06-25' }).where('id', '=', ids.due).execute();
			const r3 = await scanReminders(h.db, new Date(NOW.getTime() + 9 * DAY), { email: false });
			expect(r3.dueSoon + r3.overdue).toBe(0);
			// Nothing pending is left to e-mail twice.
			expect(await sendPendingEmails(h.db, transport, mail.settings)).toEqual({ sent: 0, failed: 0 });
			expect(sentMail).toHaveLength(2);
		} finally {
			await h.close();
		}
	});
});
