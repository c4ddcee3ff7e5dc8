import { describe, expect, it } from 'vitest';
import { attendanceToken, checkAttendanceToken, newQrSecret, parseAttendanceToken, QR_WINDOW_SECONDS, secondsToNextCode } from './qr-token';

const t0 = new Date('2026-11-27T03:00:00.000Z'); // a window boundary (divisible by 30 s)
const at = (s: number) => new Date(t0.getTime() + s * 1000);

describe('rotating attendance token', () => {
	const secret = newQrSecret();

	it('changes every window and is accepted for 60-90 seconds after it appeared', () => {
		const token = attendanceToken(7, secret, at(5));
		expect(attendanceToken(7, secret, at(29))).toBe(token);
		expect(attendanceToken(7, secret, at(QR_WINDOW_SECONDS))).not.toBe(token);
		const parsed = parseAttendanceToken(token)!;
		expect(parsed.workshopId).toBe(7);
		expect(checkAttendanceToken(parsed, secret, at(5))).toBe('ok');
		expect(checkAttendanceToken(parsed, secret, at(59))).toBe('ok'); // scanned just after the change
		expect(checkAttendanceToken(parsed, secret, at(89))).toBe('ok'); // confirmed on the phone a moment later
		expect(checkAttendanceToken(parsed, secret, at(90))).toBe('expired');
		expect(checkAttendanceToken(parsed, secret, at(3600))).toBe('expired');
	});

	it('refuses a token of another secret, another session, or a forged window', () => {
		const token = parseAttendanceToken(attendanceToken(7, secret, at(1)))!;
		expect(checkAttendanceToken(token, newQrSecret(), at(1))).toBe('invalid');
		expect(checkAttendanceToken({ ...token, workshopId: 8 }, secret, at(1))).toBe('invalid');
		expect(checkAttendanceToken({ ...token, window: token.window + 1 }, secret, at(31))).toBe('invalid');
	});

	it('refuses a token from a future window even with a good MAC', () => {
		const future = parseAttendanceToken(attendanceToken(7, secret, at(120)))!;
		expect(checkAttendanceToken(future, secret, at(1))).toBe('invalid');
	});

	it('parses only well-formed tokens', () => {
		expect(parseAttendanceToken('abc')).toBeNull();
		expect(parseAttendanceToken('7-abc-short')).toBeNull();
		expect(parseAttendanceToken('0-1-' + 'A'.repeat(22))).toBeNull();
		expect(parseAttendanceToken('7-1-' + 'A'.repeat(22))).toEqual({ workshopId: 7, window: 1, mac: 'A'.repeat(22) });
	});

	it('says how long the code on screen stays', () => {
		expect(secondsToNextCode(at(0))).toBe(30);
		expect(secondsToNextCode(at(25))).toBe(5);
	});
});
