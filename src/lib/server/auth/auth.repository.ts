import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { isRole, type Role } from '../../auth/roles';
import type { ThrottleState } from './throttle-rules';
import { prepared } from '../db/prepared';

type Db = Kysely<DB>;

export interface SessionUser {
	id: number;
	name: string;
	nip: string | null;
	email: string | null;
	unitId: number | null;
	roles: Role[];
}

export async function findAccountByLogin(db: Db, login: string) {
	const nip = login.replace(/[\s.]/g, '');
	const query = db.selectFrom('person').select(['id', 'password_hash', 'active', 'nip', 'email']);
	return /^\d{18}$/.test(nip)
		? query.where('nip', '=', nip).executeTakeFirst()
		: query.where((eb) => eb(eb.fn('lower', ['email']), '=', login.trim().toLowerCase())).executeTakeFirst();
}

export async function findAccountById(db: Db, id: number) {
	return db.selectFrom('person').select(['id', 'password_hash', 'nip', 'email']).where('id', '=', id).executeTakeFirst();
}

export async function setPasswordHash(db: Db, personId: number, passwordHash: string): Promise<void> {
	await db.updateTable('person').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', personId).execute();
}

export async function insertSession(db: Db, id: string, personId: number, expiresAt: Date): Promise<void> {
	await db.insertInto('auth_session').values({ id, person_id: personId, expires_at: expiresAt }).execute();
}

/** The session and its person in one query: this runs on every request. */
// Asked on every request of a signed-in person: built once (prepared.ts).
const sessionWithUser = prepared((db: Db, sessionId: string) =>
	db
		.selectFrom('auth_session as s')
		.innerJoin('person as p', 'p.id', 's.person_id')
		.select((eb) => [
			's.id as sessionId',
			's.expires_at as expiresAt',
			'p.id',
			'p.name',
			'p.nip',
			'p.email',
			'p.unit_id as unitId',
			'p.active',
			eb
				.fn<string[] | null>('array', [
					eb.selectFrom('person_role as r').select('r.role').whereRef('r.person_id', '=', 'p.id').orderBy('r.role')
				])
				.as('roles'),
			// The header's notification bell, in the same round trip.
			eb
				.selectFrom('notification as n')
				.select(eb.fn.countAll<number>().as('c'))
				.whereRef('n.person_id', '=', 'p.id')
				.where('n.read_at', 'is', null)
				.as('unread')
		])
		.where('s.id', '=', sessionId)
);

export async function findSessionWithUser(db: Db, sessionId: string) {
	const [row] = await sessionWithUser(db, sessionId);
	if (!row) return null;
	const user: SessionUser = {
		id: row.id,
		name: row.name,
		nip: row.nip,
		email: row.email,
		unitId: row.unitId,
		roles: (row.roles ?? []).filter(isRole)
	};
	return { sessionId: row.sessionId, expiresAt: new Date(row.expiresAt), active: row.active, user, unread: Number(row.unread ?? 0) };
}

export async function updateSessionExpiry(db: Db, sessionId: string, expiresAt: Date): Promise<void> {
	await db.updateTable('auth_session').set({ expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('auth_session').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOf(db: Db, personId: number, exceptSessionId?: string): Promise<void> {
	let q = db.deleteFrom('auth_session').where('person_id', '=', personId);
	if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
	await q.execute();
}

export async function getThrottle(db: Db, key: string): Promise<ThrottleState | null> {
	const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
	return row
		? { failures: row.failures, windowStartedAt: new Date(row.window_started_at), lockedUntil: row.locked_until ? new Date(row.locked_until) : null }
		: null;
}

export async function saveThrottle(db: Db, key: string, state: ThrottleState): Promise<void> {
	const values = { failures: state.failures, window_started_at: state.windowStartedAt, locked_until: state.lockedUntil };
	await db
		.insertInto('login_throttle')
		.values({ key, ...values })
		.onConflict((oc) => oc.column('key').doUpdateSet(values))
		.execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
	await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
