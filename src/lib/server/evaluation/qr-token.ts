// The rotating attendance code of a workshop session, pure. A token names the session and a
// time window and carries an HMAC of both under the session's own random secret, so it cannot
// be forged or reused after its window: a photo of the screen sent to a friend expires quickly.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new code every 30 seconds. */
export const QR_WINDOW_SECONDS = 30;
/**
 * Earlier windows still accepted: a code lives 60-90 seconds after it appeared, enough to scan
 * it near a change and press "record my attendance" on the phone, too short to pass it around.
 */
export const QR_GRACE_WINDOWS = 2;

export function newQrSecret(): string {
	return randomBytes(32).toString('base64url');
}

export function windowAt(now: Date): number {
	return Math.floor(now.getTime() / 1000 / QR_WINDOW_SECONDS);
}

function mac(secret: string, workshopId: number, window: number): string {
	return createHmac('sha256', secret).update(`${workshopId}.${window}`).digest().subarray(0, 16).toString('base64url');
}

/** The token shown in the QR code now, e.g. `12-1q2w3e-<mac>`. */
export function attendanceToken(workshopId: number, secret: string, now: Date): string {
	const w = windowAt(now);
	return `${workshopId}-${w.toString(36)}-${mac(secret, workshopId, w)}`;
}

/** Seconds until the code shown now is replaced. */
export function secondsToNextCode(now: Date): number {
	const ms = QR_WINDOW_SECONDS * 1000;
	return Math.ceil((ms - (now.getTime() % ms)) / 1000);
}

export interface ParsedToken {
	workshopId: number;
	window: number;
	mac: string;
}

export function parseAttendanceToken(token: string): ParsedToken | null {
	const m = /^([1-9][0-9]{0,9})-([0-9a-z]{1,12})-([A-Za-z0-9_-]{22})$/.exec(token);
	if (!m) return null;
	return { workshopId: Number(m[1]), window: parseInt(m[2], 36), mac: m[3] };
}

export type TokenCheck = 'ok' | 'expired' | 'invalid';

/** Whether a scanned token is genuine and current (this window or the grace windows before). */
export function checkAttendanceToken(token: ParsedToken, secret: string, now: Date): TokenCheck {
	const expected = Buffer.from(mac(secret, token.workshopId, token.window));
	const given = Buffer.from(token.mac);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
	const current = windowAt(now);
	if (token.window > current) return 'invalid';
	if (token.window < current - QR_GRACE_WINDOWS) return 'expired';
	return 'ok';
}
