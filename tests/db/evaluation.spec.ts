// Workshops, mentoring, evaluations and the public survey against a real database.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { syncCatalog } from '../../src/lib/server/catalog/catalog.sync';
import { setContentIndex } from '../../src/lib/server/catalog/content-index';
import { ForbiddenError, type Actor } from '../../src/lib/server/access';
import {
	attendByToken,
	cancelRegistration,
	cancelWorkshop,
	createWorkshop,
	currentAttendanceCode,
	markAttendance,
	parseWibDateTime,
	previewAttendance,
	listWorkshopsForLearner,
	registerForWorkshop,
	workshopForLearner,
	type WorkshopValues
} from '../../src/lib/server/evaluation/workshop.service';
import { editWorkshop, trainerWorkshop } from '../../src/lib/server/evaluation/workshop-edit.service';
import { confirmSession, createPair, logSession, myMentoring } from '../../src/lib/server/evaluation/mentoring.service';
import { answerBehaviour, behaviourRequests, evaluationResults, reactionStatus, submitReaction } from '../../src/lib/server/evaluation/evaluation.service';
import { evaluationJobs } from '../../src/lib/server/evaluation/jobs';
import { addSurveyService, formStamp, ikmForUnit, ikmOverview, setIkmWeight, submitSurvey, SURVEY_RATE_LIMIT, type SurveyValues } from '../../src/lib/server/evaluation/survey.service';
import { importIndicators, INDICATOR_PAGE_SIZE, listIndicators } from '../../src/lib/server/evaluation/indicators.service';
import { trainingEffect } from '../../src/lib/server/evaluation/effect.service';
import { SKM_ELEMENTS } from '../../src/lib/server/evaluation/ikm';
import { createTestDatabase, type TestDatabase } from './test-db';
import { addPerson, addUnit } from './fixtures';
import { actorOf, nipMaker } from './helper-people';

let t: TestDatabase;
const nip = nipMaker('19900707');
const MIN = 60_000;
const DAY = 86_400_000;
const now0 = new Date('2026-11-02T02:00:00Z'); // 09:00 WIB

let trainer: Actor;
let admin: Actor;
let unitId: number;

beforeAll(async () => {
	const { courses } = loadContent(path.resolve('content'));
	setContentIndex(courses);
	t = await createTestDatabase();
	await syncCatalog(t.db, courses);
	unitId = await addUnit(t.db, 'DISDUKCAPIL');
	trainer = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'trainer'], unitId }));
	admin = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'admin'], unitId }));
});
afterAll(async () => t.dispose());

async function learner(unit: number | null = unitId, supervisorId: number | null = null) {
	return actorOf(await addPerson(t.db, { nip: nip(), unitId: unit, supervisorId }));
}

function values(over: Partial<WorkshopValues> = {}): WorkshopValues {
	return {
		title: 'Workshop Penanganan Pengaduan Masyarakat',
		description: '',
		courseId: '',
		competencyCode: 'TEK-ADU',
		competencyLevel: '2',
		place: 'Aula BKPSDM, Jl. Kapten Maulana Lubis No. 2',
		onlineUrl: '',
		startsAt: '2026-11-10T09:00',
		endsAt: '2026-11-10T12:00',
		capacity: '2',
		jp: '4',
		partners: 'Universitas Sumatera Utara',
		...over
	};
}

let sessionNo = 0;
async function newWorkshop(over: Partial<WorkshopValues> = {}) {
	const r = await createWorkshop(t.db, trainer, values({ title: `Workshop Penanganan Pengaduan Angkatan ${++sessionNo}`, ...over }), now0);
	if (!r.ok) throw new Error(JSON.stringify(r.problems));
	return r.id;
}

const jpRows = (personId: number, source: string) =>
	t.db.selectFrom('jp_entry').selectAll().where('person_id', '=', personId).where('source', '=', source).execute();

describe('workshops: registration and waiting list', () => {
	it('refuses a form with the end before the start, a past start, and no place or link, naming each field', async () => {
		const r = await createWorkshop(t.db, trainer, values({ startsAt: '2026-11-01T09:00', endsAt: '2026-11-01T08:00', place: '', capacity: '0' }), now0);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems.map((p) => p.field).sort()).toEqual(['capacity', 'endsAt', 'place', 'startsAt']);
	});

	it('a double submit of the form schedules one session', async () => {
		const [a, b] = await Promise.all([createWorkshop(t.db, trainer, values({ title: 'Sesi kirim ganda' }), now0), createWorkshop(t.db, trainer, values({ title: 'Sesi kirim ganda' }), now0)]);
		expect(a).toEqual(b);
		expect(await t.db.selectFrom('workshop').select('id').where('title', '=', 'Sesi kirim ganda').execute()).toHaveLength(1);
	});

	it('only trainers schedule sessions', async () => {
		const someone = await learner();
		await expect(createWorkshop(t.db, someone, values(), now0)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('a full session fills the waiting list in order and a cancellation promotes the first waiting', async () => {
		const id = await newWorkshop();
		const [a, b, c, d] = [await learner(), await learner(), await learner(), await learner()];
		expect(await registerForWorkshop(t.db, a, id, now0)).toEqual({ ok: true, status: 'registered' });
		expect(await registerForWorkshop(t.db, b, id, new Date(now0.getTime() + 1000))).toEqual({ ok: true, status: 'registered' });
		expect(await registerForWorkshop(t.db, c, id, new Date(now0.getTime() + 2000))).toEqual({ ok: true, status: 'waitlisted' });
		expect(await registerForWorkshop(t.db, d, id, new Date(now0.getTime() + 3000))).toEqual({ ok: true, status: 'waitlisted' });
		// A double submit keeps the place held.
		expect(await registerForWorkshop(t.db, c, id, new Date(now0.getTime() + 4000))).toEqual({ ok: true, status: 'waitlisted' });
		expect((await workshopForLearner(t.db, c, id))!.myWaitPosition).toBe(1);
		expect((await workshopForLearner(t.db, d, id))!.myWaitPosition).toBe(2);

		const cancelled = await cancelRegistration(t.db, a, id, new Date(now0.getTime() + 5000));
		expect(cancelled).toEqual({ ok: true, promotedPersonId: c.id });
		const cView = (await workshopForLearner(t.db, c, id))!;
		expect(cView.myStatus).toBe('registered');
		expect(cView.registered).toBe(2);
		expect((await workshopForLearner(t.db, d, id))!.myWaitPosition).toBe(1);
		const note = await t.db.selectFrom('notification').selectAll().where('person_id', '=', c.id).where('kind', '=', 'workshop_promoted').execute();
		expect(note).toHaveLength(1);
		// Cancelling twice does nothing more.
		expect(await cancelRegistration(t.db, a, id)).toEqual({ ok: false, code: 'ev_err_not_registered' });
		// Re-registering goes to the back of the queue.
		expect(await registerForWorkshop(t.db, a, id, new Date(now0.getTime() + 6000))).toEqual({ ok: true, status: 'waitlisted' });
		expect((await workshopForLearner(t.db, a, id))!.myWaitPosition).toBe(2);
	});

	it('never overbooks when many register at once', async () => {
		const id = await newWorkshop({ capacity: '3' });
		const people = await Promise.all(Array.from({ length: 8 }, () => learner()));
		const results = await Promise.all(people.map((p) => registerForWorkshop(t.db, p, id, now0)));
		expect(results.filter((r) => r.ok && r.status === 'registered')).toHaveLength(3);
		expect(results.filter((r) => r.ok && r.status === 'waitlisted')).toHaveLength(5);
		const seats = await t.db.selectFrom('workshop_registration').select('id').where('workshop_id', '=', id).where('status', '=', 'registered').execute();
		expect(seats).toHaveLength(3);
	});
});

describe('workshops: the trainer and their own session', () => {
	it('the session\'s trainer cannot register, scan or mark themselves present: no JP, no evidence', async () => {
		const id = await newWorkshop();
		expect(await registerForWorkshop(t.db, trainer, id, now0)).toEqual({ ok: false, code: 'ev_err_own_session' });
		// Even with a seat row written some other way, attendance is refused to the trainer.
		await t.db.insertInto('workshop_registration').values({ workshop_id: id, person_id: trainer.id, status: 'registered', queued_at: now0 }).execute();
		const during = new Date('2026-11-10T02:30:00Z');
		const code = (await currentAttendanceCode(t.db, trainer, id, during))!;
		expect(await previewAttendance(t.db, trainer, code.token!, during)).toMatchObject({ ok: false, code: 'ev_err_own_session' });
		expect(await attendByToken(t.db, trainer, code.token!, during)).toMatchObject({ ok: false, code: 'ev_err_own_session' });
		expect(await markAttendance(t.db, trainer, id, trainer.id, during)).toEqual({ ok: false, code: 'ev_err_own_session' });
		expect(await jpRows(trainer.id, 'workshop')).toHaveLength(0);
		expect(await t.db.selectFrom('competency_evidence').select('id').where('person_id', '=', trainer.id).where('source', '=', 'workshop').execute()).toHaveLength(0);
	});

	it('a trainer links a session only to a course they teach', async () => {
		const courseId = 'e-government-spbe';
		const r = await createWorkshop(t.db, trainer, values({ title: 'Klinik SPBE', courseId }), now0);
		expect(r).toEqual({ ok: false, problems: [{ field: 'courseId', code: 'err_choose' }] });
		await t.db.insertInto('course_trainer').values({ course_id: courseId, person_id: trainer.id }).execute();
		expect((await createWorkshop(t.db, trainer, values({ title: 'Klinik SPBE', courseId }), now0)).ok).toBe(true);
		await t.db.deleteFrom('course_trainer').where('person_id', '=', trainer.id).execute();
	});

	it('once the session has started nobody cancels and nobody waiting is moved up into it', async () => {
		const id = await newWorkshop({ capacity: '1' });
		const [a, waiting] = [await learner(), await learner()];
		await registerForWorkshop(t.db, a, id, now0);
		await registerForWorkshop(t.db, waiting, id, now0);
		const started = new Date('2026-11-10T02:05:00Z'); // 09:05 WIB, five minutes in
		expect(await cancelRegistration(t.db, a, id, started)).toEqual({ ok: false, code: 'ev_err_cancel_started' });
		expect((await workshopForLearner(t.db, waiting, id))!.myStatus).toBe('waitlisted');
		expect(await t.db.selectFrom('notification').select('id').where('person_id', '=', waiting.id).where('kind', '=', 'workshop_promoted').execute()).toHaveLength(0);
	});
});

describe('workshops: the trainer calls a session off', () => {
	it('only before it starts, with a reason, by its own trainer; everyone holding a place is told once; nothing more is taken', async () => {
		const id = await newWorkshop({ capacity: '1' });
		const [seated, waiting, late] = [await learner(), await learner(), await learner()];
		expect(await registerForWorkshop(t.db, seated, id, now0)).toEqual({ ok: true, status: 'registered' });
		expect(await registerForWorkshop(t.db, waiting, id, now0)).toEqual({ ok: true, status: 'waitlisted' });
		const otherTrainer = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'trainer'], unitId }));
		expect(await cancelWorkshop(t.db, otherTrainer, id, 'bukan sesi saya', now0)).toEqual({ ok: false, code: 'ev_err_workshop_unknown' });
		await expect(cancelWorkshop(t.db, seated, id, 'bukan pelatih', now0)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await cancelWorkshop(t.db, trainer, id, '   ', now0)).toEqual({ ok: false, code: 'ev_err_reason_required' });
		// 2026-11-10 09:00 WIB has begun at 02:00 UTC.
		expect(await cancelWorkshop(t.db, trainer, id, 'Narasumber berhalangan', new Date('2026-11-10T02:00:00Z'))).toEqual({ ok: false, code: 'ev_err_session_started' });

		expect(await cancelWorkshop(t.db, trainer, id, 'Narasumber berhalangan', now0)).toEqual({ ok: true });
		expect(await cancelWorkshop(t.db, trainer, id, 'Narasumber berhalangan', now0)).toEqual({ ok: true });
		const told = await t.db.selectFrom('notification').select(['person_id', 'params']).where('kind', '=', 'workshop_cancelled').where('link', '=', `/workshops/${id}`).execute();
		expect(told.map((n) => n.person_id).sort((a, b) => a - b)).toEqual([seated.id, waiting.id].sort((a, b) => a - b));
		expect(told[0].params).toMatchObject({ reason: 'Narasumber berhalangan' });

		expect(await registerForWorkshop(t.db, late, id, now0)).toEqual({ ok: false, code: 'ev_err_workshop_closed' });
		const code = await currentAttendanceCode(t.db, trainer, id, new Date('2026-11-10T03:00:00Z'));
		expect(code?.open).toBe(false);
		// The learner still sees the session they held a place in, marked as called off.
		const mine = await listWorkshopsForLearner(t.db, seated, now0);
		expect(mine.find((w) => w.id === id)?.status).toBe('cancelled');
		expect((await listWorkshopsForLearner(t.db, late, now0)).some((w) => w.id === id)).toBe(false);
	});
});

describe('workshops: the trainer edits a session', () => {
	/** The edit form as the trainer's page fills it, with some fields changed. */
	async function formOf(id: number, over: Partial<WorkshopValues> = {}): Promise<WorkshopValues> {
		const page = await trainerWorkshop(t.db, trainer, id, now0);
		if (!page?.edit) throw new Error(`session ${id} is not editable`);
		return { ...page.edit.values, ...over };
	}
	const changeNotices = (id: number) =>
		t.db
			.selectFrom('notification')
			.select(['person_id', 'kind', 'params', 'email_status'])
			.where('link', '=', `/workshops/${id}`)
			.where('kind', 'in', ['workshop_time_changed', 'workshop_place_changed', 'workshop_time_place_changed'])
			.orderBy('id')
			.execute();

	it('saves every field of the scheduling form, prefilled as it stands, and records who changed what', async () => {
		const id = await newWorkshop();
		const form = await formOf(id);
		expect(form).toMatchObject({ startsAt: '2026-11-10T09:00', endsAt: '2026-11-10T12:00', capacity: '2', jp: '4', competencyCode: 'TEK-ADU', competencyLevel: '2', partners: 'Universitas Sumatera Utara' });
		const r = await editWorkshop(
			t.db,
			trainer,
			id,
			{ ...form, title: 'Klinik Pengaduan Masyarakat (revisi)', description: 'Bawa contoh pengaduan dari unit Anda.', jp: '6', competencyLevel: '3', partners: 'Universitas Sumatera Utara\nOmbudsman RI Perwakilan Sumut', onlineUrl: 'https://zoom.example/j/1' },
			now0
		);
		expect(r).toEqual({ ok: true, changed: true, promoted: 0, told: 0 });
		const seen = (await workshopForLearner(t.db, await learner(), id))!;
		expect(seen).toMatchObject({ title: 'Klinik Pengaduan Masyarakat (revisi)', description: 'Bawa contoh pengaduan dari unit Anda.', jp: 6, competencyLevel: 3, onlineUrl: 'https://zoom.example/j/1' });
		expect(seen.partners).toEqual(['Universitas Sumatera Utara', 'Ombudsman RI Perwakilan Sumut']);
		const audit = await t.db.selectFrom('audit_event').select(['actor_id', 'detail']).where('action', '=', 'workshop.edited').where('subject', '=', `workshop:${id}`).execute();
		expect(audit).toHaveLength(1);
		expect(audit[0].actor_id).toBe(trainer.id);
		expect((audit[0].detail as { changed: string[] }).changed).toEqual(expect.arrayContaining(['title', 'description', 'jp', 'competency', 'partners', 'place']));
		// The same form again finds nothing to change and records nothing.
		expect(await editWorkshop(t.db, trainer, id, await formOf(id), now0)).toEqual({ ok: true, changed: false, promoted: 0, told: 0 });
		expect(await t.db.selectFrom('audit_event').select('id').where('action', '=', 'workshop.edited').where('subject', '=', `workshop:${id}`).execute()).toHaveLength(1);
	});

	it('refuses a form opened before someone else saved (two tabs), keeping the later save; the same form sent twice is harmless', async () => {
		const id = await newWorkshop();
		const opened = await trainerWorkshop(t.db, trainer, id, now0);
		const tabA = { ...opened!.edit!.values, place: 'Ruang Rapat Kecamatan Medan Baru' };
		const tabB = { ...opened!.edit!.values, capacity: '4' };
		const version = opened!.edit!.version;
		expect(await editWorkshop(t.db, trainer, id, tabA, now0, version)).toMatchObject({ ok: true, changed: true });
		// The same form again (a double submit) carries the old version too, but finds nothing to
		// change: it reads as saved, not as a conflict.
		expect(await editWorkshop(t.db, trainer, id, tabA, now0, version)).toEqual({ ok: true, changed: false, promoted: 0, told: 0 });
		// Tab B, opened before tab A saved, would put the old place back: refused, nothing changes.
		expect(await editWorkshop(t.db, trainer, id, tabB, now0, version)).toEqual({ ok: false, code: 'ev_err_workshop_changed_meanwhile' });
		const row = await t.db.selectFrom('workshop').select(['place', 'capacity']).where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toEqual({ place: 'Ruang Rapat Kecamatan Medan Baru', capacity: 2 });
		expect(await changeNotices(id)).toHaveLength(0); // nobody registered yet
		// Reopened, the form carries the new version and saves.
		const reopened = await trainerWorkshop(t.db, trainer, id, now0);
		expect(reopened!.edit!.version).not.toBe(version);
		expect(await editWorkshop(t.db, trainer, id, { ...reopened!.edit!.values, capacity: '4' }, now0, reopened!.edit!.version)).toMatchObject({ ok: true, changed: true });
	});

	it('checks the form with the scheduling rules, naming each field, and changes nothing', async () => {
		const id = await newWorkshop();
		const r = await editWorkshop(t.db, trainer, id, await formOf(id, { title: '', startsAt: '2026-11-01T09:00', endsAt: '2026-11-01T08:00', place: '', capacity: '0', jp: 'x' }), now0);
		expect(r.ok === false && 'problems' in r ? r.problems.map((p) => p.field).sort() : r).toEqual(['capacity', 'endsAt', 'jp', 'place', 'startsAt', 'title']);
		expect((await workshopForLearner(t.db, trainer, id))!.place).toBe('Aula BKPSDM, Jl. Kapten Maulana Lubis No. 2');
	});

	it('is refused after the start, once attendance is recorded, when cancelled, and to anyone but its own trainer', async () => {
		const id = await newWorkshop();
		const form = await formOf(id, { place: 'Ruang Rapat Lt. 2' });
		const otherTrainer = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'trainer'], unitId }));
		expect(await editWorkshop(t.db, otherTrainer, id, form, now0)).toEqual({ ok: false, code: 'ev_err_workshop_unknown' });
		expect(await trainerWorkshop(t.db, otherTrainer, id, now0)).toBeNull();
		await expect(editWorkshop(t.db, await learner(), id, form, now0)).rejects.toBeInstanceOf(ForbiddenError);
		// Admins do not run trainers' sessions (the /trainer area is for trainers).
		await expect(editWorkshop(t.db, admin, id, form, now0)).rejects.toBeInstanceOf(ForbiddenError);
		// 2026-11-10 09:00 WIB has begun at 02:00 UTC.
		const started = new Date('2026-11-10T02:00:00Z');
		expect(await editWorkshop(t.db, trainer, id, form, started)).toEqual({ ok: false, code: 'ev_err_edit_started' });
		expect((await trainerWorkshop(t.db, trainer, id, started))!).toMatchObject({ editBlock: 'ev_err_edit_started', edit: null });

		// Attendance opens half an hour early; once someone is present, the session stays as it is.
		const present = await learner();
		await registerForWorkshop(t.db, present, id, now0);
		const early = new Date('2026-11-10T01:40:00Z'); // 08:40 WIB
		expect(await markAttendance(t.db, trainer, id, present.id, early)).toEqual({ ok: true });
		expect(await editWorkshop(t.db, trainer, id, form, early)).toEqual({ ok: false, code: 'ev_err_edit_attended' });

		const called = await newWorkshop();
		const calledForm = await formOf(called, { place: 'Ruang Rapat Lt. 2' });
		expect(await cancelWorkshop(t.db, trainer, called, 'Narasumber berhalangan', now0)).toEqual({ ok: true });
		expect(await editWorkshop(t.db, trainer, called, calledForm, now0)).toEqual({ ok: false, code: 'ev_err_edit_cancelled' });
		expect((await trainerWorkshop(t.db, trainer, called, now0))!).toMatchObject({ editBlock: 'ev_err_edit_cancelled', edit: null });

		for (const w of [id, called]) expect((await workshopForLearner(t.db, trainer, w))!.place).toBe('Aula BKPSDM, Jl. Kapten Maulana Lubis No. 2');
		expect(await changeNotices(id)).toEqual([]);
	});

	it('a higher capacity moves people up from the waiting list in queue order, each notified', async () => {
		const id = await newWorkshop({ capacity: '1' });
		const [a, b, c, d] = [await learner(), await learner(), await learner(), await learner()];
		for (const [i, p] of [a, b, c, d].entries()) await registerForWorkshop(t.db, p, id, new Date(now0.getTime() + i * 1000));
		expect(await editWorkshop(t.db, trainer, id, await formOf(id, { capacity: '3' }), new Date(now0.getTime() + 5000))).toEqual({ ok: true, changed: true, promoted: 2, told: 0 });
		expect((await workshopForLearner(t.db, b, id))!.myStatus).toBe('registered');
		expect((await workshopForLearner(t.db, c, id))!.myStatus).toBe('registered');
		expect((await workshopForLearner(t.db, d, id))!).toMatchObject({ myStatus: 'waitlisted', myWaitPosition: 1, registered: 3, capacity: 3 });
		const promoted = await t.db.selectFrom('notification').select('person_id').where('kind', '=', 'workshop_promoted').where('link', '=', `/workshops/${id}`).execute();
		expect(promoted.map((n) => n.person_id).sort((x, y) => x - y)).toEqual([b.id, c.id].sort((x, y) => x - y));
	});

	it('a capacity below the people registered is refused, naming their number, and nothing changes', async () => {
		const id = await newWorkshop({ capacity: '3' });
		const people = [await learner(), await learner(), await learner()];
		for (const p of people) await registerForWorkshop(t.db, p, id, now0);
		const r = await editWorkshop(t.db, trainer, id, await formOf(id, { capacity: '2', place: 'Ruang Rapat Lt. 2' }), now0);
		expect(r).toEqual({ ok: false, problems: [{ field: 'capacity', code: 'ev_err_capacity_below_registered', params: { n: 3 } }] });
		const after = (await workshopForLearner(t.db, people[2], id))!;
		expect(after).toMatchObject({ capacity: 3, registered: 3, myStatus: 'registered', place: 'Aula BKPSDM, Jl. Kapten Maulana Lubis No. 2' });
		expect(await changeNotices(id)).toEqual([]);
		// Down to exactly the number registered is allowed.
		expect(await editWorkshop(t.db, trainer, id, await formOf(id, { capacity: '3', jp: '5' }), now0)).toMatchObject({ ok: true, changed: true });
	});

	it('a new time or place is told once to everyone registered or waiting, with old and new; a double submit tells no more', async () => {
		const id = await newWorkshop({ capacity: '1' });
		const [seated, waiting, gone] = [await learner(), await learner(), await learner()];
		for (const p of [seated, waiting, gone]) await registerForWorkshop(t.db, p, id, now0);
		await cancelRegistration(t.db, gone, id, now0);
		const form = await formOf(id, { startsAt: '2026-11-11T13:00', endsAt: '2026-11-11T15:30', place: 'Ruang Rapat Lt. 2 Kantor Wali Kota' });
		const [first, second] = await Promise.all([editWorkshop(t.db, trainer, id, form, now0), editWorkshop(t.db, trainer, id, form, now0)]);
		expect([first, second]).toEqual(expect.arrayContaining([{ ok: true, changed: true, promoted: 0, told: 2 }, { ok: true, changed: false, promoted: 0, told: 0 }]));
		let told = await changeNotices(id);
		expect(told.map((n) => n.person_id).sort((x, y) => x - y)).toEqual([seated.id, waiting.id].sort((x, y) => x - y));
		expect(told[0]).toMatchObject({
			kind: 'workshop_time_place_changed',
			email_status: 'pending',
			params: { fromTime: '2026-11-10 09:00–12:00 WIB', toTime: '2026-11-11 13:00–15:30 WIB', fromPlace: 'Aula BKPSDM, Jl. Kapten Maulana Lubis No. 2', toPlace: 'Ruang Rapat Lt. 2 Kantor Wali Kota' }
		});
		expect(await editWorkshop(t.db, trainer, id, form, now0)).toMatchObject({ ok: true, changed: false, told: 0 });
		expect(await changeNotices(id)).toHaveLength(2);

		// Only the place: a place notice. Moved back, then again: each move is told.
		for (const place of ['Aula BKPSDM', 'Ruang Rapat Lt. 2 Kantor Wali Kota', 'Aula BKPSDM']) {
			expect(await editWorkshop(t.db, trainer, id, await formOf(id, { place }), now0)).toMatchObject({ ok: true, changed: true, told: 2 });
		}
		told = await changeNotices(id);
		expect(told.filter((n) => n.person_id === waiting.id).map((n) => n.kind)).toEqual(['workshop_time_place_changed', 'workshop_place_changed', 'workshop_place_changed', 'workshop_place_changed']);
		expect(told.at(-1)!.params).toMatchObject({ date: '2026-11-11 13:00–15:30 WIB', from: 'Ruang Rapat Lt. 2 Kantor Wali Kota', to: 'Aula BKPSDM' });
		// Only the time: a time notice.
		expect(await editWorkshop(t.db, trainer, id, await formOf(id, { endsAt: '2026-11-11T16:00' }), now0)).toMatchObject({ ok: true, told: 2 });
		expect((await changeNotices(id)).at(-1)).toMatchObject({ kind: 'workshop_time_changed', params: { from: '2026-11-11 13:00–15:30 WIB', to: '2026-11-11 13:00–16:00 WIB' } });
		expect((await changeNotices(id)).some((n) => n.person_id === gone.id)).toBe(false);
	});

	it('a new description, title, JP or competency tells nobody', async () => {
		const id = await newWorkshop({ capacity: '1' });
		const [seated, waiting] = [await learner(), await learner()];
		for (const p of [seated, waiting]) await registerForWorkshop(t.db, p, id, now0);
		const before = await t.db.selectFrom('notification').select('id').where('person_id', 'in', [seated.id, waiting.id]).execute();
		expect(await editWorkshop(t.db, trainer, id, await formOf(id, { description: 'Materi: alur SP4N-LAPOR!' }), now0)).toEqual({ ok: true, changed: true, promoted: 0, told: 0 });
		expect(await editWorkshop(t.db, trainer, id, await formOf(id, { title: 'Workshop SP4N-LAPOR!', jp: '3', competencyCode: '', competencyLevel: '' }), now0)).toEqual({
			ok: true,
			changed: true,
			promoted: 0,
			told: 0
		});
		const after = await t.db.selectFrom('notification').select('id').where('person_id', 'in', [seated.id, waiting.id]).execute();
		expect(after).toHaveLength(before.length);
	});
});

describe('workshops: attendance', () => {
	it('a current QR token records attendance once, with one klasikal JP entry and one piece of evidence', async () => {
		const id = await newWorkshop({ capacity: '1' });
		const [a, waiting] = [await learner(), await learner()];
		await registerForWorkshop(t.db, a, id, now0);
		await registerForWorkshop(t.db, waiting, id, now0);
		const during = new Date('2026-11-10T02:30:00Z'); // 09:30 WIB
		const code = (await currentAttendanceCode(t.db, trainer, id, during))!;
		expect(code.open).toBe(true);
		const first = await attendByToken(t.db, a, code.token!, during);
		expect(first).toMatchObject({ ok: true, already: false, jp: 4 });
		const again = await attendByToken(t.db, a, code.token!, new Date(during.getTime() + 10_000));
		expect(again).toMatchObject({ ok: true, already: true });
		const jp = await jpRows(a.id, 'workshop');
		expect(jp).toHaveLength(1);
		expect(jp[0]).toMatchObject({ kind: 'klasikal', jp: 4, occurred_on: '2026-11-10', source_ref: `workshop:${id}`, minutes: 180 });
		const ev = await t.db.selectFrom('competency_evidence').selectAll().where('person_id', '=', a.id).execute();
		expect(ev).toHaveLength(1);
		expect(ev[0]).toMatchObject({ competency_code: 'TEK-ADU', level: 2, source: 'workshop' });
		// The waiting person is not in the room's list: refused, nothing written.
		expect(await attendByToken(t.db, waiting, code.token!, during)).toMatchObject({ ok: false, code: 'ev_err_waitlisted' });
		expect(await jpRows(waiting.id, 'workshop')).toHaveLength(0);
		// A picture of the code sent on later no longer works.
		expect(await attendByToken(t.db, a, code.token!, new Date(during.getTime() + 5 * MIN))).toMatchObject({ ok: false, code: 'ev_err_token_expired' });
		expect(await attendByToken(t.db, a, 'rubbish', during)).toMatchObject({ ok: false, code: 'ev_err_token_invalid' });
	});

	it('opening the scanned link writes nothing until the learner confirms', async () => {
		const id = await newWorkshop();
		const a = await learner();
		await registerForWorkshop(t.db, a, id, now0);
		const during = new Date('2026-11-10T02:30:00Z');
		const code = (await currentAttendanceCode(t.db, trainer, id, during))!;
		expect(await previewAttendance(t.db, a, code.token!, during)).toMatchObject({ ok: true, workshopId: id, already: false, jp: 4 });
		expect(await jpRows(a.id, 'workshop')).toHaveLength(0);
		const reg = await t.db.selectFrom('workshop_registration').select('attended_at').where('workshop_id', '=', id).where('person_id', '=', a.id).executeTakeFirstOrThrow();
		expect(reg.attended_at).toBeNull();
	});

	it('reads the form\'s date and time on Medan\'s clock (WIB)', () => {
		expect(parseWibDateTime('2026-12-03T09:00')!.toISOString()).toBe('2026-12-03T02:00:00.000Z');
		expect(parseWibDateTime('2026-12-03')).toBeNull();
	});

	it('the code is only shown to the session\'s own trainer, and only around the session', async () => {
		const id = await newWorkshop();
		const other = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'trainer'] }));
		expect(await currentAttendanceCode(t.db, other, id, new Date('2026-11-10T02:30:00Z'))).toBeNull();
		expect((await currentAttendanceCode(t.db, trainer, id, now0))!.open).toBe(false);
	});

	it('the trainer marks a registered person present; marking twice writes JP once', async () => {
		const id = await newWorkshop({ competencyCode: '', competencyLevel: '' });
		const a = await learner();
		await registerForWorkshop(t.db, a, id, now0);
		const during = new Date('2026-11-10T03:00:00Z');
		expect(await markAttendance(t.db, trainer, id, a.id, during)).toEqual({ ok: true });
		expect(await markAttendance(t.db, trainer, id, a.id, during)).toEqual({ ok: true });
		expect(await jpRows(a.id, 'workshop')).toHaveLength(1);
		expect(await t.db.selectFrom('competency_evidence').select('id').where('person_id', '=', a.id).execute()).toHaveLength(0);
		const other = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'trainer'] }));
		await expect(markAttendance(t.db, other, id, a.id, during)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('level 1: only an attendee evaluates, once; the trainer sees the averages from three answers', async () => {
		const id = await newWorkshop({ capacity: '5' });
		const [a, absent] = [await learner(), await learner()];
		await registerForWorkshop(t.db, a, id, now0);
		await markAttendance(t.db, trainer, id, a.id, new Date('2026-11-10T03:00:00Z'));
		const form = { relevance: '5', clarity: '4', delivery: '4', usefulness: '5', comment: 'Contoh kasus dari kelurahan sangat membantu.' };
		await expect(submitReaction(t.db, absent, { kind: 'workshop', workshopId: id }, form)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await submitReaction(t.db, a, { kind: 'workshop', workshopId: id }, { ...form, clarity: '9' })).toMatchObject({ ok: false });
		expect(await submitReaction(t.db, a, { kind: 'workshop', workshopId: id }, form)).toEqual({ ok: true });
		expect(await submitReaction(t.db, a, { kind: 'workshop', workshopId: id }, { ...form, relevance: '1' })).toEqual({ ok: true });
		expect(await reactionStatus(t.db, a, { kind: 'workshop', workshopId: id })).toEqual({ eligible: true, done: true });
		// One answer: counted, but its ratings are not given out (they would be that person's own).
		const one = (await evaluationResults(t.db, trainer)).workshops.find((w) => w.id === id)!;
		expect(one).toMatchObject({ responses: 1, relevance: null, clarity: null, overall: null, attended: 1 });
		// From three answers on, the averages.
		for (const p of [await learner(), await learner()]) {
			await registerForWorkshop(t.db, p, id, now0);
			await markAttendance(t.db, trainer, id, p.id, new Date('2026-11-10T03:00:00Z'));
			expect(await submitReaction(t.db, p, { kind: 'workshop', workshopId: id }, { ...form, relevance: '4' })).toEqual({ ok: true });
		}
		const three = (await evaluationResults(t.db, trainer)).workshops.find((w) => w.id === id)!;
		expect(three).toMatchObject({ responses: 3, relevance: 4.33, clarity: 4, attended: 3 });
		// A session nobody has evaluated answers 0, not 1.
		const none = await newWorkshop();
		expect((await evaluationResults(t.db, trainer)).workshops.find((w) => w.id === none)).toMatchObject({ responses: 0, overall: null });
	});
});

describe('level 1 on a course', () => {
	it('is offered only once the course is completed, and kept once', async () => {
		const a = await learner();
		const version = await t.db.selectFrom('course').select('current_version_id').where('id', '=', 'e-government-spbe').executeTakeFirstOrThrow();
		const course = { kind: 'course' as const, courseId: 'e-government-spbe' };
		const form = { relevance: '4', clarity: '4', delivery: '3', usefulness: '5', comment: '' };
		await t.db.insertInto('enrolment').values({ person_id: a.id, course_id: 'e-government-spbe', course_version_id: version.current_version_id!, status: 'active' }).execute();
		expect(await reactionStatus(t.db, a, course)).toEqual({ eligible: false, done: false });
		await expect(submitReaction(t.db, a, course, form)).rejects.toBeInstanceOf(ForbiddenError);
		await t.db.updateTable('enrolment').set({ status: 'completed', completed_at: new Date() }).where('person_id', '=', a.id).execute();
		expect(await submitReaction(t.db, a, course, form)).toEqual({ ok: true });
		expect(await submitReaction(t.db, a, course, { ...form, delivery: '1' })).toEqual({ ok: true });
		const rows = await t.db.selectFrom('training_evaluation').selectAll().where('person_id', '=', a.id).execute();
		expect(rows).toHaveLength(1);
		expect(rows[0].delivery).toBe(3);
	});
});

describe('mentoring', () => {
	it('a supervisor pairs within the subtree only; confirmed sessions write the mentee\'s JP once and the mentor\'s evidence', async () => {
		const kec = await addUnit(t.db, 'KEC-MEDAN-BARU', null, 'kecamatan');
		const kel = await addUnit(t.db, 'KEL-PADANG-BULAN', kec, 'kelurahan');
		const elsewhere = await addUnit(t.db, 'KEC-MEDAN-KOTA', null, 'kecamatan');
		const camat = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'supervisor'], unitId: kec }));
		const mentor = await learner(kec);
		const mentee = await learner(kel);
		const outsider = await learner(elsewhere);
		const pair = { mentor: '', mentee: '', startsOn: '2026-10-01', endsOn: '2027-03-31', goal: 'Adaptasi CPNS di pelayanan kelurahan' };
		const nipOf = async (id: number) => (await t.db.selectFrom('person').select('nip').where('id', '=', id).executeTakeFirstOrThrow()).nip!;
		const refused = await createPair(t.db, camat, { ...pair, mentor: await nipOf(mentor.id), mentee: await nipOf(outsider.id) });
		expect(refused).toEqual({ ok: false, problems: [{ field: 'mentee', code: 'ev_err_person_out_of_reach' }] });
		await expect(createPair(t.db, mentee, { ...pair, mentor: await nipOf(mentor.id), mentee: await nipOf(mentee.id) })).rejects.toBeInstanceOf(ForbiddenError);
		const created = await createPair(t.db, camat, { ...pair, mentor: await nipOf(mentor.id), mentee: await nipOf(mentee.id) });
		expect(created.ok).toBe(true);
		const again = await createPair(t.db, camat, { ...pair, mentor: await nipOf(mentor.id), mentee: await nipOf(mentee.id) });
		expect(again).toEqual(created);
		const pairId = (created as { id: number }).id;

		const now = new Date('2026-11-20T05:00:00Z');
		const session = { heldOn: '2026-11-18', minutes: '90', topic: 'Menangani keluhan warga di loket', agreedActions: 'Mencatat setiap keluhan di buku register' };
		await expect(logSession(t.db, mentee, pairId, session, now)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await logSession(t.db, mentor, pairId, { ...session, heldOn: '2026-11-25' }, now)).toMatchObject({ ok: false, problems: [{ field: 'heldOn', code: 'ev_err_in_future' }] });
		expect(await logSession(t.db, mentor, pairId, session, now)).toEqual({ ok: true });
		expect(await logSession(t.db, mentor, pairId, session, now)).toEqual({ ok: true }); // double submit
		const mine = await myMentoring(t.db, mentee);
		expect(mine).toHaveLength(1);
		expect(mine[0].sessions).toHaveLength(1);
		const sessionId = mine[0].sessions[0].id;

		await expect(confirmSession(t.db, mentor, sessionId, now)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await confirmSession(t.db, mentee, sessionId, now)).toEqual({ ok: true, jp: 2, first: true });
		expect(await confirmSession(t.db, mentee, sessionId, now)).toEqual({ ok: true, jp: 2, first: false });
		const jp = await jpRows(mentee.id, 'mentoring');
		expect(jp).toHaveLength(1);
		expect(jp[0]).toMatchObject({ kind: 'non-klasikal', jp: 2, minutes: 90, occurred_on: '2026-11-18' });
		const ev = await t.db.selectFrom('competency_evidence').selectAll().where('person_id', '=', mentor.id).execute();
		expect(ev).toHaveLength(1);
		expect(ev[0]).toMatchObject({ competency_code: 'MNJ-PDO', level: 3, source: 'mentoring' });
		expect(await jpRows(mentor.id, 'mentoring')).toHaveLength(0);
	});
});

describe('mentoring: double submits and stored titles', () => {
	it('two submits of the same pairing at once store one pair (unique key)', async () => {
		const [mentor, mentee] = [await learner(), await learner()];
		const nipOf = async (id: number) => (await t.db.selectFrom('person').select('nip').where('id', '=', id).executeTakeFirstOrThrow()).nip!;
		const v = { mentor: await nipOf(mentor.id), mentee: await nipOf(mentee.id), startsOn: '2026-11-01', endsOn: '2027-01-31', goal: '' };
		const [a, b] = await Promise.all([createPair(t.db, admin, v), createPair(t.db, admin, v)]);
		expect(a.ok && b.ok).toBe(true);
		expect(a).toEqual(b);
		expect(await t.db.selectFrom('mentoring_pair').select('id').where('mentor_id', '=', mentor.id).execute()).toHaveLength(1);
		await expect(
			t.db.insertInto('mentoring_pair').values({ mentor_id: mentor.id, mentee_id: mentee.id, starts_on: '2026-11-01', ends_on: '2027-01-31' }).execute()
		).rejects.toThrow();
	});

	it('an impossible date is a field error, not a database error', async () => {
		const [mentor, mentee] = [await learner(), await learner()];
		const nipOf = async (id: number) => (await t.db.selectFrom('person').select('nip').where('id', '=', id).executeTakeFirstOrThrow()).nip!;
		const r = await createPair(t.db, admin, { mentor: await nipOf(mentor.id), mentee: await nipOf(mentee.id), startsOn: '2026-02-31', endsOn: '2026-03-31', goal: '' });
		expect(r).toEqual({ ok: false, problems: [{ field: 'startsOn', code: 'ev_err_date' }] });
	});

	it('stores neutral titles (the topic, the mentee\'s name); the words come from the catalogue', async () => {
		const [mentor, mentee] = [await learner(), await learner()];
		const menteeName = (await t.db.selectFrom('person').select('name').where('id', '=', mentee.id).executeTakeFirstOrThrow()).name;
		const nipOf = async (id: number) => (await t.db.selectFrom('person').select('nip').where('id', '=', id).executeTakeFirstOrThrow()).nip!;
		const pair = await createPair(t.db, admin, { mentor: await nipOf(mentor.id), mentee: await nipOf(mentee.id), startsOn: '2026-10-01', endsOn: '2027-03-31', goal: '' });
		const now = new Date('2026-11-20T05:00:00Z');
		await logSession(t.db, mentor, (pair as { id: number }).id, { heldOn: '2026-11-18', minutes: '45', topic: 'Arsip digital kelurahan', agreedActions: '' }, now);
		const [s] = (await myMentoring(t.db, mentee))[0].sessions;
		await confirmSession(t.db, mentee, s.id, now);
		expect((await jpRows(mentee.id, 'mentoring'))[0].title).toBe('Arsip digital kelurahan');
		const ev = await t.db.selectFrom('competency_evidence').select('title').where('person_id', '=', mentor.id).executeTakeFirstOrThrow();
		expect(ev.title).toBe(menteeName);
	});
});

describe('level 3: the queued job asks the supervisor', () => {
	it('creates one request and one notification per completion ~90 days old, however often it runs', async () => {
		const boss = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'supervisor'], unitId }));
		const otherBoss = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'supervisor'], unitId }));
		const now = new Date('2027-03-01T00:00:00Z');
		const version = await t.db.selectFrom('course').select('current_version_id').where('id', '=', 'pelayanan-publik-prima').executeTakeFirstOrThrow();
		const enrolFor = async (personId: number, completedAt: Date) =>
			t.db
				.insertInto('enrolment')
				.values({ person_id: personId, course_id: 'pelayanan-publik-prima', course_version_id: version.current_version_id!, status: 'completed', completed_at: completedAt })
				.execute();
		const old = await learner(unitId, boss.id);
		const recent = await learner(unitId, boss.id);
		await enrolFor(old.id, new Date(now.getTime() - 91 * DAY));
		await enrolFor(recent.id, new Date(now.getTime() - 30 * DAY));
		const job = evaluationJobs.find((j) => j.name === 'evaluation.request-behaviour')!;
		expect(job.schedule).toBe('0 6 * * *');
		await job.handler(t.db, {}, now);
		await job.handler(t.db, {}, now);
		const requests = (await behaviourRequests(t.db, boss)).rows;
		expect(requests).toHaveLength(1);
		expect(requests[0].courseId).toBe('pelayanan-publik-prima');
		const notes = await t.db.selectFrom('notification').selectAll().where('person_id', '=', boss.id).where('kind', '=', 'behaviour_evaluation_requested').execute();
		expect(notes).toHaveLength(1);
		expect((await behaviourRequests(t.db, otherBoss)).rows).toHaveLength(0);
		await expect(answerBehaviour(t.db, otherBoss, requests[0].id, { rating: '3', note: '' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await answerBehaviour(t.db, boss, requests[0].id, { rating: '4', note: 'Menerapkan alur pengaduan baru.' })).toEqual({ ok: true });
		expect(await answerBehaviour(t.db, boss, requests[0].id, { rating: '1', note: '' })).toEqual({ ok: true });
		expect((await behaviourRequests(t.db, boss)).rows[0].rating).toBe(4);
		// Ninety days after the recent one, the job asks about it too.
		await job.handler(t.db, {}, new Date(now.getTime() + 61 * DAY));
		expect((await behaviourRequests(t.db, boss)).rows).toHaveLength(2);
	});
});

describe('level 3 for workshops: the job asks the supervisor of each attendee', () => {
	// The sessions of newWorkshop() start 2026-11-10 09:00 WIB; attendance is marked at 10:00 WIB.
	const during = new Date('2026-11-10T03:00:00Z');
	const daysAfter = (n: number) => new Date(during.getTime() + n * DAY);
	const job = () => evaluationJobs.find((j) => j.name === 'evaluation.request-behaviour')!;
	const requestsOf = (personId: number) => t.db.selectFrom('behaviour_evaluation').selectAll().where('person_id', '=', personId).execute();

	it('asks about an attended session ~90 days on: not before, not the absent, not twice, not without a supervisor', async () => {
		const boss = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'supervisor'], unitId }));
		const otherBoss = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'supervisor'], unitId }));
		const id = await newWorkshop({ capacity: '5' });
		const title = (await t.db.selectFrom('workshop').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title;
		const [present, absent, noBoss] = [await learner(unitId, boss.id), await learner(unitId, boss.id), await learner(unitId, null)];
		for (const p of [present, absent, noBoss]) expect(await registerForWorkshop(t.db, p, id, now0)).toMatchObject({ ok: true, status: 'registered' });
		for (const p of [present, noBoss]) expect(await markAttendance(t.db, trainer, id, p.id, during)).toEqual({ ok: true });

		// Eighty-nine days after the session nobody is asked yet.
		await job().handler(t.db, {}, daysAfter(89));
		expect((await behaviourRequests(t.db, boss)).rows).toHaveLength(0);

		// Ninety-one days after: one request about the person present, however often and however
		// many at once the job runs.
		await Promise.all([job().handler(t.db, {}, daysAfter(91)), job().handler(t.db, {}, daysAfter(91))]);
		await job().handler(t.db, {}, daysAfter(92));
		const { rows, total } = await behaviourRequests(t.db, boss);
		expect(total).toBe(1);
		expect(rows[0]).toMatchObject({ kind: 'workshop', title, workshopId: id, courseId: null, completedOn: '2026-11-10', rating: null });
		expect(rows[0].name).toBe((await t.db.selectFrom('person').select('name').where('id', '=', present.id).executeTakeFirstOrThrow()).name);
		expect(await requestsOf(absent.id)).toHaveLength(0);
		expect(await requestsOf(noBoss.id)).toHaveLength(0);
		const notes = await t.db.selectFrom('notification').selectAll().where('person_id', '=', boss.id).execute();
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({ kind: 'behaviour_workshop_requested', link: '/supervisor/evaluations', email_status: 'pending' });
		expect(notes[0].params).toMatchObject({ workshop: title });

		// Only the addressed supervisor answers; the first answer stands.
		expect((await behaviourRequests(t.db, otherBoss)).rows).toHaveLength(0);
		await expect(answerBehaviour(t.db, otherBoss, rows[0].id, { rating: '2', note: '' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await answerBehaviour(t.db, boss, rows[0].id, { rating: '5', note: 'Tidak ada nilai lima.' })).toEqual({ ok: false, problems: [{ field: 'rating', code: 'err_choose' }] });
		expect(await answerBehaviour(t.db, boss, rows[0].id, { rating: '3', note: 'Maklumat pelayanan sudah dipasang di loket.' })).toEqual({ ok: true });
		expect(await answerBehaviour(t.db, boss, rows[0].id, { rating: '1', note: '' })).toEqual({ ok: true });
		expect((await behaviourRequests(t.db, boss)).rows[0]).toMatchObject({ rating: 3, note: 'Maklumat pelayanan sudah dipasang di loket.' });
		const answered = (await requestsOf(present.id))[0];
		expect(answered.answered_by).toBe(boss.id);

		// Later runs ask nothing more about it, and the absent person is never asked.
		await job().handler(t.db, {}, daysAfter(150));
		expect(await requestsOf(present.id)).toHaveLength(1);
		expect(await requestsOf(absent.id)).toHaveLength(0);
		expect(await t.db.selectFrom('notification').select('id').where('person_id', '=', boss.id).execute()).toHaveLength(1);
	});

	it('does not back-fill sessions attended more than 180 days before', async () => {
		const boss = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'supervisor'], unitId }));
		const id = await newWorkshop();
		const a = await learner(unitId, boss.id);
		await registerForWorkshop(t.db, a, id, now0);
		await markAttendance(t.db, trainer, id, a.id, during);
		await job().handler(t.db, {}, daysAfter(181));
		expect(await requestsOf(a.id)).toHaveLength(0);
	});

	it('counts from the day of the session, not from the day the trainer marked attendance', async () => {
		const boss = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'supervisor'], unitId }));
		const id = await newWorkshop();
		const a = await learner(unitId, boss.id);
		await registerForWorkshop(t.db, a, id, now0);
		// Marked present 40 days after the session (a trainer catching up on paper lists).
		await markAttendance(t.db, trainer, id, a.id, daysAfter(40));
		await job().handler(t.db, {}, daysAfter(91));
		const asked = await requestsOf(a.id);
		expect(asked).toHaveLength(1);
		expect(asked[0].completed_on).toBe('2026-11-10');
	});

	it('the trainer sees the level-3 ratings of their own session only; courses keep their own', async () => {
		const boss = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'supervisor'], unitId }));
		const otherTrainer = actorOf(await addPerson(t.db, { nip: nip(), roles: ['learner', 'trainer'], unitId }));
		const courseRowsBefore = (await evaluationResults(t.db, admin)).courses.map((c) => [c.id, c.behaviourAsked]);
		const rated = await newWorkshop({ capacity: '5' });
		const quiet = await newWorkshop({ capacity: '5' });
		const r = await createWorkshop(t.db, otherTrainer, values({ title: 'Workshop pelatih lain' }), now0);
		if (!r.ok) throw new Error(JSON.stringify(r.problems));
		const [a, b, d, c] = [await learner(unitId, boss.id), await learner(unitId, boss.id), await learner(unitId, boss.id), await learner(unitId, boss.id)];
		for (const p of [a, b, d]) {
			await registerForWorkshop(t.db, p, rated, now0);
			await markAttendance(t.db, trainer, rated, p.id, during);
		}
		await registerForWorkshop(t.db, c, r.id, now0);
		await markAttendance(t.db, otherTrainer, r.id, c.id, during);
		await job().handler(t.db, {}, daysAfter(95));
		const mine = (await behaviourRequests(t.db, boss)).rows;
		expect(mine.map((x) => x.workshopId).sort()).toEqual([rated, rated, rated, r.id].sort());
		const [first, second, third] = mine.filter((x) => x.workshopId === rated);
		await answerBehaviour(t.db, boss, first.id, { rating: '4', note: '' });
		await answerBehaviour(t.db, boss, second.id, { rating: '3', note: '' });
		await answerBehaviour(t.db, boss, mine.find((x) => x.workshopId === r.id)!.id, { rating: '1', note: '' });

		// Two answers: counted, but no average (a trainer could tell whose rating it is).
		expect((await evaluationResults(t.db, trainer)).workshops.find((w) => w.id === rated)).toMatchObject({ behaviourAsked: 3, behaviourAnswers: 2, behaviourAvg: null });
		await answerBehaviour(t.db, boss, third.id, { rating: '2', note: '' });
		const results = await evaluationResults(t.db, trainer);
		expect(results.minAnswers).toBe(3);
		expect(results.workshops.find((w) => w.id === rated)).toMatchObject({ behaviourAsked: 3, behaviourAnswers: 3, behaviourAvg: 3 });
		expect(results.workshops.find((w) => w.id === quiet)).toMatchObject({ behaviourAsked: 0, behaviourAnswers: 0, behaviourAvg: null });
		expect(results.workshops.some((w) => w.id === r.id)).toBe(false);
		const theirs = await evaluationResults(t.db, otherTrainer);
		expect(theirs.workshops.map((w) => w.id)).toEqual([r.id]);
		expect(theirs.workshops[0]).toMatchObject({ behaviourAsked: 1, behaviourAnswers: 1, behaviourAvg: null });
		// The admin sees every session; no course's level-3 figures moved.
		const all = await evaluationResults(t.db, admin);
		expect(all.workshops.find((w) => w.id === rated)).toMatchObject({ behaviourAnswers: 3, behaviourAvg: 3 });
		expect(all.courses.map((x) => [x.id, x.behaviourAsked])).toEqual(courseRowsBefore);
	});

	it('the database holds a request to exactly one subject, once, with the registration\'s own session', async () => {
		const id = await newWorkshop();
		const other = await newWorkshop();
		const a = await learner();
		await registerForWorkshop(t.db, a, id, now0);
		const reg = await t.db.selectFrom('workshop_registration').select('id').where('workshop_id', '=', id).where('person_id', '=', a.id).executeTakeFirstOrThrow();
		const version = await t.db.selectFrom('course').select('current_version_id').where('id', '=', 'e-government-spbe').executeTakeFirstOrThrow();
		const enrolment = await t.db
			.insertInto('enrolment')
			.values({ person_id: a.id, course_id: 'e-government-spbe', course_version_id: version.current_version_id!, status: 'completed', completed_at: during })
			.returning('id')
			.executeTakeFirstOrThrow();
		const base = { person_id: a.id, completed_on: '2026-11-10' };
		// Neither subject, both subjects, a registration without its session, a session not the registration's.
		await expect(t.db.insertInto('behaviour_evaluation').values(base).execute()).rejects.toThrow();
		await expect(
			t.db.insertInto('behaviour_evaluation').values({ ...base, enrolment_id: enrolment.id, course_id: 'e-government-spbe', registration_id: reg.id, workshop_id: id }).execute()
		).rejects.toThrow();
		await expect(t.db.insertInto('behaviour_evaluation').values({ ...base, registration_id: reg.id }).execute()).rejects.toThrow();
		await expect(t.db.insertInto('behaviour_evaluation').values({ ...base, registration_id: reg.id, workshop_id: other }).execute()).rejects.toThrow();
		await t.db.insertInto('behaviour_evaluation').values({ ...base, registration_id: reg.id, workshop_id: id }).execute();
		await expect(t.db.insertInto('behaviour_evaluation').values({ ...base, registration_id: reg.id, workshop_id: id }).execute()).rejects.toThrow();
		await t.db.insertInto('behaviour_evaluation').values({ ...base, enrolment_id: enrolment.id, course_id: 'e-government-spbe' }).execute();
		expect(await requestsOf(a.id)).toHaveLength(2);
	});
});

describe('the public survey', () => {
	const answers = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, '4']));
	async function form(over: Partial<SurveyValues> = {}, openedAt = new Date(Date.now() - 60_000)): Promise<SurveyValues> {
		return { answers, service: 'lainnya', serviceOther: 'KTP-el', servedOn: '2026-11-01', comment: '', website: '', stamp: await formStamp(t.db, openedAt), ...over };
	}
	const count = async (unit: number) => (await t.db.selectFrom('survey_response').select('id').where('unit_id', '=', unit).execute()).length;

	it('stores a valid form once; a double submit is counted once', async () => {
		const u = await addUnit(t.db, 'KEL-SEKIP', null, 'kelurahan');
		await addSurveyService(t.db, admin, 'KEL-SEKIP', 'Surat keterangan domisili');
		const now = new Date('2026-11-02T05:00:00Z');
		const f = await form({ service: 'lainnya', serviceOther: 'Legalisir', comment: 'Pelayanan cepat' }, new Date(now.getTime() - 60_000));
		expect(await submitSurvey(t.db, 'kel-sekip', f, '10.0.0.1', now)).toEqual({ ok: true, duplicate: false });
		expect(await submitSurvey(t.db, 'KEL-SEKIP', f, '10.0.0.1', now)).toEqual({ ok: true, duplicate: true });
		expect(await count(u)).toBe(1);
		// The same answers from another address are another person (their own opened form).
		const other = await form({ service: 'lainnya', serviceOther: 'Legalisir', comment: 'Pelayanan cepat' }, new Date(now.getTime() - 60_000));
		expect(await submitSurvey(t.db, 'KEL-SEKIP', other, '10.0.0.2', now)).toEqual({ ok: true, duplicate: false });
		expect(await count(u)).toBe(2);
	});

	it('two people behind one address (a kiosk, office Wi-Fi) giving the same answers count twice', async () => {
		const u = await addUnit(t.db, 'KEL-PETISAH', null, 'kelurahan');
		const now = new Date('2026-11-02T05:00:00Z');
		const opened = new Date(now.getTime() - 60_000);
		const first = await form({}, opened);
		const second = await form({}, opened); // opened in the same millisecond on the next screen
		expect(await submitSurvey(t.db, 'KEL-PETISAH', first, '10.0.9.9', now)).toEqual({ ok: true, duplicate: false });
		expect(await submitSurvey(t.db, 'KEL-PETISAH', second, '10.0.9.9', now)).toEqual({ ok: true, duplicate: false });
		expect(await count(u)).toBe(2);
		// The same opened form sent twice, even a minute apart, is one.
		expect(await submitSurvey(t.db, 'KEL-PETISAH', first, '10.0.9.9', new Date(now.getTime() + 60_000))).toEqual({ ok: true, duplicate: true });
		expect(await count(u)).toBe(2);
	});

	it('refused forms do not count against the address\'s limit', async () => {
		const u = await addUnit(t.db, 'KEL-SEI-SIKAMBING', null, 'kelurahan');
		const now = new Date('2026-11-02T05:00:00Z');
		for (let i = 0; i < SURVEY_RATE_LIMIT.perAddress + 5; i++) {
			const r = await submitSurvey(t.db, 'KEL-SEI-SIKAMBING', await form({ answers: { ...answers, waktu: '' } }, new Date(now.getTime() - 60_000)), '10.0.8.8', now);
			expect(r).toMatchObject({ ok: false, reason: 'invalid' });
		}
		expect((await submitSurvey(t.db, 'KEL-SEI-SIKAMBING', await form({}, new Date(now.getTime() - 60_000)), '10.0.8.8', now)).ok).toBe(true);
		expect(await count(u)).toBe(1);
	});

	it('an impossible date (31 February) is a field error, not a server error', async () => {
		await addUnit(t.db, 'KEL-SIDORAME', null, 'kelurahan');
		const now = new Date('2026-11-02T05:00:00Z');
		const r = await submitSurvey(t.db, 'KEL-SIDORAME', await form({ servedOn: '2026-02-31' }, new Date(now.getTime() - 60_000)), '10.0.7.7', now);
		expect(r).toEqual({ ok: false, reason: 'invalid', problems: [{ field: 'servedOn', code: 'ev_survey_err_date_invalid' }] });
	});

	it('stores nothing for a robot (the hidden field) or a form sent seconds after opening', async () => {
		const u = await addUnit(t.db, 'KEL-BABURA', null, 'kelurahan');
		const now = new Date();
		expect(await submitSurvey(t.db, 'KEL-BABURA', await form({ website: 'http://spam.example' }), '10.0.1.1', now)).toEqual({ ok: true, duplicate: false });
		const fast = await submitSurvey(t.db, 'KEL-BABURA', await form({}, new Date(now.getTime() - 1000)), '10.0.1.1', now);
		expect(fast).toMatchObject({ ok: false, reason: 'invalid', problems: [{ field: 'form', code: 'ev_survey_err_too_fast' }] });
		const forged = await submitSurvey(t.db, 'KEL-BABURA', { ...(await form()), stamp: `${now.getTime() - 60_000}.AAAAAAAAAAAAAAAAAAAAAA` }, '10.0.1.1', now);
		expect(forged).toMatchObject({ ok: false, problems: [{ field: 'form', code: 'ev_survey_err_stale' }] });
		expect(await count(u)).toBe(0);
	});

	it('names every missing answer and a date in the future', async () => {
		await addUnit(t.db, 'KEL-MERDEKA', null, 'kelurahan');
		const r = await submitSurvey(t.db, 'KEL-MERDEKA', await form({ answers: { ...answers, waktu: '', sarana: '5' }, servedOn: '2099-01-01' }), '10.0.2.1', new Date());
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems.map((p) => p.field).sort()).toEqual(['sarana', 'servedOn', 'waktu']);
	});

	it('limits one address, not everyone', async () => {
		const u = await addUnit(t.db, 'KEL-TITI-RANTAI', null, 'kelurahan');
		const now = new Date('2026-11-02T05:00:00Z');
		for (let i = 0; i < SURVEY_RATE_LIMIT.perAddress; i++) {
			const r = await submitSurvey(t.db, 'KEL-TITI-RANTAI', await form({ comment: `tanggapan ${i}` }, new Date(now.getTime() - 60_000)), '10.0.3.1', now);
			expect(r.ok).toBe(true);
		}
		const over = await submitSurvey(t.db, 'KEL-TITI-RANTAI', await form({ comment: 'satu lagi' }, new Date(now.getTime() - 60_000)), '10.0.3.1', now);
		expect(over).toMatchObject({ ok: false, reason: 'limited' });
		const otherAddress = await submitSurvey(t.db, 'KEL-TITI-RANTAI', await form({ comment: 'warga lain' }, new Date(now.getTime() - 60_000)), '10.0.3.2', now);
		expect(otherAddress.ok).toBe(true);
		expect(await count(u)).toBe(SURVEY_RATE_LIMIT.perAddress + 1);
	});

	it('the admin report computes the IKM of the period with the weight setting', async () => {
		await addUnit(t.db, 'UPT-UJI', null, 'uptd');
		const now = new Date('2026-11-02T05:00:00Z');
		const ratings = [4, 3, 3, 4];
		for (let i = 0; i < ratings.length; i++) {
			const a = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, String(ratings[i])]));
			expect((await submitSurvey(t.db, 'UPT-UJI', await form({ answers: a, comment: `r${i}` }, new Date(now.getTime() - 60_000)), `10.0.4.${i}`, now)).ok).toBe(true);
		}
		const period = { from: '2026-10-01', to: '2026-11-30' };
		const unit = (await ikmForUnit(t.db, admin, 'UPT-UJI', period))!;
		expect(unit.result!.respondents).toBe(4);
		expect(unit.result!.ikmRounded).toBe(87.5); // NRR 3.5 everywhere
		expect(unit.result!.band).toBe('B');
		expect(await setIkmWeight(t.db, admin, '0.11')).toBe(true);
		const overview = await ikmOverview(t.db, admin, period);
		expect(overview.rows.find((r) => r.code === 'UPT-UJI')!.result.ikmRounded).toBe(86.63); // 31.5 x 0.11 x 25
		await setIkmWeight(t.db, admin, 'exact');
		await expect(ikmOverview(t.db, trainer, period)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('service indicators', () => {
	it('a CSV with bad rows imports nothing and names every bad row; a good one imports all', async () => {
		const bad = [
			'kode_unit,bulan,pengaduan_masuk,pengaduan_selesai,selesai_tepat_waktu,rata_rata_hari',
			'DISDUKCAPIL,2026-09,40,35,30,"3,5"',
			'TIDAK-ADA,2026-09,10,10,10,2',
			'DISDUKCAPIL,2026-13,10,10,10,2',
			'DISDUKCAPIL,2026-08,10,5,7,2',
			'DISDUKCAPIL,2026-09,1,1,1,1'
		].join('\n');
		const r = await importIndicators(t.db, admin, bad, new Date('2026-11-02T05:00:00Z'));
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.problems.map((p) => [p.line, p.code])).toEqual([
				[3, 'ev_ind_err_unit'],
				[4, 'ev_ind_err_month'],
				[5, 'ev_ind_err_within_gt_resolved'],
				[6, 'ev_ind_err_duplicate']
			]);
		}
		expect((await listIndicators(t.db, admin, 'DISDUKCAPIL')).rows).toHaveLength(0);
		const good = ['kode_unit;bulan;pengaduan_masuk;pengaduan_selesai;selesai_tepat_waktu;rata_rata_hari', 'DISDUKCAPIL;2026-09;40;35;30;3,5', 'DISDUKCAPIL;2026-10;38;37;35;2'].join('\n');
		expect(await importIndicators(t.db, admin, good, new Date('2026-11-02T05:00:00Z'))).toEqual({ ok: true, imported: 2 });
		const rows = (await listIndicators(t.db, admin, 'DISDUKCAPIL')).rows;
		expect(rows.map((x) => [x.month, x.received, x.resolved, x.withinStandard, x.avgDays])).toEqual([
			['2026-10-01', 38, 37, 35, 2],
			['2026-09-01', 40, 35, 30, 3.5]
		]);
		const effect = await trainingEffect(t.db, admin, new Date('2026-11-02T05:00:00Z'));
		const dukcapil = effect.rows.find((x) => x.code === 'DISDUKCAPIL')!;
		expect(dukcapil.after.received).toBe(78);
		expect(dukcapil.after.resolutionRate).toBe(92.3); // 72 / 78
	});
	it('pages the list with the total instead of silently cutting a month of many units', async () => {
		const u = await addUnit(t.db, 'UPT-PAGING', null, 'uptd');
		const months = Array.from({ length: INDICATOR_PAGE_SIZE + 30 }, (_, i) => `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
		await t.db
			.insertInto('service_indicator')
			.values(months.map((month) => ({ unit_id: u, month, complaints_received: 3, complaints_resolved: 2, resolved_within_standard: 1 })))
			.execute();
		const first = await listIndicators(t.db, admin, 'UPT-PAGING', 1);
		const second = await listIndicators(t.db, admin, 'UPT-PAGING', 2);
		expect(first.total).toBe(months.length);
		expect(first.rows).toHaveLength(INDICATOR_PAGE_SIZE);
		expect(second.rows).toHaveLength(30);
		expect(new Set([...first.rows, ...second.rows].map((r) => r.month)).size).toBe(months.length);
	});
});
