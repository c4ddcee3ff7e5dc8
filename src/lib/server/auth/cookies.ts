import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session-rules';

export function sessionToken(cookies: Cookies): string | null {
	return cookies.get(SESSION_COOKIE) ?? null;
}

/** HttpOnly, SameSite=Lax, Secure: the browser sends it only over HTTPS (or to localhost). */
export function setSessionCookie(event: Pick<RequestEvent, 'cookies'>, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: true, expires: expiresAt });
}

export function clearSessionCookie(event: Pick<RequestEvent, 'cookies'>): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: true });
}
