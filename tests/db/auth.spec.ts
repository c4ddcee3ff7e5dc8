// Signing in, sessions, throttling and password changes against a real database.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-db';
import { addPerson, addUnit } from './fixtures';
import { nipMaker } from './helper-people';
import { changePassword, signIn, signOut, validateSessionToken } from '../../src/lib/server/auth/auth.service';
import { formatNip } from '../../src/lib/server/org/nip';

const DAY = 24 * 60 * 60 * 1000;
const SECOND = 1000;
const PASSWORD = 'Horas-Medan-2024';
const nextNip = nipMaker('19870505');

let handle: TestDatabase;
let unitId: number;
let addressCounter = 0;
/** Every test signs in from its own client address, so address counters never mix. */
const freshAddress = () => `192.0.2.${++addressCounter}`;

async function person(opts: { email?: string; roles?: Array<'learner' | 'trainer' | 'supervisor' | 'admin'>; password?: string | null } = {}) {
	const nip = nextNip();
	const created = await addPerson(handle.db, {
		unitId,
		nip,
		email: opts.email,
		roles: opts.roles ?? ['learner'],
		password: opts.password === null ? undefined : (opts.password ?? PASSWORD)
	});
	const row = await handle.db.selectFrom('person').select(['email', 'name']).where('id', '=', created.id).executeTakeFirstOrThrow();
	return { ...created, email: row.email!, name: row.name };
}

async function sessionRows() {
	return handle.db.selectFrom('auth_session').selectAll().execute();
}

async function sessionRow(id: string) {
	return handle.db.selectFrom('auth_session').selectAll().where('id', '=', id).executeTakeFirst();
}

function sha256(text: string) {
	return createHash('sha256').update(text).digest('hex');
}

async function signedIn(login: string, now = new Date()) {
	const result = await signIn(handle.db, { login, password: PASSWORD, address: freshAddress(), now });
	if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
	return result;
}

beforeAll(async () => {
	handle = await createTestDatabase();
	unitId = await addUnit(handle.db, 'DISKOMINFO');
});

afterAll(async () => {
	await handle?.dispose();
});

describe('signIn', () => {
	it('signs in by e-mail, whatever its case, and stores only the SHA-256 of the token', async () => {
		const p = await person({ email: 'Siti.Aminah@PemkoMedan.go.id' });
		const now = new Date();
		for (const login of ['siti.aminah@pemkomedan.go.id', '  SITI.AMINAH@PEMKOMEDAN.GO.ID ']) {
			const result = await signIn(handle.db, { login, password: PASSWORD, address: freshAddress(), now });
			expect(result).toMatchObject({ ok: true, personId: p.id });
			if (!result.ok) continue;
			expect(result.token).toMatch(/^[a-z2-7]{32}$/);
			expect(result.expiresAt).toEqual(new Date(now.getTime() + 30 * DAY));
			const row = await sessionRow(sha256(result.token));
			expect(row).toMatchObject({ person_id: p.id });
			expect(new Date(row!.expires_at).getTime()).toBe(result.expiresAt.getTime());
			// The token itself is nowhere in the session table.
			expect(JSON.stringify(await sessionRows())).not.toContain(result.token);
			expect(await sessionRow(result.token)).toBeUndefined();
		}
	});

	it('signs in by NIP, written with or without spaces', async () => {
		const p = await person();
		for (const login of [p.nip, formatNip(p.nip), ` ${formatNip(p.nip).replace(/ /g, '.')} `]) {
			const result = await signIn(handle.db, { login, password: PASSWORD, address: freshAddress() });
			expect(result, login).toMatchObject({ ok: true, personId: p.id });
			if (result.ok) expect(await sessionRow(sha256(result.token))).toMatchObject({ person_id: p.id });
		}
	});

	it('gives the same answer for a wrong password and an unknown login, and creates no session', async () => {
		const p = await person();
		const before = (await sessionRows()).length;
		const wrong = await signIn(handle.db, { login: p.email, password: 'Salah-Sandi-99', address: freshAddress() });
		const unknown = await signIn(handle.db, { login: 'tidak.ada@pemkomedan.go.id', password: PASSWORD, address: freshAddress() });
		const unknownNip = await signIn(handle.db, { login: '199909092020091999', password: PASSWORD, address: freshAddress() });
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(unknownNip).toEqual({ ok: false, reason: 'invalid' });
		expect((await sessionRows()).length).toBe(before);
	});

	it('refuses a person without a password', async () => {
		const p = await person({ password: null });
		expect(await signIn(handle.db, { login: p.email, password: '', address: freshAddress() })).toEqual({ ok: false, reason: 'invalid' });
		expect(await signIn(handle.db, { login: p.email, password: PASSWORD, address: freshAddress() })).toEqual({ ok: false, reason: 'invalid' });
	});

	it('refuses an inactive person even with the right password', async () => {
		const p = await person();
		await handle.db.updateTable('person').set({ active: false }).where('id', '=', p.id).execute();
		const before = (await sessionRows()).length;
		expect(await signIn(handle.db, { login: p.email, password: PASSWORD, address: freshAddress() })).toEqual({ ok: false, reason: 'invalid' });
		expect(await signIn(handle.db, { login: p.nip, password: PASSWORD, address: freshAddress() })).toEqual({ ok: false, reason: 'invalid' });
		expect((await sessionRows()).length).toBe(before);
	});
});

describe('signIn throttling', () => {
	it('locks an account after 5 failures, refuses even the right password until the lock ends, then lets it in and clears the counter', async () => {
		const p = await person();
		const address = freshAddress();
		const t0 = new Date();
		const at = (ms: number) => new Date(t0.getTime() + ms);
		for (let i = 0; i < 4; i++) {
			expect(await signIn(handle.db, { login: p.email, password: `salah-${i}-xyz`, address, now: at(i * SECOND) })).toEqual({ ok: false, reason: 'invalid' });
		}
		const fifth = await signIn(handle.db, { login: p.email, password: 'salah-4-xyz', address, now: at(4 * SECOND) });
		expect(fifth).toEqual({ ok: false, reason: 'throttled', retryAt: at(4 * SECOND + 60 * SECOND) });
		const retryAt = (fifth as { retryAt: Date }).retryAt;
		expect(retryAt.getTime()).toBeGreaterThan(at(4 * SECOND).getTime());

		// The right password, during the lock, from any address: refused, no session.
		const sessionsBefore = (await sessionRows()).length;
		expect(await signIn(handle.db, { login: p.email, password: PASSWORD, address, now: at(30 * SECOND) })).toEqual({ ok: false, reason: 'throttled', retryAt });
		expect(await signIn(handle.db, { login: p.email.toUpperCase(), password: PASSWORD, address: freshAddress(), now: at(63 * SECOND) })).toEqual({
			ok: false,
			reason: 'throttled',
			retryAt
		});
		expect((await sessionRows()).length).toBe(sessionsBefore);

		// The lock was recorded for auditors.
		const locked = await handle.db.selectFrom('audit_event').selectAll().where('action', '=', 'auth.locked').where('actor_id', '=', p.id).execute();
		expect(locked).toHaveLength(1);
		expect(locked[0].detail).toEqual({ until: retryAt.toISOString() });

		const accountCounter = async () =>
			// Failures of a known account are counted per person, whichever login was typed.
			await handle.db.selectFrom('login_throttle').selectAll().where('key', '=', `acct:${p.id}`).execute();
		expect(await accountCounter()).toMatchObject([{ failures: 5 }]);

		// Once the lock has passed, the right password works…
		const after = await signIn(handle.db, { login: p.email, password: PASSWORD, address, now: retryAt });
		expect(after).toMatchObject({ ok: true, personId: p.id });
		// …and the account starts again from zero: four new failures do not lock it.
		expect(await accountCounter()).toEqual([]);
		for (let i = 0; i < 4; i++) {
			expect(await signIn(handle.db, { login: p.email, password: 'masih-salah', address: freshAddress(), now: at(70 * SECOND + i) })).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
	});

	it('starts counting again when the 15-minute window has passed', async () => {
		const p = await person();
		const t0 = new Date();
		const at = (ms: number) => new Date(t0.getTime() + ms);
		for (let i = 0; i < 4; i++) await signIn(handle.db, { login: p.email, password: 'salah-sekali', address: freshAddress(), now: at(i) });
		const later = await signIn(handle.db, { login: p.email, password: 'salah-sekali', address: freshAddress(), now: at(16 * 60 * SECOND) });
		expect(later).toEqual({ ok: false, reason: 'invalid' });
		expect(await signIn(handle.db, { login: p.email, password: PASSWORD, address: freshAddress(), now: at(16 * 60 * SECOND + 1) })).toMatchObject({ ok: true });
	});

	it('counts failures against the account whether the e-mail or the NIP is used', async () => {
		// Otherwise switching between the two logins of one person doubles the guesses allowed.
		const p = await person();
		const now = new Date();
		const logins = [p.email, p.nip, p.email, formatNip(p.nip), p.email];
		const results = [];
		for (const login of logins) results.push(await signIn(handle.db, { login, password: 'tebak-tebak-1', address: freshAddress(), now }));
		expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'throttled']);
		expect(await signIn(handle.db, { login: p.nip, password: PASSWORD, address: freshAddress(), now })).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('locks a client address after 30 failures across different accounts', async () => {
		const address = freshAddress();
		const now = new Date();
		const accounts = [];
		for (let i = 0; i < 10; i++) accounts.push(await person());
		const reasons: string[] = [];
		// Three failures on each of ten accounts: no account reaches its own limit of five.
		for (let round = 0; round < 3; round++) {
			for (const a of accounts) {
				const r = await signIn(handle.db, { login: a.email, password: `tebak-${round}-sandi`, address, now });
				reasons.push(r.ok ? 'ok' : r.reason);
			}
		}
		expect(reasons.slice(0, 29)).toEqual(Array(29).fill('invalid'));
		expect(reasons[29]).toBe('throttled');

		// A different person with the right password, from that address: refused for 5 minutes.
		const other = await person();
		const refused = await signIn(handle.db, { login: other.email, password: PASSWORD, address, now: new Date(now.getTime() + 60 * SECOND) });
		expect(refused).toEqual({ ok: false, reason: 'throttled', retryAt: new Date(now.getTime() + 5 * 60 * SECOND) });
		// The same person from another address is not affected.
		expect(await signIn(handle.db, { login: other.email, password: PASSWORD, address: freshAddress(), now })).toMatchObject({ ok: true, personId: other.id });
		// Nor are the accounts themselves: each had only three failures.
		expect(await signIn(handle.db, { login: accounts[0].email, password: PASSWORD, address: freshAddress(), now })).toMatchObject({ ok: true });
		// After the address lock the right password works from that address again.
		expect(
			await signIn(handle.db, { login: other.email, password: PASSWORD, address, now: new Date(now.getTime() + 5 * 60 * SECOND) })
		).toMatchObject({ ok: true, personId: other.id });
	});
});

describe('validateSessionToken', () => {
	it('returns the signed-in person with all their roles', async () => {
		const p = await person({ email: 'rahmat.siregar@pemkomedan.go.id', roles: ['learner', 'supervisor', 'admin'] });
		const { token, expiresAt } = await signedIn(p.email);
		const session = await validateSessionToken(handle.db, token);
		expect(session).toEqual({
			sessionId: sha256(token),
			expiresAt,
			renewed: false,
			user: { id: p.id, name: p.name, nip: p.nip, email: 'rahmat.siregar@pemkomedan.go.id', unitId, roles: ['admin', 'learner', 'supervisor'] },
			unread: 0
		});
	});

	it('counts the person’s own unread notifications with the session (the header’s bell)', async () => {
		const p = await person();
		const other = await person();
		const { token } = await signedIn(p.email);
		await handle.db
			.insertInto('notification')
			.values([
				{ person_id: p.id, kind: 'uji_a' },
				{ person_id: p.id, kind: 'uji_b' },
				{ person_id: p.id, kind: 'uji_c', read_at: new Date() },
				{ person_id: other.id, kind: 'uji_d' }
			])
			.execute();
		expect((await validateSessionToken(handle.db, token))?.unread).toBe(2);
	});

	it('refuses malformed and unknown tokens', async () => {
		const p = await person();
		const { token } = await signedIn(p.email);
		expect(await validateSessionToken(handle.db, '')).toBeNull();
		expect(await validateSessionToken(handle.db, token.toUpperCase())).toBeNull();
		expect(await validateSessionToken(handle.db, sha256(token))).toBeNull(); // the stored id is not a token
		expect(await validateSessionToken(handle.db, 'a'.repeat(32))).toBeNull();
	});

	it('renews a session used in its last 15 days and stores the new expiry', async () => {
		const p = await person();
		const now = new Date();
		// Signed in 20 days ago: 10 days left.
		const { token, expiresAt } = await signedIn(p.email, new Date(now.getTime() - 20 * DAY));
		expect(expiresAt).toEqual(new Date(now.getTime() + 10 * DAY));
		const session = await validateSessionToken(handle.db, token, now);
		expect(session).toMatchObject({ renewed: true, expiresAt: new Date(now.getTime() + 30 * DAY), user: { id: p.id } });
		const row = await sessionRow(sha256(token));
		expect(new Date(row!.expires_at).getTime()).toBe(now.getTime() + 30 * DAY);
		// Used again right away: nothing more to renew.
		expect(await validateSessionToken(handle.db, token, new Date(now.getTime() + SECOND))).toMatchObject({ renewed: false });
	});

	it('does not renew a session in the first half of its life', async () => {
		const p = await person();
		const now = new Date();
		const { token, expiresAt } = await signedIn(p.email, new Date(now.getTime() - 5 * DAY));
		expect(await validateSessionToken(handle.db, token, now)).toMatchObject({ renewed: false, expiresAt });
		expect(new Date((await sessionRow(sha256(token)))!.expires_at)).toEqual(expiresAt);
	});

	it('deletes an expired session', async () => {
		const p = await person();
		const now = new Date();
		const { token } = await signedIn(p.email, new Date(now.getTime() - 31 * DAY));
		expect(await sessionRow(sha256(token))).toBeDefined();
		expect(await validateSessionToken(handle.db, token, now)).toBeNull();
		expect(await sessionRow(sha256(token))).toBeUndefined();
	});

	it('ends the session of a person who has been deactivated', async () => {
		const p = await person();
		const { token } = await signedIn(p.email);
		await handle.db.updateTable('person').set({ active: false }).where('id', '=', p.id).execute();
		expect(await validateSessionToken(handle.db, token)).toBeNull();
		expect(await sessionRow(sha256(token))).toBeUndefined();
	});

	it('ends a session at sign-out', async () => {
		const p = await person();
		const { token } = await signedIn(p.email);
		await signOut(handle.db, sha256(token));
		expect(await validateSessionToken(handle.db, token)).toBeNull();
		expect(await sessionRow(sha256(token))).toBeUndefined();
	});
});

describe('changePassword', () => {
	it('refuses a wrong current password and keeps the old one', async () => {
		const p = await person();
		const { token } = await signedIn(p.email);
		const result = await changePassword(handle.db, { personId: p.id, sessionId: sha256(token), current: 'bukan-sandi-lama', next: 'Sandi-Baru-2025' });
		expect(result).toEqual({ ok: false, reason: 'wrong_current' });
		expect(await signIn(handle.db, { login: p.email, password: 'Sandi-Baru-2025', address: freshAddress() })).toEqual({ ok: false, reason: 'invalid' });
		expect(await signIn(handle.db, { login: p.email, password: PASSWORD, address: freshAddress() })).toMatchObject({ ok: true });
	});

	it('refuses weak new passwords', async () => {
		const p = await person({ email: 'yusuf.pohan@pemkomedan.go.id' });
		const { token } = await signedIn(p.email);
		const attempt = (next: string) => changePassword(handle.db, { personId: p.id, sessionId: sha256(token), current: PASSWORD, next });
		expect(await attempt('pendek')).toEqual({ ok: false, reason: 'too_short' });
		expect(await attempt('x'.repeat(129))).toEqual({ ok: false, reason: 'too_long' });
		expect(await attempt('yusuf.pohan@pemkomedan.go.id')).toEqual({ ok: false, reason: 'same_as_login' });
		expect(await attempt('YUSUF.POHAN')).toEqual({ ok: false, reason: 'same_as_login' });
		expect(await attempt(p.nip)).toEqual({ ok: false, reason: 'same_as_login' });
		expect(await attempt('aaaaaaaaaaaa')).toEqual({ ok: false, reason: 'too_simple' });
		expect(await attempt('Password2024')).toEqual({ ok: false, reason: 'too_simple' });
		expect(await attempt('12345678')).toEqual({ ok: false, reason: 'too_simple' });
		// Nothing changed: the old password still signs in and the session is still valid.
		expect(await signIn(handle.db, { login: p.email, password: PASSWORD, address: freshAddress() })).toMatchObject({ ok: true });
		expect(await validateSessionToken(handle.db, token)).not.toBeNull();
	});

	it('changes the password, ends every other session of the person and keeps the current one', async () => {
		const p = await person();
		const someoneElse = await person();
		const current = await signedIn(p.email);
		const other1 = await signedIn(p.email);
		const other2 = await signedIn(p.nip);
		const foreign = await signedIn(someoneElse.email);
		const next = 'Danau-Toba-Indah-7';

		expect(await changePassword(handle.db, { personId: p.id, sessionId: sha256(current.token), current: PASSWORD, next })).toEqual({ ok: true });

		expect(await validateSessionToken(handle.db, current.token)).toMatchObject({ user: { id: p.id } });
		expect(await validateSessionToken(handle.db, other1.token)).toBeNull();
		expect(await validateSessionToken(handle.db, other2.token)).toBeNull();
		expect(await validateSessionToken(handle.db, foreign.token)).toMatchObject({ user: { id: someoneElse.id } });
		const mine = await handle.db.selectFrom('auth_session').select('id').where('person_id', '=', p.id).execute();
		expect(mine).toEqual([{ id: sha256(current.token) }]);

		expect(await signIn(handle.db, { login: p.email, password: next, address: freshAddress() })).toMatchObject({ ok: true, personId: p.id });
		expect(await signIn(handle.db, { login: p.email, password: PASSWORD, address: freshAddress() })).toEqual({ ok: false, reason: 'invalid' });

		const audit = await handle.db.selectFrom('audit_event').selectAll().where('action', '=', 'auth.password_changed').where('actor_id', '=', p.id).execute();
		expect(audit).toHaveLength(1);
		expect(audit[0].subject).toBe(`person:${p.id}`);
		// The audit trail never holds the password.
		expect(JSON.stringify(audit)).not.toContain(next);
	});
});
