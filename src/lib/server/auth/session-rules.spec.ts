import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	SESSION_LIFETIME_MS,
	SESSION_RENEW_WITHIN_MS,
	generateSessionToken,
	isWellFormedToken,
	judgeSession,
	newSessionExpiry,
	sessionIdFromToken
} from './session-rules';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-03-10T08:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('session tokens', () => {
	it('are 32 characters of lower-case base32 (160 random bits)', () => {
		for (let i = 0; i < 50; i++) {
			const token = generateSessionToken();
			expect(token).toMatch(/^[a-z2-7]{32}$/);
			expect(isWellFormedToken(token)).toBe(true);
		}
	});

	it('are unique across many tokens', () => {
		const tokens = new Set(Array.from({ length: 10_000 }, () => generateSessionToken()));
		expect(tokens.size).toBe(10_000);
	});

	it('use every base32 character, not a biased subset', () => {
		const seen = new Set(Array.from({ length: 200 }, () => generateSessionToken()).join(''));
		expect(seen.size).toBe(32);
	});
});

describe('sessionIdFromToken', () => {
	it('is the lower-case SHA-256 hex of the token', () => {
		for (let i = 0; i < 20; i++) {
			const token = generateSessionToken();
			const expected = createHash('sha256').update(token, 'utf8').digest('hex');
			expect(sessionIdFromToken(token)).toBe(expected);
		}
	});

	it('matches a known SHA-256 value', () => {
		expect(sessionIdFromToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});

	it('never equals or contains the token, so the stored id cannot be replayed', () => {
		const token = generateSessionToken();
		const id = sessionIdFromToken(token);
		expect(id).toMatch(/^[0-9a-f]{64}$/);
		expect(id).not.toBe(token);
		expect(id.includes(token)).toBe(false);
	});

	it('is deterministic and differs between tokens', () => {
		const a = generateSessionToken();
		const b = generateSessionToken();
		expect(sessionIdFromToken(a)).toBe(sessionIdFromToken(a));
		expect(sessionIdFromToken(a)).not.toBe(sessionIdFromToken(b));
	});
});

describe('isWellFormedToken', () => {
	it('refuses anything that is not 32 lower-case base32 characters', () => {
		const good = generateSessionToken();
		expect(isWellFormedToken('')).toBe(false);
		expect(isWellFormedToken(good.slice(1))).toBe(false);
		expect(isWellFormedToken(good + 'a')).toBe(false);
		expect(isWellFormedToken(good.toUpperCase())).toBe(false);
		expect(isWellFormedToken('0'.repeat(32))).toBe(false); // 0, 1, 8, 9 are not base32
		expect(isWellFormedToken('1'.repeat(32))).toBe(false);
		expect(isWellFormedToken('a'.repeat(31) + '=')).toBe(false);
		expect(isWellFormedToken(`${good.slice(0, 31)}\n`)).toBe(false);
		expect(isWellFormedToken(sessionIdFromToken(good))).toBe(false); // the stored id is not a token
	});
});

describe('judgeSession', () => {
	it('calls a session expired at its expiry and after it', () => {
		expect(judgeSession(NOW, NOW)).toEqual({ state: 'expired' });
		expect(judgeSession(at(-1), NOW)).toEqual({ state: 'expired' });
		expect(judgeSession(at(-40 * DAY), NOW)).toEqual({ state: 'expired' });
	});

	it('leaves a session alone in the first half of its life', () => {
		expect(judgeSession(at(30 * DAY), NOW)).toEqual({ state: 'valid' });
		expect(judgeSession(at(20 * DAY), NOW)).toEqual({ state: 'valid' });
		expect(judgeSession(at(15 * DAY), NOW)).toEqual({ state: 'valid' });
	});

	it('renews a session in its last 15 days to a full 30 days from now', () => {
		for (const left of [15 * DAY - 1, 10 * DAY, DAY, 1]) {
			const verdict = judgeSession(at(left), NOW);
			expect(verdict).toEqual({ state: 'renew', expiresAt: at(30 * DAY) });
		}
	});

	it('uses the documented lifetimes', () => {
		expect(SESSION_LIFETIME_MS).toBe(30 * DAY);
		expect(SESSION_RENEW_WITHIN_MS).toBe(15 * DAY);
		expect(newSessionExpiry(NOW)).toEqual(at(30 * DAY));
	});
});
