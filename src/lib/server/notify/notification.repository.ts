// The in-app notification list. Reminders and requests are written here (in the transaction of
// the change that causes them); e-mail, when SMTP is configured, is sent from these rows by the
// job queue. A dedupe key makes each reminder exist once, however often it is produced.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Trx = Kysely<DB> | Transaction<DB>;

export interface NotificationInput {
	personId: number;
	/** A message-catalogue key suffix, e.g. `plan_submitted`: the text is `notif_<kind>`. */
	kind: string;
	params?: Record<string, string | number>;
	link?: string | null;
	/** Same key, same notification: a second call writes nothing. */
	dedupeKey?: string | null;
	/** Mark for e-mail (sent by the queue when SMTP is configured). */
	email?: boolean;
}

/** Writes a notification; answers its id, or null when the dedupe key already exists. */
export async function createNotification(trx: Trx, input: NotificationInput): Promise<number | null> {
	const row = await trx
		.insertInto('notification')
		.values({
			person_id: input.personId,
			kind: input.kind,
			params: JSON.stringify(input.params ?? {}),
			link: input.link ?? null,
			dedupe_key: input.dedupeKey ?? null,
			email_status: input.email ? 'pending' : 'none'
		})
		.onConflict((oc) => oc.column('dedupe_key').doNothing())
		.returning('id')
		.executeTakeFirst();
	return row ? Number(row.id) : null;
}

export async function listNotifications(db: Trx, personId: number, limit = 50, offset = 0) {
	return db
		.selectFrom('notification')
		.select(['id', 'kind', 'params', 'link', 'created_at as createdAt', 'read_at as readAt'])
		.where('person_id', '=', personId)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.offset(offset)
		.execute();
}

export async function countNotifications(db: Trx, personId: number): Promise<number> {
	const row = await db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', personId).executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function unreadCount(db: Trx, personId: number): Promise<number> {
	const row = await db
		.selectFrom('notification')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('person_id', '=', personId)
		.where('read_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function markRead(db: Trx, personId: number, ids: number[] | 'all', at = new Date()) {
	let q = db.updateTable('notification').set({ read_at: at }).where('person_id', '=', personId).where('read_at', 'is', null);
	if (ids !== 'all') {
		if (!ids.length) return;
		q = q.where('id', 'in', ids);
	}
	await q.execute();
}
