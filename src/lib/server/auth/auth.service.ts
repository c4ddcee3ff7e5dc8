// Signing in and out, sessions and password changes. Routes call these; the rules (throttling,
// session renewal, password policy) are applied here and nowhere else.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import * as repo from './auth.repository';
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword, type PasswordProblem } from './password';
import { generateSessionToken, isWellFormedToken, judgeSession, newSessionExpiry, sessionIdFromToken } from './session-rules';
import { ACCOUNT_POLICY, ADDRESS_POLICY, afterFailure, isLocked } from './throttle-rules';
import { recordAudit } from '../audit';

type Db = Kysely<DB>;
export type { SessionUser } from './auth.repository';

export type SignInResult =
	| { ok: true; token: string; expiresAt: Date; personId: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAt: Date };

// Failures count per person once the login matches someone (e-mail and NIP share one counter),
// and per login text for logins that match nobody.
const accountKey = (login: string, personId: number | undefined) =>
	personId !== undefined ? `acct:${personId}` : `login:${login.replace(/[\s.]/g, '').toLowerCase()}`;
const addressKey = (address: string) => `addr:${address}`;

export async function signIn(db: Db, input: { login: string; password: string; address: string; now?: Date }): Promise<SignInResult> {
	const now = input.now ?? new Date();
	const account = await repo.findAccountByLogin(db, input.login);
	const keys = [accountKey(input.login, account?.id), addressKey(input.address)] as const;
	const [acct, addr] = await Promise.all(keys.map((k) => repo.getThrottle(db, k)));
	const lockedUntil = [isLocked(acct, now), isLocked(addr, now)].filter((d): d is Date => d !== null).sort((a, b) => +b - +a)[0];
	if (lockedUntil) return { ok: false, reason: 'throttled', retryAt: lockedUntil };
	let valid = false;
	if (account?.password_hash && account.active) {
		valid = await verifyPassword(account.password_hash, input.password);
	} else {
		await burnPasswordCheck(input.password);
	}
	if (!valid || !account) {
		const nextAcct = afterFailure(acct, now, ACCOUNT_POLICY);
		const nextAddr = afterFailure(addr, now, ADDRESS_POLICY);
		await Promise.all([repo.saveThrottle(db, keys[0], nextAcct), repo.saveThrottle(db, keys[1], nextAddr)]);
		const retryAt = [nextAcct.lockedUntil, nextAddr.lockedUntil].filter((d): d is Date => d !== null).sort((a, b) => +b - +a)[0];
		if (retryAt) {
			await recordAudit(db, { actorId: account?.id ?? null, action: 'auth.locked', subject: keys[0], detail: { until: retryAt.toISOString() } });
			return { ok: false, reason: 'throttled', retryAt };
		}
		return { ok: false, reason: 'invalid' };
	}
	await repo.clearThrottle(db, keys[0]);
	const token = generateSessionToken();
	const expiresAt = newSessionExpiry(now);
	await repo.insertSession(db, sessionIdFromToken(token), account.id, expiresAt);
	return { ok: true, token, expiresAt, personId: account.id };
}

export interface ValidatedSession {
	sessionId: string;
	expiresAt: Date;
	/** True when the expiry moved and the cookie must be sent again. */
	renewed: boolean;
	user: repo.SessionUser;
	/** Unread notifications, read with the session (the header's bell). */
	unread: number;
}

export async function validateSessionToken(db: Db, token: string, now = new Date()): Promise<ValidatedSession | null> {
	if (!isWellFormedToken(token)) return null;
	const found = await repo.findSessionWithUser(db, sessionIdFromToken(token));
	if (!found) return null;
	const verdict = judgeSession(found.expiresAt, now);
	if (verdict.state === 'expired' || !found.active) {
		await repo.deleteSession(db, found.sessionId);
		return null;
	}
	if (verdict.state === 'renew') {
		await repo.updateSessionExpiry(db, found.sessionId, verdict.expiresAt);
		return { sessionId: found.sessionId, expiresAt: verdict.expiresAt, renewed: true, user: found.user, unread: found.unread };
	}
	return { sessionId: found.sessionId, expiresAt: found.expiresAt, renewed: false, user: found.user, unread: found.unread };
}

export async function signOut(db: Db, sessionId: string): Promise<void> {
	await repo.deleteSession(db, sessionId);
}

export type ChangePasswordResult = { ok: true } | { ok: false; reason: 'wrong_current' | PasswordProblem };

/** Changing the password ends every other session of the person (a stolen session stops working). */
export async function changePassword(
	db: Db,
	input: { personId: number; sessionId: string; current: string; next: string }
): Promise<ChangePasswordResult> {
	const account = await repo.findAccountById(db, input.personId);
	if (!account?.password_hash || !(await verifyPassword(account.password_hash, input.current))) {
		return { ok: false, reason: 'wrong_current' };
	}
	const problem = passwordProblem(input.next, [account.nip, account.email]);
	if (problem) return { ok: false, reason: problem };
	await db.transaction().execute(async (trx) => {
		await repo.setPasswordHash(trx, input.personId, await hashPassword(input.next));
		await repo.deleteSessionsOf(trx, input.personId, input.sessionId);
		await recordAudit(trx, { actorId: input.personId, action: 'auth.password_changed', subject: `person:${input.personId}` });
	});
	return { ok: true };
}
