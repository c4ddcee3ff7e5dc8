// The supervision area's jobs for the queue (see ../jobs/types.ts): the daily reminder scan and
// the e-mail sender. Both are idempotent (dedupe keys; claim before send), as the queue requires.
import type { Transporter } from 'nodemailer';
import type { JobDefinition } from '../jobs/types';
import { scanReminders } from './reminders';
import { sendPendingEmails, type MailSettings } from '../notify/mailer';
import { organisationFigures } from './report-snapshot';
import { momentOf } from './supervision.service';

export const REMINDER_JOB = 'supervision.reminders';
export const EMAIL_JOB = 'notify.send-email';
export const REPORT_JOB = 'reports.organisation-snapshot';

export function supervisionJobs(mail: { transport: Transporter; settings: MailSettings } | null): JobDefinition[] {
	const jobs: JobDefinition[] = [
		{
			name: REMINDER_JOB,
			// Every day at 06:00 WIB, before the working day starts.
			schedule: '0 6 * * *',
			handler: async (db, _data, now) => {
				const r = await scanReminders(db, now, { email: !!mail });
				console.log(`[jobs] reminders: ${r.dueSoon} due soon, ${r.overdue} overdue, ${r.expiring} expiring, ${r.expired} expired`);
				if (mail) await sendPendingEmails(db, mail.transport, mail.settings);
			}
		},
		{
			name: REPORT_JOB,
			// Every ten minutes: BKPSDM's roll-up is ready before anyone opens it.
			schedule: '*/10 * * * *',
			handler: async (db, _data, now) => {
				await organisationFigures(db, await momentOf(db, now), { refresh: true });
			}
		}
	];
	if (mail) {
		jobs.push({
			name: EMAIL_JOB,
			// Every five minutes: reminders and requests reach the inbox the same morning.
			schedule: '*/5 * * * *',
			handler: async (db) => {
				const r = await sendPendingEmails(db, mail.transport, mail.settings);
				if (r.sent || r.failed) console.log(`[jobs] e-mail: ${r.sent} sent, ${r.failed} failed`);
			}
		});
	}
	return jobs;
}
