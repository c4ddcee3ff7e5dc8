import { describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, ADDRESS_POLICY, afterFailure, isLocked, type ThrottlePolicy, type ThrottleState } from './throttle-rules';

const MINUTE = 60_000;
const T0 = new Date('2026-03-10T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Records `count` failures, one every `stepMs`, starting from `state` at `start`. */
function fail(count: number, policy: ThrottlePolicy, start = T0, stepMs = 1000, state: ThrottleState | null = null) {
	const states: ThrottleState[] = [];
	for (let i = 0; i < count; i++) {
		state = afterFailure(state, new Date(start.getTime() + i * stepMs), policy);
		states.push(state);
	}
	return states;
}

describe('afterFailure', () => {
	it('uses the documented policies', () => {
		expect(ACCOUNT_POLICY).toEqual({ maxFailures: 5, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE });
		expect(ADDRESS_POLICY).toEqual({ maxFailures: 30, windowMs: 15 * MINUTE, baseLockMs: 5 * MINUTE, maxLockMs: 60 * MINUTE });
	});

	it('does not lock before maxFailures failures', () => {
		const states = fail(4, ACCOUNT_POLICY);
		expect(states.map((s) => s.failures)).toEqual([1, 2, 3, 4]);
		for (const s of states) expect(s.lockedUntil).toBeNull();
		expect(states.every((s) => s.windowStartedAt.getTime() === T0.getTime())).toBe(true);
	});

	it('locks at the maxFailures-th failure inside the window, for baseLockMs', () => {
		const states = fail(5, ACCOUNT_POLICY, T0, MINUTE);
		const last = states[4];
		const failedAt = at(4 * MINUTE);
		expect(last.failures).toBe(5);
		expect(last.lockedUntil).toEqual(new Date(failedAt.getTime() + MINUTE));
		expect(isLocked(last, failedAt)).toEqual(last.lockedUntil);
	});

	it('counts failures at exactly the window length as the same window', () => {
		let state = fail(4, ACCOUNT_POLICY)[3];
		state = afterFailure(state, at(15 * MINUTE), ACCOUNT_POLICY);
		expect(state.failures).toBe(5);
		expect(state.lockedUntil).not.toBeNull();
	});

	it('starts a new window once windowMs has passed since the first failure', () => {
		let state = fail(4, ACCOUNT_POLICY)[3];
		const later = at(15 * MINUTE + 1);
		state = afterFailure(state, later, ACCOUNT_POLICY);
		expect(state).toEqual({ failures: 1, windowStartedAt: later, lockedUntil: null });
	});

	it('does not lock when failures are spread over several windows', () => {
		let state: ThrottleState | null = null;
		for (let i = 0; i < 20; i++) {
			state = afterFailure(state, at(i * 4 * MINUTE), ACCOUNT_POLICY);
			expect(state.lockedUntil, `failure ${i + 1}`).toBeNull();
		}
	});

	it('doubles the lock with each further failure and caps it at maxLockMs', () => {
		const states = fail(13, ACCOUNT_POLICY, T0, 0);
		const lockMinutes = states.slice(4).map((s) => (s.lockedUntil!.getTime() - T0.getTime()) / MINUTE);
		expect(lockMinutes).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
	});

	it('locks an address after 30 failures for 5 minutes, doubling up to an hour', () => {
		const states = fail(35, ADDRESS_POLICY, T0, 0);
		expect(states[28].lockedUntil).toBeNull();
		const lockMinutes = states.slice(29).map((s) => (s.lockedUntil!.getTime() - T0.getTime()) / MINUTE);
		expect(lockMinutes).toEqual([5, 10, 20, 40, 60, 60]);
	});

	it('never returns a lock longer than maxLockMs, even after very many failures', () => {
		const state = afterFailure({ failures: 1000, windowStartedAt: T0, lockedUntil: null }, T0, ACCOUNT_POLICY);
		expect(state.lockedUntil).toEqual(at(60 * MINUTE));
	});
});

describe('isLocked', () => {
	const locked: ThrottleState = { failures: 5, windowStartedAt: T0, lockedUntil: at(MINUTE) };

	it('is not locked without a record or without a lock', () => {
		expect(isLocked(null, T0)).toBeNull();
		expect(isLocked({ failures: 3, windowStartedAt: T0, lockedUntil: null }, T0)).toBeNull();
	});

	it('returns the end of the lock while it lasts', () => {
		expect(isLocked(locked, T0)).toEqual(at(MINUTE));
		expect(isLocked(locked, at(MINUTE - 1))).toEqual(at(MINUTE));
	});

	it('is no longer locked at and after the end of the lock', () => {
		expect(isLocked(locked, at(MINUTE))).toBeNull();
		expect(isLocked(locked, at(2 * MINUTE))).toBeNull();
	});
});
