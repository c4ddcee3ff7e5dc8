// Workshops and seminars (klasikal): trainers schedule, learners register (waiting list when
// full), attendance by a rotating QR code or by the trainer, and attendance writes a klasikal JP
// entry and competency evidence once. Every seat decision runs under a lock of the session row.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { ForbiddenError, requireRole, type Actor } from '../access';
import { recordAudit } from '../audit';
import { addJpEntry } from '../career/jp.repository';
import { localDate } from '../career/local-date';
import { addEvidence } from '../competency/evidence.repository';
import { createNotification } from '../notify/notification.repository';
import { attendanceToken, checkAttendanceToken, newQrSecret, parseAttendanceToken, secondsToNextCode } from './qr-token';
import * as repo from './workshop.repository';

type Db = Kysely<DB>;
export type Problem = { field: string; code: string; params?: Record<string, string | number> };

/** QR attendance is open from this long before the start until this long after the end. */
const ATTEND_OPEN_BEFORE_MS = 30 * 60_000;
const ATTEND_OPEN_AFTER_MS = 60 * 60_000;

export interface WorkshopValues {
	title: string;
	description: string;
	courseId: string;
	competencyCode: string;
	competencyLevel: string;
	place: string;
	onlineUrl: string;
	startsAt: string; // datetime-local, read as WIB
	endsAt: string;
	capacity: string;
	jp: string;
	partners: string; // one per line
}

/** A datetime-local value (`2026-12-03T09:00`) read on Medan's clock (WIB, UTC+7). */
export function parseWibDateTime(value: string): Date | null {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
	const d = new Date(`${value}:00+07:00`);
	return Number.isNaN(d.getTime()) ? null : d;
}

/** The datetime-local value of an instant in WIB (to fill a form). */
export function toWibInput(d: Date): string {
	return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

export async function workshopFormOptions(db: Db, actor: Actor | null) {
	requireRole(actor, 'trainer');
	// The courses offered are those the trainer teaches (course_trainer); an admin sees them all.
	let courses = db.selectFrom('course as c').innerJoin('course_version as v', 'v.id', 'c.current_version_id').select(['c.id', 'v.title']);
	if (!actor.roles.includes('admin')) {
		courses = courses.where((eb) => eb.exists(eb.selectFrom('course_trainer as ct').whereRef('ct.course_id', '=', 'c.id').where('ct.person_id', '=', actor.id)));
	}
	const [courseRows, competencies] = await Promise.all([
		courses.orderBy('v.title').execute(),
		db.selectFrom('competency').select(['code', 'name']).where('active', '=', true).orderBy('position').execute()
	]);
	return { courses: courseRows, competencies };
}

/** The checked and converted values of a session form (creation and editing alike). */
interface CheckedWorkshop {
	startsAt: Date;
	endsAt: Date;
	capacity: number;
	jp: number;
	level: number | null;
	partners: string[];
}

/**
 * The rules of the session form, shared by scheduling and editing. `keepCourseId` is the course
 * the session already names: an edit may keep it even if the trainer no longer teaches it.
 */
export async function checkWorkshopValues(
	db: Db | Transaction<DB>,
	actor: Actor,
	v: WorkshopValues,
	now: Date,
	keepCourseId: string | null = null
): Promise<{ ok: true; values: CheckedWorkshop } | { ok: false; problems: Problem[] }> {
	const problems: Problem[] = [];
	if (!v.title) problems.push({ field: 'title', code: 'err_required' });
	if (v.title.length > 200) problems.push({ field: 'title', code: 'ev_err_too_long' });
	const startsAt = parseWibDateTime(v.startsAt);
	const endsAt = parseWibDateTime(v.endsAt);
	if (!startsAt) problems.push({ field: 'startsAt', code: 'ev_err_datetime' });
	else if (startsAt.getTime() < now.getTime()) problems.push({ field: 'startsAt', code: 'ev_err_in_past' });
	if (!endsAt) problems.push({ field: 'endsAt', code: 'ev_err_datetime' });
	else if (startsAt && endsAt.getTime() <= startsAt.getTime()) problems.push({ field: 'endsAt', code: 'ev_err_end_before_start' });
	const capacity = Number(v.capacity);
	if (!Number.isInteger(capacity) || capacity < 1 || capacity > 5000) problems.push({ field: 'capacity', code: 'ev_err_capacity' });
	const jp = Number(v.jp.replace(',', '.'));
	if (!v.jp || !Number.isFinite(jp) || jp <= 0 || jp > 200) problems.push({ field: 'jp', code: 'ev_err_jp' });
	if (!v.place && !v.onlineUrl) problems.push({ field: 'place', code: 'ev_err_place_or_link' });
	if (v.onlineUrl && !/^https?:\/\/\S+$/.test(v.onlineUrl)) problems.push({ field: 'onlineUrl', code: 'ev_err_url' });
	const level = v.competencyLevel ? Number(v.competencyLevel) : null;
	if (v.competencyCode && !(level && Number.isInteger(level) && level >= 1 && level <= 5)) problems.push({ field: 'competencyLevel', code: 'ev_err_level' });
	if (!v.competencyCode && v.competencyLevel) problems.push({ field: 'competencyCode', code: 'ev_err_competency_for_level' });
	if (v.competencyCode) {
		const known = await db.selectFrom('competency').select('code').where('code', '=', v.competencyCode).executeTakeFirst();
		if (!known) problems.push({ field: 'competencyCode', code: 'err_choose' });
	}
	if (v.courseId && v.courseId !== keepCourseId) {
		// A trainer links a session only to a course they teach (course_trainer); an admin to any.
		let q = db.selectFrom('course as c').select('c.id').where('c.id', '=', v.courseId);
		if (!actor.roles.includes('admin')) {
			q = q.where((eb) => eb.exists(eb.selectFrom('course_trainer as ct').whereRef('ct.course_id', '=', 'c.id').where('ct.person_id', '=', actor.id)));
		}
		if (!(await q.executeTakeFirst())) problems.push({ field: 'courseId', code: 'err_choose' });
	}
	const partners = v.partners
		.split(/\r?\n/)
		.map((p) => p.trim())
		.filter(Boolean);
	if (partners.length > 10 || partners.some((p) => p.length > 150)) problems.push({ field: 'partners', code: 'ev_err_partners' });
	if (problems.length) return { ok: false, problems };
	return { ok: true, values: { startsAt: startsAt!, endsAt: endsAt!, capacity, jp: Math.round(jp * 100) / 100, level: v.competencyCode ? level : null, partners } };
}

/** The stored fields of a checked form. */
export function workshopFields(v: WorkshopValues, c: CheckedWorkshop): repo.WorkshopFields {
	return {
		title: v.title,
		description: v.description.slice(0, 4000),
		courseId: v.courseId || null,
		competencyCode: v.competencyCode || null,
		competencyLevel: c.level,
		place: v.place || null,
		onlineUrl: v.onlineUrl || null,
		startsAt: c.startsAt,
		endsAt: c.endsAt,
		capacity: c.capacity,
		jp: c.jp,
		partners: c.partners
	};
}

export async function createWorkshop(db: Db, actor: Actor | null, v: WorkshopValues, now = new Date()): Promise<{ ok: true; id: number } | { ok: false; problems: Problem[] }> {
	requireRole(actor, 'trainer');
	const checked = await checkWorkshopValues(db, actor, v, now);
	if (!checked.ok) return checked;
	const fields = workshopFields(v, checked.values);
	const id = await db.transaction().execute(async (trx) => {
		// The same form sent twice (a double click) schedules one session: one trainer's
		// submissions are serialised and an identical session made a minute ago is answered.
		await sql`select pg_advisory_xact_lock(hashtext(${`workshop-create:${actor.id}`}))`.execute(trx);
		const twin = await trx
			.selectFrom('workshop')
			.select('id')
			.where('trainer_id', '=', actor.id)
			.where('title', '=', v.title)
			.where('starts_at', '=', fields.startsAt)
			.where('created_at', '>', new Date(now.getTime() - 60_000))
			.executeTakeFirst();
		if (twin) return twin.id;
		const id = await repo.insertWorkshop(trx, { ...fields, trainerId: actor.id, qrSecret: newQrSecret() });
		await recordAudit(trx, { actorId: actor.id, action: 'workshop.created', subject: `workshop:${id}` });
		return id;
	});
	return { ok: true, id };
}

/** Sessions open to learners: not cancelled, not yet ended; plus those I took part in. */
export async function listWorkshopsForLearner(db: Db, actor: Actor, now = new Date()) {
	const rows = await repo
		.workshopsQuery(db, actor.id)
		// Coming sessions, and every session the learner holds a place in (a cancelled one says so).
		.where((eb) => eb.or([eb.and([eb('w.status', '=', 'scheduled'), eb('w.ends_at', '>=', now)]), eb('mine.status', 'in', ['registered', 'waitlisted'])]))
		.orderBy('w.starts_at')
		.limit(200)
		.execute();
	return rows.map(repo.normaliseWorkshop);
}

export async function workshopForLearner(db: Db, actor: Actor, id: number) {
	const row = await repo.workshopsQuery(db, actor.id).where('w.id', '=', id).executeTakeFirst();
	if (!row) return null;
	const evaluated = await db.selectFrom('training_evaluation').select('id').where('person_id', '=', actor.id).where('workshop_id', '=', id).executeTakeFirst();
	return { ...repo.normaliseWorkshop(row), evaluated: !!evaluated };
}

export type RegisterResult = { ok: true; status: 'registered' | 'waitlisted' } | { ok: false; code: 'ev_err_workshop_unknown' | 'ev_err_workshop_closed' | 'ev_err_own_session' };

/**
 * Takes a seat, or a place at the end of the waiting list when every seat is taken. The session
 * row is locked first, so two people cannot take the last seat together; a second submit by the
 * same person answers the place they already hold.
 */
export async function registerForWorkshop(db: Db, actor: Actor, workshopId: number, now = new Date()): Promise<RegisterResult> {
	return db.transaction().execute(async (trx) => {
		const w = await repo.lockWorkshop(trx, workshopId);
		if (!w) return { ok: false, code: 'ev_err_workshop_unknown' } as const;
		// The session's own trainer teaches it: no seat, no JP, no evidence at a level they chose.
		if (w.trainerId === actor.id) return { ok: false, code: 'ev_err_own_session' } as const;
		const existing = await repo.findRegistration(trx, workshopId, actor.id);
		if (existing && (existing.status === 'registered' || existing.status === 'waitlisted')) return { ok: true, status: existing.status } as const;
		if (w.status !== 'scheduled' || new Date(w.endsAt).getTime() <= now.getTime()) return { ok: false, code: 'ev_err_workshop_closed' } as const;
		const status = (await repo.countRegistered(trx, workshopId)) < w.capacity ? 'registered' : 'waitlisted';
		if (existing) {
			await trx
				.updateTable('workshop_registration')
				.set({ status, queued_at: now, cancelled_at: null, promoted_at: null })
				.where('id', '=', existing.id)
				.execute();
		} else {
			await trx.insertInto('workshop_registration').values({ workshop_id: workshopId, person_id: actor.id, status, queued_at: now }).execute();
		}
		return { ok: true, status } as const;
	});
}

export type CancelResult = { ok: true; promotedPersonId: number | null } | { ok: false; code: 'ev_err_not_registered' | 'ev_err_already_attended' | 'ev_err_cancel_started' };

/**
 * Gives up a seat (or a waiting place); a freed seat goes to the first person waiting. Once the
 * session has started nothing is cancelled: nobody would be moved up into a session under way.
 */
export async function cancelRegistration(db: Db, actor: Actor, workshopId: number, now = new Date()): Promise<CancelResult> {
	return db.transaction().execute(async (trx) => {
		const w = await repo.lockWorkshop(trx, workshopId);
		const mine = w ? await repo.findRegistration(trx, workshopId, actor.id) : undefined;
		if (!w || !mine || mine.status === 'cancelled') return { ok: false, code: 'ev_err_not_registered' } as const;
		if (mine.attended_at) return { ok: false, code: 'ev_err_already_attended' } as const;
		if (new Date(w.startsAt).getTime() <= now.getTime()) return { ok: false, code: 'ev_err_cancel_started' } as const;
		await trx.updateTable('workshop_registration').set({ status: 'cancelled', cancelled_at: now }).where('id', '=', mine.id).execute();
		const promoted = mine.status === 'registered' ? await fillFreedSeats(trx, w, now) : [];
		return { ok: true, promotedPersonId: promoted[0] ?? null } as const;
	});
}

/** Moves the first waiting people up while there are free seats; answers those moved, in order. */
export async function fillFreedSeats(trx: Transaction<DB>, w: { id: number; title: string; capacity: number; startsAt: Date | string }, now: Date): Promise<number[]> {
	const moved: number[] = [];
	while ((await repo.countRegistered(trx, w.id)) < w.capacity) {
		const next = await repo.firstWaiting(trx, w.id);
		if (!next) break;
		await trx.updateTable('workshop_registration').set({ status: 'registered', promoted_at: now }).where('id', '=', next.id).execute();
		await createNotification(trx, {
			personId: next.person_id,
			kind: 'workshop_promoted',
			params: { title: w.title, date: localDate(new Date(w.startsAt)) },
			link: `/workshops/${w.id}`,
			dedupeKey: `workshop-promoted:${next.id}:${now.getTime()}`,
			email: true
		});
		moved.push(next.person_id);
	}
	return moved;
}

// ---------------------------------------------------------------------------------------------
// Trainer's side

async function ownWorkshop(db: Db, actor: Actor, id: number) {
	return db
		.selectFrom('workshop')
		.select(['id', 'trainer_id as trainerId', 'qr_secret as qrSecret', 'starts_at as startsAt', 'ends_at as endsAt', 'status'])
		.where('id', '=', id)
		.where('trainer_id', '=', actor.id)
		.executeTakeFirst();
}

export type CancelSessionResult = { ok: true } | { ok: false; code: 'ev_err_workshop_unknown' | 'ev_err_session_started' | 'ev_err_reason_required' };

/**
 * The trainer calls a session off before it starts: it takes no more registrations or attendance,
 * and everyone registered or waiting is told (in-app, and by e-mail when configured) with the
 * reason. Only the session's own trainer may; calling it off twice changes nothing.
 */
export async function cancelWorkshop(db: Db, actor: Actor | null, id: number, reason: string, now = new Date()): Promise<CancelSessionResult> {
	requireRole(actor, 'trainer');
	const why = reason.trim();
	return db.transaction().execute(async (trx) => {
		const w = await repo.lockWorkshop(trx, id);
		if (!w || w.trainerId !== actor.id) return { ok: false, code: 'ev_err_workshop_unknown' } as const;
		if (w.status === 'cancelled') return { ok: true } as const;
		if (new Date(w.startsAt).getTime() <= now.getTime()) return { ok: false, code: 'ev_err_session_started' } as const;
		if (!why) return { ok: false, code: 'ev_err_reason_required' } as const;
		await trx.updateTable('workshop').set({ status: 'cancelled' }).where('id', '=', id).execute();
		const people = await trx
			.selectFrom('workshop_registration')
			.select('person_id')
			.where('workshop_id', '=', id)
			.where('status', 'in', ['registered', 'waitlisted'])
			.execute();
		for (const p of people) {
			await createNotification(trx, {
				personId: p.person_id,
				kind: 'workshop_cancelled',
				params: { title: w.title, date: localDate(new Date(w.startsAt)), reason: why },
				link: `/workshops/${id}`,
				dedupeKey: `workshop-cancelled:${id}:${p.person_id}`,
				email: true
			});
		}
		await recordAudit(trx, { actorId: actor.id, action: 'workshop.cancelled', subject: `workshop:${id}`, detail: { reason: why, told: people.length } });
		return { ok: true } as const;
	});
}

export async function trainerWorkshops(db: Db, actor: Actor | null) {
	requireRole(actor, 'trainer');
	const rows = await repo.workshopsQuery(db, actor.id).where('w.trainer_id', '=', actor.id).orderBy('w.starts_at', 'desc').limit(200).execute();
	return rows.map(repo.normaliseWorkshop);
}

/** The code to show now, and how long it stays; only the session's own trainer sees it. */
export async function currentAttendanceCode(db: Db, actor: Actor | null, id: number, now = new Date()) {
	requireRole(actor, 'trainer');
	const w = await ownWorkshop(db, actor, id);
	if (!w) return null;
	const open = attendanceOpen(w, now);
	return { token: open ? attendanceToken(w.id, w.qrSecret, now) : null, seconds: secondsToNextCode(now), open };
}

function attendanceOpen(w: { startsAt: Date | string; endsAt: Date | string; status: string }, now: Date): boolean {
	const t = now.getTime();
	return w.status === 'scheduled' && t >= new Date(w.startsAt).getTime() - ATTEND_OPEN_BEFORE_MS && t <= new Date(w.endsAt).getTime() + ATTEND_OPEN_AFTER_MS;
}

export type AttendResult =
	| { ok: true; workshopId: number; title: string; jp: number; already: boolean }
	| { ok: false; code: 'ev_err_token_invalid' | 'ev_err_token_expired' | 'ev_err_not_registered' | 'ev_err_waitlisted' | 'ev_err_attendance_closed' | 'ev_err_own_session'; workshopId?: number };

type AttendProblem = Extract<AttendResult, { ok: false }>;

/** Checks a scanned token for this learner: genuine, current, session open, seat held. */
async function checkScan(trx: Db | Transaction<DB>, actor: Actor, w: Awaited<ReturnType<typeof repo.lockWorkshop>>, token: ReturnType<typeof parseAttendanceToken>, now: Date) {
	if (!w || !token) return { ok: false, code: 'ev_err_token_invalid' } as AttendProblem;
	const check = checkAttendanceToken(token, w.qrSecret, now);
	if (check !== 'ok') return { ok: false, code: check === 'expired' ? 'ev_err_token_expired' : 'ev_err_token_invalid', workshopId: w.id } as AttendProblem;
	if (!attendanceOpen(w, now)) return { ok: false, code: 'ev_err_attendance_closed', workshopId: w.id } as AttendProblem;
	if (w.trainerId === actor.id) return { ok: false, code: 'ev_err_own_session', workshopId: w.id } as AttendProblem;
	const reg = await repo.findRegistration(trx, w.id, actor.id);
	if (!reg || reg.status === 'cancelled') return { ok: false, code: 'ev_err_not_registered', workshopId: w.id } as AttendProblem;
	if (reg.status === 'waitlisted') return { ok: false, code: 'ev_err_waitlisted', workshopId: w.id } as AttendProblem;
	return { ok: true as const, registrationId: reg.id, attended: !!reg.attended_at };
}

/** What the phone shows after scanning, before the learner confirms: nothing is written. */
export async function previewAttendance(db: Db, actor: Actor, token: string, now = new Date()) {
	const parsed = parseAttendanceToken(token);
	const w = parsed
		? await db
				.selectFrom('workshop')
				.select(['id', 'title', 'capacity', 'status', 'starts_at as startsAt', 'ends_at as endsAt', 'jp', 'competency_code as competencyCode', 'competency_level as competencyLevel', 'trainer_id as trainerId', 'qr_secret as qrSecret'])
				.where('id', '=', parsed.workshopId)
				.executeTakeFirst()
		: undefined;
	const check = await checkScan(db, actor, w, parsed, now);
	if (!check.ok) return check;
	return { ok: true as const, workshopId: w!.id, title: w!.title, jp: Number(w!.jp), startsAt: w!.startsAt, already: check.attended };
}

/** The learner scanned the code on the trainer's screen while signed in, and confirmed. */
export async function attendByToken(db: Db, actor: Actor, token: string, now = new Date()): Promise<AttendResult> {
	const parsed = parseAttendanceToken(token);
	if (!parsed) return { ok: false, code: 'ev_err_token_invalid' };
	return db.transaction().execute(async (trx) => {
		const w = await repo.lockWorkshop(trx, parsed.workshopId);
		const check = await checkScan(trx, actor, w, parsed, now);
		if (!check.ok) return check;
		const fresh = await recordAttendance(trx, w!, check.registrationId, actor.id, 'qr', now);
		return { ok: true, workshopId: w!.id, title: w!.title, jp: Number(w!.jp), already: !fresh } as const;
	});
}

/** The trainer marks a registered person present (no phone, no camera). */
export async function markAttendance(db: Db, actor: Actor | null, workshopId: number, personId: number, now = new Date()) {
	requireRole(actor, 'trainer');
	return db.transaction().execute(async (trx) => {
		const w = await repo.lockWorkshop(trx, workshopId);
		if (!w || w.trainerId !== actor.id) throw new ForbiddenError('not your session');
		if (now.getTime() < new Date(w.startsAt).getTime() - ATTEND_OPEN_BEFORE_MS) return { ok: false as const, code: 'ev_err_not_started' };
		if (personId === actor.id || personId === w.trainerId) return { ok: false as const, code: 'ev_err_own_session' };
		const reg = await repo.findRegistration(trx, workshopId, personId);
		if (!reg || reg.status !== 'registered') return { ok: false as const, code: 'ev_err_not_registered' };
		await recordAttendance(trx, w, reg.id, personId, 'trainer', now);
		await recordAudit(trx, { actorId: actor.id, action: 'workshop.attendance_marked', subject: `workshop:${workshopId}`, detail: { personId } });
		return { ok: true as const };
	});
}

/**
 * Attendance, once: the registration is stamped, a klasikal JP entry and (when the session names
 * a competency and level) competency evidence are written in the same transaction. A second scan
 * or mark changes nothing; answers whether this was the first.
 */
async function recordAttendance(
	trx: Transaction<DB>,
	w: { id: number; title: string; jp: number | string; startsAt: Date | string; endsAt: Date | string; competencyCode: string | null; competencyLevel: number | null },
	registrationId: number,
	personId: number,
	method: 'qr' | 'trainer',
	now: Date
): Promise<boolean> {
	const stamped = await trx
		.updateTable('workshop_registration')
		.set({ attended_at: now, attendance_method: method })
		.where('id', '=', registrationId)
		.where('attended_at', 'is', null)
		.returning('id')
		.executeTakeFirst();
	const day = localDate(new Date(w.startsAt));
	const minutes = Math.round((new Date(w.endsAt).getTime() - new Date(w.startsAt).getTime()) / 60_000);
	await addJpEntry(trx, { personId, occurredOn: day, kind: 'klasikal', source: 'workshop', sourceRef: `workshop:${w.id}`, title: w.title, jp: Number(w.jp), minutes });
	if (w.competencyCode && w.competencyLevel) {
		await addEvidence(trx, { personId, competencyCode: w.competencyCode, level: w.competencyLevel, source: 'workshop', sourceRef: `workshop:${w.id}`, title: w.title, validFrom: day });
	}
	return !!stamped;
}
