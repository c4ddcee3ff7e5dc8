// The reminder scan (a scheduled job, and `npm run cli -- jobs:run-reminders`): assignments due
// soon or overdue, certificates entering the expiring window or expired. Each reminder is a
// notification with a dedupe key, so running the scan again — after a restart, twice a day, on
// two servers — never produces it twice. A completed (or withdrawn) assignment gets nothing.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { createNotification } from '../notify/notification.repository';
import { localDate } from '../career/local-date';
import { expiringWindowDays } from '../certification/certification.service';

/** Days before the due date when the "due soon" reminder is written. */
export const DUE_SOON_DAYS = 3;
/** Certificates that lapsed longer ago than this are history, not news: no reminder. */
export const EXPIRED_LOOKBACK_DAYS = 30;

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export interface ScanResult {
	dueSoon: number;
	overdue: number;
	expiring: number;
	expired: number;
}

export async function scanReminders(db: Kysely<DB>, now: Date, options: { email: boolean }): Promise<ScanResult> {
	const today = localDate(now);
	const result: ScanResult = { dueSoon: 0, overdue: 0, expiring: 0, expired: 0 };
	const window = await expiringWindowDays(db);
	const wantsEmail = (email: string | null) => options.email && !!email;

	// Candidates are chosen in SQL without the ones already written (the dedupe key), so a daily
	// scan touches only what is new; createNotification's on-conflict guards any race.
	const assignments = await db
		.selectFrom('enrolment as e')
		.innerJoin('person as p', 'p.id', 'e.person_id')
		.innerJoin('course_version as v', 'v.id', 'e.course_version_id')
		.select(['e.id', 'e.person_id', 'e.course_id', 'e.due_at', 'v.title', 'p.email'])
		.where('e.status', '=', 'active')
		.where('p.active', '=', true)
		.where('e.due_at', 'is not', null)
		.where('e.due_at', '<=', addDays(today, DUE_SOON_DAYS))
		.where(
			sql<boolean>`not exists (select 1 from notification n where n.dedupe_key = 'sup:' || case when e.due_at < ${today}::date then 'overdue' else 'due' end || ':' || e.id || ':' || e.due_at::text)`
		)
		.execute();
	await db.transaction().execute(async (trx) => {
		for (const a of assignments) {
			const overdue = a.due_at! < today;
			const kind = overdue ? 'sup_assignment_overdue' : 'sup_assignment_due';
			const id = await createNotification(trx, {
				personId: a.person_id,
				kind,
				params: { course: a.title, due: a.due_at! },
				link: `/courses/${a.course_id}`,
				dedupeKey: `sup:${overdue ? 'overdue' : 'due'}:${a.id}:${a.due_at}`,
				email: wantsEmail(a.email)
			});
			if (id !== null) result[overdue ? 'overdue' : 'dueSoon']++;
		}

		const windowEnd = new Date(now.getTime() + window * 86_400_000);
		const lookback = new Date(now.getTime() - EXPIRED_LOOKBACK_DAYS * 86_400_000);
		const certificates = await trx
			.selectFrom('certificate as c')
			.innerJoin('person as p', 'p.id', 'c.person_id')
			.select(['c.id', 'c.person_id', 'c.course_id', 'c.course_title', 'c.expires_at', 'c.code', 'p.email'])
			.where('c.revoked_at', 'is', null)
			.where('p.active', '=', true)
			.where('c.expires_at', '>', lookback)
			.where('c.expires_at', '<=', windowEnd)
			// A renewed certificate (a later one for the same course) makes the old one's lapse moot.
			.where(({ not, exists, selectFrom }) =>
				not(exists(selectFrom('certificate as n').select('n.id').whereRef('n.person_id', '=', 'c.person_id').whereRef('n.course_id', '=', 'c.course_id').whereRef('n.issued_at', '>', 'c.issued_at')))
			)
			.where(sql<boolean>`not exists (select 1 from notification n where n.dedupe_key = 'sup:cert-' || case when c.expires_at <= ${now}::timestamptz then 'expired' else 'expiring' end || ':' || c.id)`)
			.execute();
		for (const c of certificates) {
			const expired = new Date(c.expires_at!).getTime() <= now.getTime();
			const id = await createNotification(trx, {
				personId: c.person_id,
				kind: expired ? 'sup_cert_expired' : 'sup_cert_expiring',
				params: { course: c.course_title, date: localDate(new Date(c.expires_at!)) },
				link: `/courses/${c.course_id}`,
				dedupeKey: `sup:cert-${expired ? 'expired' : 'expiring'}:${c.id}`,
				email: wantsEmail(c.email)
			});
			if (id !== null) result[expired ? 'expired' : 'expiring']++;
		}
	});
	return result;
}
