// The signed-in person's own notifications: read, count, mark as read. Everyone sees only their
// own rows (the person id comes from the session, never from the form).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ForbiddenError, type Actor } from '../access';
import { countNotifications, listNotifications, markRead, unreadCount } from './notification.repository';

function requireSignedIn(actor: Actor | null | undefined): asserts actor is Actor {
	if (!actor) throw new ForbiddenError('sign in first');
}

/** One page of the person's notifications, newest first (paged in SQL), with the total and the unread count. */
export async function myNotifications(db: Kysely<DB>, actor: Actor | null, page: { offset: number; limit: number } = { offset: 0, limit: 50 }) {
	requireSignedIn(actor);
	const [rows, total, unread] = await Promise.all([listNotifications(db, actor.id, page.limit, page.offset), countNotifications(db, actor.id), unreadCount(db, actor.id)]);
	return { rows: rows.map((r) => ({ ...r, id: Number(r.id), params: (r.params ?? {}) as Record<string, string | number> })), total, unread };
}

/** For the navigation's badge (the lead wires it into the layout). */
export async function myUnreadCount(db: Kysely<DB>, actor: Actor | null): Promise<number> {
	requireSignedIn(actor);
	return unreadCount(db, actor.id);
}

/** Marking twice, or marking another person's id, changes nothing. */
export async function markMyNotificationsRead(db: Kysely<DB>, actor: Actor | null, ids: number[] | 'all') {
	requireSignedIn(actor);
	await markRead(db, actor.id, ids);
}
