// E-mail for notifications, through SMTP (nodemailer) when SMTP_URL is set. Each pending
// notification is claimed (pending → sent) before it is handed to the transport, so two workers,
// or a job that runs again after a crash, never send it twice: delivery is at most once, and a
// failure is recorded as 'failed' and stays visible in the app.
import nodemailer, { type Transporter } from 'nodemailer';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
// Relative, not $lib: the CLI (tsx) imports this too.
import * as messages from '../../paraglide/messages/_index.js';

export interface MailSettings {
	smtpUrl: string;
	from: string;
	publicOrigin: string | null;
}

export function createMailer(settings: MailSettings): Transporter {
	return nodemailer.createTransport(settings.smtpUrl);
}

type Fn = (inputs?: Record<string, unknown>, options?: { locale?: 'id' | 'en' }) => string;

/** The text of a notification in a language; an unknown kind gets a generic sentence. */
export function notificationText(kind: string, params: Record<string, unknown>, locale: 'id' | 'en'): string {
	const fn = (messages as unknown as Record<string, Fn | undefined>)[`notif_${kind}`];
	if (fn) return fn(params, { locale });
	return (messages as unknown as Record<string, Fn>).sup_notif_unknown({}, { locale });
}

export async function sendPendingEmails(db: Kysely<DB>, transport: Transporter, settings: Pick<MailSettings, 'from' | 'publicOrigin'>, limit = 200) {
	const pending = await db
		.selectFrom('notification as n')
		.innerJoin('person as p', 'p.id', 'n.person_id')
		.select(['n.id', 'n.kind', 'n.params', 'n.link', 'p.email', 'p.name'])
		.where('n.email_status', '=', 'pending')
		.orderBy('n.created_at')
		.orderBy('n.id')
		.limit(limit)
		.execute();
	let sent = 0;
	let failed = 0;
	for (const n of pending) {
		// Claim first: only the worker whose update changed the row sends it.
		const claimed = await db
			.updateTable('notification')
			.set({ email_status: 'sent', emailed_at: sql<Date>`now()` })
			.where('id', '=', n.id)
			.where('email_status', '=', 'pending')
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) !== 1) continue;
		if (!n.email) {
			await db.updateTable('notification').set({ email_status: 'failed' }).where('id', '=', n.id).execute();
			failed++;
			continue;
		}
		const params = (n.params ?? {}) as Record<string, unknown>;
		const id = notificationText(n.kind, params, 'id');
		const en = notificationText(n.kind, params, 'en');
		const link = n.link ? `${settings.publicOrigin ?? ''}${n.link}` : null;
		try {
			await transport.sendMail({
				from: settings.from,
				to: n.email,
				subject: `Bina ASN: ${id}`,
				text: [messages.sup_mail_greeting({ name: n.name }, { locale: 'id' }), '', id, link ?? '', '', '---', en, '', messages.sup_mail_footer({}, { locale: 'id' })]
					.filter((l) => l !== null)
					.join('\n')
			});
			sent++;
		} catch (error) {
			console.error(`[mail] notification ${n.id}: ${(error as Error).message}`);
			await db.updateTable('notification').set({ email_status: 'failed' }).where('id', '=', n.id).execute();
			failed++;
		}
	}
	return { sent, failed };
}
