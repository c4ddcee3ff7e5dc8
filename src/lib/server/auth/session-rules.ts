// Session rules after Lucia's design: the browser holds a random token; the database holds
// only its SHA-256 hash, so a leaked session table cannot be replayed.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

export const SESSION_COOKIE = 'bina_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session used in the last half of its life is extended to a full 30 days again. */
export const SESSION_RENEW_WITHIN_MS = 15 * DAY;

export function generateSessionToken(): string {
	// 20 bytes = 160 bits from the platform's CSPRNG, never Math.random().
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function isWellFormedToken(token: string): boolean {
	return /^[a-z2-7]{32}$/.test(token);
}

export type SessionVerdict = { state: 'expired' } | { state: 'valid' } | { state: 'renew'; expiresAt: Date };

export function judgeSession(expiresAt: Date, now: Date): SessionVerdict {
	const left = expiresAt.getTime() - now.getTime();
	if (left <= 0) return { state: 'expired' };
	if (left < SESSION_RENEW_WITHIN_MS) return { state: 'renew', expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) };
	return { state: 'valid' };
}

export function newSessionExpiry(now: Date): Date {
	return new Date(now.getTime() + SESSION_LIFETIME_MS);
}
