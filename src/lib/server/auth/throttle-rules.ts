// Slowing down password guessing: per account and per client address. Pure rules; the
// counters live in the login_throttle table so every app server sees the same ones.

export interface ThrottlePolicy {
	/** Failures allowed inside the window before a lock. */
	maxFailures: number;
	windowMs: number;
	/** First lock length; each further failure while over the limit doubles it, up to maxLockMs. */
	baseLockMs: number;
	maxLockMs: number;
}

const MINUTE = 60_000;
export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE };
export const ADDRESS_POLICY: ThrottlePolicy = { maxFailures: 30, windowMs: 15 * MINUTE, baseLockMs: 5 * MINUTE, maxLockMs: 60 * MINUTE };

export interface ThrottleState {
	failures: number;
	windowStartedAt: Date;
	lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | null, now: Date): Date | null {
	return state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
}

export function afterFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
	const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > policy.windowMs;
	const failures = fresh ? 1 : state.failures + 1;
	const windowStartedAt = fresh ? now : state.windowStartedAt;
	if (failures < policy.maxFailures) return { failures, windowStartedAt, lockedUntil: null };
	const over = failures - policy.maxFailures;
	const lockMs = Math.min(policy.baseLockMs * 2 ** over, policy.maxLockMs);
	return { failures, windowStartedAt, lockedUntil: new Date(now.getTime() + lockMs) };
}
