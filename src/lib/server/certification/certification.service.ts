// Certifications and certificates. The certification machine decides every step; each
// transition is written to certification_event (who, when, why) and nothing is ever deleted.
// Time-based steps (expiring soon, expired) are applied when a certification is read and by the
// scheduled job, never by timers in a server process.
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { createActor, type AnyEventObject } from 'xstate';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import type { DB } from '../db/schema';
import { ForbiddenError, requireRole, type Actor } from '../access';
import { unitSubtree } from '../org/org.repository';
import { CERTIFICATION_MACHINE_VERSION, certificationMachine, certificationStatus } from '../../machines/certification.machine';
import { courseVersion } from '../learning/learning.service';
import { recordCompletion } from '../career/completion.service';
import { revokeEvidence } from '../competency/evidence.repository';

type Db = Kysely<DB>;
type Trx = Transaction<DB> | Kysely<DB>;

const DAY = 86_400_000;

export async function expiringWindowDays(db: Trx): Promise<number> {
	const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'certificate_expiring_window_days').executeTakeFirst();
	return Number(row?.value ?? 90);
}

/** 80 random bits, shown as BINA-XXXX-XXXX-XXXX-XXXX: not guessable, easy to read aloud. */
export function newCertificateCode(): string {
	const raw = encodeBase32UpperCaseNoPadding(randomBytes(10));
	return `BINA-${raw.match(/.{4}/g)!.join('-')}`;
}

export function isWellFormedCode(code: string): boolean {
	return /^BINA(-[A-Z2-7]{4}){4}$/.test(code);
}

async function loadCertification(trx: Trx, personId: number, courseId: string) {
	let row = await trx.selectFrom('certification').selectAll().where('person_id', '=', personId).where('course_id', '=', courseId).executeTakeFirst();
	if (!row) {
		const window = await expiringWindowDays(trx);
		const machine = createActor(certificationMachine, { input: { expiringWindowDays: window } }).start();
		const status = certificationStatus(machine.getSnapshot());
		row = await trx
			.insertInto('certification')
			.values({ person_id: personId, course_id: courseId, status, snapshot: JSON.stringify(machine.getPersistedSnapshot()), machine_version: CERTIFICATION_MACHINE_VERSION })
			.returningAll()
			.executeTakeFirstOrThrow();
		machine.stop();
	}
	return row;
}

type CertRow = Awaited<ReturnType<typeof loadCertification>>;

/** Applies events to a certification and records each transition that changed its state. */
async function applyEvents(trx: Trx, row: CertRow, events: AnyEventObject[], actorId: number | null, reason: string | null = null) {
	const window = await expiringWindowDays(trx);
	const machine = createActor(certificationMachine, { snapshot: row.snapshot as never, input: { expiringWindowDays: window } }).start();
	let status = certificationStatus(machine.getSnapshot());
	for (const event of events) {
		const before = status;
		machine.send(event as never);
		status = certificationStatus(machine.getSnapshot());
		if (status !== before) {
			await trx
				.insertInto('certification_event')
				.values({ certification_id: row.id, event: event.type, from_status: before, to_status: status, actor_id: actorId, reason })
				.execute();
		}
	}
	await trx
		.updateTable('certification')
		.set({ status, snapshot: JSON.stringify(machine.getPersistedSnapshot()), machine_version: CERTIFICATION_MACHINE_VERSION, updated_at: new Date() })
		.where('id', '=', row.id)
		.execute();
	const context = machine.getSnapshot().context;
	machine.stop();
	return { status, context };
}

export async function recordExamStarted(trx: Trx, personId: number, courseId: string, now: Date) {
	const row = await loadCertification(trx, personId, courseId);
	// A learner who reaches the exam has finished the modules; a certified one whose certificate
	// is expiring or expired is recertifying. Events a state does not take are ignored.
	await applyEvents(
		trx,
		row,
		[{ type: 'system.modulesCompleted' }, { type: 'learner.startedRecertification' }, { type: 'learner.startedExam', at: now.getTime() }],
		personId
	);
}

/**
 * The completion pipeline's first step: a passed attempt issues exactly one certificate (the
 * unique attempt_id makes a repeat harmless) and moves the certification; a failed one returns it
 * to eligible.
 */
export async function recordExamResult(trx: Trx, input: { attemptId: number; passed: boolean; now: Date }) {
	const attempt = await trx.selectFrom('exam_attempt').selectAll().where('id', '=', input.attemptId).executeTakeFirstOrThrow();
	const row = await loadCertification(trx, attempt.person_id, attempt.course_id);
	const version = await courseVersion(trx as Db, attempt.course_version_id);
	if (!input.passed) {
		await applyEvents(trx, row, [{ type: 'system.examFailed', at: input.now.getTime() }], attempt.person_id);
		return null;
	}
	const issuedAt = input.now;
	const months = version.certification?.validityMonths ?? null;
	const expiresAt = months ? addMonths(issuedAt, months) : null;
	await applyEvents(trx, row, [{ type: 'system.examPassed', issuedAt: issuedAt.getTime(), expiresAt: expiresAt?.getTime() ?? null }], attempt.person_id);
	const person = await trx.selectFrom('person').select(['name', 'nip']).where('id', '=', attempt.person_id).executeTakeFirstOrThrow();
	const names = await trx.selectFrom('competency').select(['code', 'name']).execute();
	const inserted = await trx
		.insertInto('certificate')
		.values({
			code: newCertificateCode(),
			person_id: attempt.person_id,
			course_id: attempt.course_id,
			course_version_id: attempt.course_version_id,
			certification_id: row.id,
			attempt_id: attempt.id,
			issued_at: issuedAt,
			expires_at: expiresAt,
			score_percent: attempt.percent,
			holder_name: person.name,
			holder_nip: person.nip,
			course_title: version.title,
			jp: version.jp,
			competencies: JSON.stringify(version.competencies.map((c) => ({ ...c, name: names.find((n) => n.code === c.code)?.name ?? c.code })))
		})
		.onConflict((oc) => oc.column('attempt_id').doNothing())
		.returning('id')
		.executeTakeFirst();
	// Passing the exam completes the course if it was not complete yet.
	await trx
		.updateTable('enrolment')
		.set({ status: 'completed', completed_at: issuedAt })
		.where('id', '=', attempt.enrolment_id)
		.where('status', '<>', 'completed')
		.execute();
	// The completion pipeline, in this same transaction: JP, competency evidence, plan items.
	if (inserted) await recordCompletion(trx, { enrolmentId: attempt.enrolment_id, completedAt: issuedAt, certificateId: inserted.id });
	return inserted?.id ?? null;
}

function addMonths(d: Date, months: number): Date {
	const r = new Date(d);
	r.setUTCMonth(r.getUTCMonth() + months);
	return r;
}

export type CertificateState = 'valid' | 'expiring' | 'expired' | 'revoked';

export function certificateState(c: { expires_at: Date | string | null; revoked_at: Date | string | null }, now: Date, windowDays: number): CertificateState {
	if (c.revoked_at) return 'revoked';
	if (!c.expires_at) return 'valid';
	const exp = new Date(c.expires_at).getTime();
	if (now.getTime() >= exp) return 'expired';
	if (now.getTime() >= exp - windowDays * DAY) return 'expiring';
	return 'valid';
}

/** Moves certifications whose dates have passed (the scheduled job, and reads). */
export async function tickCertifications(db: Db, now = new Date(), personId?: number) {
	let q = db.selectFrom('certification').selectAll().where('status', 'in', ['certified', 'expiring-soon']);
	if (personId !== undefined) q = q.where('person_id', '=', personId);
	const rows = await q.execute();
	let moved = 0;
	for (const row of rows) {
		await db.transaction().execute(async (trx) => {
			const { status } = await applyEvents(trx, row, [{ type: 'clock.tick', at: now.getTime() }], null);
			if (status !== row.status) moved++;
		});
	}
	return moved;
}

// ---- reading certificates -------------------------------------------------------------------

const certificateColumns = [
	'c.id',
	'c.code',
	'c.course_id as courseId',
	'c.course_title as courseTitle',
	'c.holder_name as holderName',
	'c.holder_nip as holderNip',
	'c.issued_at as issuedAt',
	'c.expires_at as expiresAt',
	'c.revoked_at as revokedAt',
	'c.revoked_reason as revokedReason',
	'c.jp',
	'c.score_percent as scorePercent',
	'c.person_id as personId'
] as const;

export async function myCertificates(db: Db, actor: Actor, now = new Date()) {
	await tickCertifications(db, now, actor.id);
	const window = await expiringWindowDays(db);
	const rows = await db.selectFrom('certificate as c').select(certificateColumns).where('c.person_id', '=', actor.id).orderBy('c.issued_at', 'desc').execute();
	return rows.map((r) => ({ ...r, jp: Number(r.jp), state: certificateState({ expires_at: r.expiresAt, revoked_at: r.revokedAt }, now, window) }));
}

/** A supervisor's view: certificates of people in their unit's subtree, chosen in SQL. */
export async function teamCertificates(db: Db, actor: Actor, now = new Date()) {
	requireRole(actor, 'supervisor');
	if (actor.unitId === null) return [];
	const window = await expiringWindowDays(db);
	const rows = await db
		.selectFrom('certificate as c')
		.innerJoin('person as p', 'p.id', 'c.person_id')
		.innerJoin('org_unit as u', 'u.id', 'p.unit_id')
		.select([...certificateColumns, 'u.name as unitName'])
		.where('p.unit_id', 'in', unitSubtree(db, actor.unitId))
		.orderBy('c.expires_at')
		.execute();
	return rows.map((r) => ({ ...r, jp: Number(r.jp), state: certificateState({ expires_at: r.expiresAt, revoked_at: r.revokedAt }, now, window) }));
}

/** Who may download a certificate: its holder, a supervisor over the holder's unit, an admin. */
export async function certificateForDownload(db: Db, actor: Actor, code: string) {
	const cert = await db.selectFrom('certificate').selectAll().where('code', '=', code).executeTakeFirst();
	if (!cert) return null;
	if (cert.person_id === actor.id || actor.roles.includes('admin')) return cert;
	if (actor.roles.includes('supervisor') && actor.unitId !== null) {
		const holder = await db
			.selectFrom('person')
			.select('id')
			.where('id', '=', cert.person_id)
			.where('unit_id', 'in', unitSubtree(db, actor.unitId))
			.executeTakeFirst();
		if (holder) return cert;
	}
	throw new ForbiddenError('not allowed to see this certificate');
}

export async function revokeCertificate(db: Db, actor: Actor, code: string, reason: string, now = new Date()) {
	requireRole(actor, 'admin');
	if (!reason.trim()) return { ok: false as const, code: 'reason_required' as const };
	return db.transaction().execute(async (trx) => {
		const cert = await trx.selectFrom('certificate').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
		if (!cert) return { ok: false as const, code: 'not_found' as const };
		if (cert.revoked_at) return { ok: true as const };
		const row = await trx.selectFrom('certification').selectAll().where('id', '=', cert.certification_id).executeTakeFirstOrThrow();
		await applyEvents(trx, row, [{ type: 'admin.revoke', reason: reason.trim(), by: actor.id }], actor.id, reason.trim());
		await trx.updateTable('certificate').set({ revoked_at: now, revoked_by: actor.id, revoked_reason: reason.trim() }).where('id', '=', cert.id).execute();
		// A revoked certificate stops proving its competency levels.
		await revokeEvidence(trx, 'certificate', String(cert.id), reason.trim(), now);
		return { ok: true as const };
	});
}

export async function listCertificatesForAdmin(db: Db, actor: Actor, filter: { q: string; offset: number; limit: number }, now = new Date()) {
	requireRole(actor, 'admin');
	const window = await expiringWindowDays(db);
	let base = db.selectFrom('certificate as c');
	if (filter.q) {
		const q = filter.q;
		const like = `%${q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
		base = base.where((eb) => eb.or([eb(eb.fn('lower', ['c.holder_name']), 'like', like), eb('c.code', '=', q.toUpperCase()), eb('c.holder_nip', '=', q.replace(/\s/g, ''))]));
	}
	const [rows, total] = await Promise.all([
		base.select(certificateColumns).orderBy('c.issued_at', 'desc').orderBy('c.id', 'desc').offset(filter.offset).limit(filter.limit).execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return {
		rows: rows.map((r) => ({ ...r, jp: Number(r.jp), state: certificateState({ expires_at: r.expiresAt, revoked_at: r.revokedAt }, now, window) })),
		total: Number(total.n)
	};
}

export { DAY };

export type Verification =
	| { state: 'unknown' }
	| { state: CertificateState; holderName: string; courseTitle: string; issuedAt: Date; expiresAt: Date | null; revokedAt: Date | null };

/** The public verification: only what a verifier needs (name, course, dates, status). */
export async function verifyCertificate(db: Db, code: string, now = new Date()): Promise<Verification> {
	const normalised = code.trim().toUpperCase();
	if (!isWellFormedCode(normalised)) return { state: 'unknown' };
	const cert = await db
		.selectFrom('certificate')
		.select(['holder_name', 'course_title', 'issued_at', 'expires_at', 'revoked_at'])
		.where('code', '=', normalised)
		.executeTakeFirst();
	if (!cert) return { state: 'unknown' };
	const window = await expiringWindowDays(db);
	return {
		state: certificateState(cert, now, window),
		holderName: cert.holder_name,
		courseTitle: cert.course_title,
		issuedAt: new Date(cert.issued_at),
		expiresAt: cert.expires_at ? new Date(cert.expires_at) : null,
		revokedAt: cert.revoked_at ? new Date(cert.revoked_at) : null
	};
}
