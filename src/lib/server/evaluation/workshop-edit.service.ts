// The trainer's own session page and its corrections before it starts: the edit form's values
// and the rules that keep registered people whole (capacity, waiting list, notices of a new time
// or place). Scheduling, registration and attendance are in workshop.service.ts.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { requireRole, type Actor } from '../access';
import { recordAudit } from '../audit';
import { createNotification } from '../notify/notification.repository';
import * as repo from './workshop.repository';
import type { WorkshopFields } from './workshop.repository';
import { checkWorkshopValues, fillFreedSeats, toWibInput, workshopFields, workshopFormOptions, type Problem, type WorkshopValues } from './workshop.service';

type Db = Kysely<DB>;

/**
 * The trainer's own session with its people; while it can be edited, the edit form's values and
 * choices too (the session's course stays offered even if the trainer no longer teaches it).
 */
export async function trainerWorkshop(db: Db, actor: Actor | null, id: number, now = new Date()) {
	requireRole(actor, 'trainer');
	const row = await repo.workshopsQuery(db, actor.id).where('w.id', '=', id).where('w.trainer_id', '=', actor.id).executeTakeFirst();
	if (!row) return null;
	const workshop = repo.normaliseWorkshop(row);
	const [registrations, block] = await Promise.all([repo.registrationsOf(db, id), editBlock(db, workshop, now)]);
	let edit = null;
	if (!block) {
		const options = await workshopFormOptions(db, actor);
		if (workshop.courseId && !options.courses.some((c) => c.id === workshop.courseId)) {
			options.courses.unshift({ id: workshop.courseId, title: workshop.courseTitle ?? workshop.courseId });
		}
		edit = { values: valuesOf(workshop), version: editVersion(workshop), ...options };
	}
	return { workshop, registrations, editBlock: block, edit };
}

/** Why a session can no longer be edited, or null while it can. */
export type EditBlock = 'ev_err_edit_cancelled' | 'ev_err_edit_started' | 'ev_err_edit_attended';

async function editBlock(db: Db | Transaction<DB>, w: { id: number; status: string; startsAt: Date | string }, now: Date): Promise<EditBlock | null> {
	if (w.status === 'cancelled') return 'ev_err_edit_cancelled';
	if (new Date(w.startsAt).getTime() <= now.getTime()) return 'ev_err_edit_started';
	// Attendance opens half an hour before the start and writes JP and evidence from the
	// session's values: once anyone is present, the session stays as they were told.
	if (await repo.anyAttendance(db, w.id)) return 'ev_err_edit_attended';
	return null;
}

/** The kinds of notice sent when a session's time or place changes (one notice per edit). */
const CHANGE_KINDS = ['workshop_time_changed', 'workshop_place_changed', 'workshop_time_place_changed'] as const;

/** `2026-11-10 09:00–12:00 WIB` (the end's date only when it is another day). */
function wibSpan(start: Date, end: Date): string {
	const a = toWibInput(start).replace('T', ' ');
	const b = toWibInput(end).replace('T', ' ');
	return `${a}–${a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : b} WIB`;
}

function whereText(place: string | null, onlineUrl: string | null): string {
	return [place, onlineUrl].filter(Boolean).join(' · ') || '–';
}

export type EditResult =
	| { ok: true; changed: boolean; promoted: number; told: number }
	| { ok: false; code: 'ev_err_workshop_unknown' | 'ev_err_workshop_changed_meanwhile' | EditBlock }
	| { ok: false; problems: Problem[] };

/**
 * The trainer corrects a session before it starts, with the rules of the scheduling form. Under
 * the session row's lock: a capacity below the seats already taken is refused (nobody loses a
 * seat); a higher one moves people up from the waiting list in queue order, each notified as
 * when someone cancels. A new time or place is told once to everyone registered or waiting; other
 * fields (description, title, JP…) are corrected without a notice. Sending the same form twice
 * finds nothing left to change, so it writes and tells nothing more. `version` is the one the form
 * was opened with (editVersion): a form opened before someone else's save is refused rather than
 * silently putting back what that save changed.
 */
export async function editWorkshop(db: Db, actor: Actor | null, id: number, v: WorkshopValues, now = new Date(), version?: string): Promise<EditResult> {
	requireRole(actor, 'trainer');
	return db.transaction().execute(async (trx) => {
		const w = await repo.lockWorkshopForEdit(trx, id);
		if (!w || w.trainerId !== actor.id) return { ok: false, code: 'ev_err_workshop_unknown' } as const;
		const block = await editBlock(trx, w, now);
		if (block) return { ok: false, code: block } as const;
		const checked = await checkWorkshopValues(trx, actor, v, now, w.courseId);
		const problems = checked.ok ? [] : checked.problems;
		const registered = await repo.countRegistered(trx, id);
		const capacity = Number(v.capacity);
		if (Number.isInteger(capacity) && capacity >= 1 && capacity < registered) {
			problems.push({ field: 'capacity', code: 'ev_err_capacity_below_registered', params: { n: registered } });
		}
		if (!checked.ok || problems.length) return { ok: false, problems } as const;
		const next = workshopFields(v, checked.values);

		const old = { startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt), place: w.place ?? null, onlineUrl: w.onlineUrl ?? null };
		const timeChanged = old.startsAt.getTime() !== next.startsAt.getTime() || old.endsAt.getTime() !== next.endsAt.getTime();
		const placeChanged = old.place !== next.place || old.onlineUrl !== next.onlineUrl;
		const changed = (
			[
				['title', w.title !== next.title],
				['description', w.description !== next.description],
				['courseId', (w.courseId ?? null) !== next.courseId],
				['competency', (w.competencyCode ?? null) !== next.competencyCode || (w.competencyLevel ?? null) !== next.competencyLevel],
				['time', timeChanged],
				['place', placeChanged],
				['capacity', w.capacity !== next.capacity],
				['jp', Number(w.jp) !== next.jp],
				['partners', JSON.stringify(Array.isArray(w.partners) ? w.partners : []) !== JSON.stringify(next.partners)]
			] as const
		)
			.filter(([, c]) => c)
			.map(([f]) => f);
		if (!changed.length) return { ok: true, changed: false, promoted: 0, told: 0 } as const;
		// After the no-change answer, so a double submit of a saved form still reads as saved.
		if (version && version !== editVersion(w)) return { ok: false, code: 'ev_err_workshop_changed_meanwhile' } as const;

		await repo.updateWorkshop(trx, id, next);
		const promoted = next.capacity > w.capacity ? await fillFreedSeats(trx, { id, title: next.title, capacity: next.capacity, startsAt: next.startsAt }, now) : [];

		let told = 0;
		if (timeChanged || placeChanged) {
			const from = { time: wibSpan(old.startsAt, old.endsAt), place: whereText(old.place, old.onlineUrl) };
			const to = { time: wibSpan(next.startsAt, next.endsAt), place: whereText(next.place, next.onlineUrl) };
			const notice: { kind: (typeof CHANGE_KINDS)[number]; params: Record<string, string> } =
				timeChanged && placeChanged
					? { kind: 'workshop_time_place_changed', params: { title: next.title, fromTime: from.time, toTime: to.time, fromPlace: from.place, toPlace: to.place } }
					: timeChanged
						? { kind: 'workshop_time_changed', params: { title: next.title, from: from.time, to: to.time } }
						: { kind: 'workshop_place_changed', params: { title: next.title, date: to.time, from: from.place, to: to.place } };
			// The key names the change (old → new) and how many notices the person already had
			// for this session: the same change sent twice is one notice, a later one is another.
			const change = createHash('sha256').update(JSON.stringify([from, to])).digest('hex').slice(0, 16);
			for (const p of await repo.holdersWithChangeNotices(trx, id, CHANGE_KINDS)) {
				const written = await createNotification(trx, {
					personId: p.personId,
					kind: notice.kind,
					params: notice.params,
					link: `/workshops/${id}`,
					dedupeKey: `workshop-changed:${id}:${p.personId}:${p.notices}:${change}`,
					email: true
				});
				if (written !== null) told++;
			}
		}
		await recordAudit(trx, { actorId: actor.id, action: 'workshop.edited', subject: `workshop:${id}`, detail: { changed, promoted: promoted.length, told } });
		return { ok: true, changed: true, promoted: promoted.length, told } as const;
	});
}

/** The fields of a session the edit form shows, as loaded or as locked for the edit (dates and
 * JP may arrive as text, partners as stored JSON). */
type EditableWorkshop = Omit<WorkshopFields, 'startsAt' | 'endsAt' | 'jp' | 'partners'> & {
	startsAt: Date | string;
	endsAt: Date | string;
	jp: number | string;
	partners: unknown;
};

function valuesOf(w: EditableWorkshop): WorkshopValues {
	return {
		title: w.title,
		description: w.description,
		courseId: w.courseId ?? '',
		competencyCode: w.competencyCode ?? '',
		competencyLevel: w.competencyLevel ? String(w.competencyLevel) : '',
		place: w.place ?? '',
		onlineUrl: w.onlineUrl ?? '',
		startsAt: toWibInput(new Date(w.startsAt)),
		endsAt: toWibInput(new Date(w.endsAt)),
		capacity: String(w.capacity),
		jp: String(Number(w.jp)),
		partners: (Array.isArray(w.partners) ? (w.partners as string[]) : []).join('\n')
	};
}

/** A fingerprint of the session as the edit form shows it: changes whenever anyone saves a change. */
export function editVersion(w: EditableWorkshop): string {
	return createHash('sha256').update(JSON.stringify(valuesOf(w))).digest('hex').slice(0, 16);
}

