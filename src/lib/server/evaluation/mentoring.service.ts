// Mentoring and coaching (non-klasikal). An admin, or a supervisor within their own subtree,
// pairs a senior mentor with a mentee for a period. The mentor logs sessions, the mentee confirms
// them; a confirmed session writes non-klasikal JP for the mentee (minutes converted with the
// jp_minutes setting) and, once per pair, evidence of the mentor's "Pengembangan Diri dan Orang
// Lain" (MNJ-PDO) at level 3: "memberikan umpan balik dan membimbing pegawai lain".
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ForbiddenError, hasRole, type Actor } from '../access';
import { recordAudit } from '../audit';
import { addJpEntry } from '../career/jp.repository';
import { minutesToJp } from '../career/jp';
import { localDate } from '../career/local-date';
import { addEvidence } from '../competency/evidence.repository';
import { createNotification } from '../notify/notification.repository';
import { jpSettings } from '../learning/home.service';
import { unitSubtree } from '../org/org.repository';
import { validDate } from '../form';
import type { Problem } from './workshop.service';

type Db = Kysely<DB>;

export const MENTOR_COMPETENCY = { code: 'MNJ-PDO', level: 3 } as const;

function requireManager(actor: Actor | null): asserts actor is Actor {
	if (!hasRole(actor, 'admin') && !hasRole(actor, 'supervisor')) throw new ForbiddenError('requires admin or supervisor');
}


/** People the actor may pair: everyone for an admin, the supervisor's subtree otherwise (in SQL). */
function reachablePeople(db: Db, actor: Actor) {
	let q = db.selectFrom('person as p').where('p.active', '=', true);
	if (!actor.roles.includes('admin')) q = actor.unitId === null ? q.where('p.id', '=', -1) : q.where('p.unit_id', 'in', unitSubtree(db, actor.unitId));
	return q;
}

export interface PairValues {
	mentor: string; // NIP or e-mail
	mentee: string;
	startsOn: string;
	endsOn: string;
	goal: string;
}

async function findReachable(db: Db, actor: Actor, login: string) {
	const key = login.trim();
	const nip = key.replace(/[\s.]/g, '');
	if (!key) return undefined;
	return reachablePeople(db, actor)
		.select(['p.id', 'p.name'])
		.where((eb) => (/^\d{18}$/.test(nip) ? eb('p.nip', '=', nip) : eb(eb.fn('lower', ['p.email']), '=', key.toLowerCase())))
		.executeTakeFirst();
}

export async function createPair(db: Db, actor: Actor | null, v: PairValues): Promise<{ ok: true; id: number } | { ok: false; problems: Problem[] }> {
	requireManager(actor);
	const problems: Problem[] = [];
	const [mentor, mentee] = await Promise.all([findReachable(db, actor, v.mentor), findReachable(db, actor, v.mentee)]);
	if (!v.mentor) problems.push({ field: 'mentor', code: 'err_required' });
	else if (!mentor) problems.push({ field: 'mentor', code: 'ev_err_person_out_of_reach' });
	if (!v.mentee) problems.push({ field: 'mentee', code: 'err_required' });
	else if (!mentee) problems.push({ field: 'mentee', code: 'ev_err_person_out_of_reach' });
	if (mentor && mentee && mentor.id === mentee.id) problems.push({ field: 'mentee', code: 'ev_err_same_person' });
	if (!validDate(v.startsOn)) problems.push({ field: 'startsOn', code: 'ev_err_date' });
	if (!validDate(v.endsOn)) problems.push({ field: 'endsOn', code: 'ev_err_date' });
	else if (validDate(v.startsOn) && v.endsOn < v.startsOn) problems.push({ field: 'endsOn', code: 'ev_err_end_before_start' });
	if (problems.length) return { ok: false, problems };
	return db.transaction().execute(async (trx) => {
		// The same pair for the same start is one pairing (a double submit, even two at once: the
		// unique key mentoring_pair_once decides, and the second answers the pairing stored).
		const row = await trx
			.insertInto('mentoring_pair')
			.values({ mentor_id: mentor!.id, mentee_id: mentee!.id, starts_on: v.startsOn, ends_on: v.endsOn, goal: v.goal.slice(0, 1000), created_by: actor.id })
			.onConflict((oc) => oc.columns(['mentor_id', 'mentee_id', 'starts_on']).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!row) {
			const existing = await trx
				.selectFrom('mentoring_pair')
				.select('id')
				.where('mentor_id', '=', mentor!.id)
				.where('mentee_id', '=', mentee!.id)
				.where('starts_on', '=', v.startsOn)
				.executeTakeFirstOrThrow();
			return { ok: true as const, id: existing.id };
		}
		for (const [personId, role] of [
			[mentor!.id, 'mentor'],
			[mentee!.id, 'mentee']
		] as const) {
			await createNotification(trx, {
				personId,
				kind: 'mentoring_paired',
				params: { mentor: mentor!.name, mentee: mentee!.name, role },
				link: '/mentoring',
				dedupeKey: `mentoring-paired:${row.id}:${role}`
			});
		}
		await recordAudit(trx, { actorId: actor.id, action: 'mentoring.paired', subject: `mentoring-pair:${row.id}`, detail: { mentorId: mentor!.id, menteeId: mentee!.id } });
		return { ok: true as const, id: row.id };
	});
}

function pairsQuery(db: Db) {
	return db
		.selectFrom('mentoring_pair as mp')
		.innerJoin('person as mr', 'mr.id', 'mp.mentor_id')
		.innerJoin('person as me', 'me.id', 'mp.mentee_id')
		.leftJoin('org_unit as ue', 'ue.id', 'me.unit_id')
		.select((eb) => [
			'mp.id',
			'mp.mentor_id as mentorId',
			'mp.mentee_id as menteeId',
			'mr.name as mentorName',
			'me.name as menteeName',
			'ue.name as menteeUnit',
			'mp.starts_on as startsOn',
			'mp.ends_on as endsOn',
			'mp.goal',
			eb.selectFrom('mentoring_session as s').select(eb.fn.countAll<number>().as('n')).whereRef('s.pair_id', '=', 'mp.id').where('s.status', '=', 'confirmed').as('confirmed'),
			eb.selectFrom('mentoring_session as s').select(sql<number>`coalesce(sum(s.minutes), 0)`.as('m')).whereRef('s.pair_id', '=', 'mp.id').where('s.status', '=', 'confirmed').as('confirmedMinutes')
		]);
}

/** The pairs the actor is part of (as mentor or mentee), each with its sessions. */
export async function myMentoring(db: Db, actor: Actor) {
	const pairs = await pairsQuery(db)
		.where((eb) => eb.or([eb('mp.mentor_id', '=', actor.id), eb('mp.mentee_id', '=', actor.id)]))
		.orderBy('mp.starts_on', 'desc')
		.execute();
	const sessions = pairs.length
		? await db
				.selectFrom('mentoring_session')
				.select(['id', 'pair_id as pairId', 'held_on as heldOn', 'minutes', 'topic', 'agreed_actions as agreedActions', 'status', 'confirmed_at as confirmedAt'])
				.where(
					'pair_id',
					'in',
					pairs.map((p) => p.id)
				)
				.orderBy('held_on', 'desc')
				.orderBy('id', 'desc')
				.execute()
		: [];
	const { minutesPerJp } = await jpSettings(db);
	return pairs.map((p) => ({
		...p,
		confirmed: Number(p.confirmed),
		confirmedMinutes: Number(p.confirmedMinutes),
		role: p.mentorId === actor.id ? ('mentor' as const) : ('mentee' as const),
		sessions: sessions.filter((s) => s.pairId === p.id).map((s) => ({ ...s, jp: minutesToJp(s.minutes, minutesPerJp) }))
	}));
}

export const MANAGED_PAGE_SIZE = 50;

/** Pairs an admin (all) or a supervisor (mentees in their subtree) looks after, a page at a time. */
export async function managedPairs(db: Db, actor: Actor | null, page = 1) {
	requireManager(actor);
	let q = pairsQuery(db);
	let count = db.selectFrom('mentoring_pair as mp').innerJoin('person as me', 'me.id', 'mp.mentee_id').select((eb) => eb.fn.countAll<number>().as('n'));
	if (!actor.roles.includes('admin')) {
		q = actor.unitId === null ? q.where('mp.id', '=', -1) : q.where('me.unit_id', 'in', unitSubtree(db, actor.unitId));
		count = actor.unitId === null ? count.where('mp.id', '=', -1) : count.where('me.unit_id', 'in', unitSubtree(db, actor.unitId));
	}
	const [rows, total] = await Promise.all([
		q
			.orderBy('mp.starts_on', 'desc')
			.orderBy('mp.id', 'desc')
			.limit(MANAGED_PAGE_SIZE)
			.offset((page - 1) * MANAGED_PAGE_SIZE)
			.execute(),
		count.executeTakeFirstOrThrow()
	]);
	return {
		rows: rows.map((r) => ({ ...r, confirmed: Number(r.confirmed), confirmedMinutes: Number(r.confirmedMinutes) })),
		total: Number(total.n),
		page,
		pageSize: MANAGED_PAGE_SIZE
	};
}

export interface SessionValues {
	heldOn: string;
	minutes: string;
	topic: string;
	agreedActions: string;
}

/** The mentor logs a session of their own pair (checked in SQL), within the pair's period. */
export async function logSession(db: Db, actor: Actor, pairId: number, v: SessionValues, now = new Date()): Promise<{ ok: true } | { ok: false; problems: Problem[] }> {
	const pair = await db
		.selectFrom('mentoring_pair')
		.select(['id', 'mentee_id as menteeId', 'starts_on as startsOn', 'ends_on as endsOn'])
		.where('id', '=', pairId)
		.where('mentor_id', '=', actor.id)
		.executeTakeFirst();
	if (!pair) throw new ForbiddenError('not your mentoring pair');
	const problems: Problem[] = [];
	if (!validDate(v.heldOn)) problems.push({ field: 'heldOn', code: 'ev_err_date' });
	else if (v.heldOn > localDate(now)) problems.push({ field: 'heldOn', code: 'ev_err_in_future' });
	else if (v.heldOn < pair.startsOn || v.heldOn > pair.endsOn) problems.push({ field: 'heldOn', code: 'ev_err_outside_period' });
	const minutes = Number(v.minutes);
	if (!Number.isInteger(minutes) || minutes < 5 || minutes > 600) problems.push({ field: 'minutes', code: 'ev_err_minutes' });
	if (!v.topic) problems.push({ field: 'topic', code: 'err_required' });
	if (problems.length) return { ok: false, problems };
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('mentoring_session')
			.values({ pair_id: pairId, held_on: v.heldOn, minutes, topic: v.topic.slice(0, 300), agreed_actions: v.agreedActions.slice(0, 2000) })
			.onConflict((oc) => oc.doNothing())
			.returning('id')
			.executeTakeFirst();
		if (row) {
			await createNotification(trx, {
				personId: pair.menteeId,
				kind: 'mentoring_session_logged',
				params: { date: v.heldOn, topic: v.topic.slice(0, 100) },
				link: '/mentoring',
				dedupeKey: `mentoring-session-logged:${row.id}`
			});
		}
	});
	return { ok: true };
}

/**
 * The mentee confirms a session of their own pair (checked in SQL). The first confirmation writes
 * the mentee's non-klasikal JP and the mentor's evidence; a second one changes nothing.
 */
export async function confirmSession(db: Db, actor: Actor, sessionId: number, now = new Date()): Promise<{ ok: true; jp: number; first: boolean }> {
	const { minutesPerJp } = await jpSettings(db);
	return db.transaction().execute(async (trx) => {
		const s = await trx
			.selectFrom('mentoring_session as s')
			.innerJoin('mentoring_pair as mp', 'mp.id', 's.pair_id')
			.innerJoin('person as mr', 'mr.id', 'mp.mentor_id')
			.innerJoin('person as me', 'me.id', 'mp.mentee_id')
			.select(['s.id', 's.pair_id as pairId', 's.held_on as heldOn', 's.minutes', 's.topic', 'mp.mentor_id as mentorId', 'mp.mentee_id as menteeId', 'mr.name as mentorName', 'me.name as menteeName'])
			.where('s.id', '=', sessionId)
			.where('mp.mentee_id', '=', actor.id)
			.forUpdate()
			.executeTakeFirst();
		if (!s) throw new ForbiddenError('not your mentoring session');
		const changed = await trx
			.updateTable('mentoring_session')
			.set({ status: 'confirmed', confirmed_at: now })
			.where('id', '=', s.id)
			.where('status', '=', 'logged')
			.returning('id')
			.executeTakeFirst();
		const jp = minutesToJp(s.minutes, minutesPerJp);
		await addJpEntry(trx, {
			personId: s.menteeId,
			occurredOn: s.heldOn,
			kind: 'non-klasikal',
			source: 'mentoring',
			sourceRef: `mentoring-session:${s.id}`,
			title: s.topic.slice(0, 300), // the ledger's source column says "Mentoring"
			jp,
			minutes: s.minutes
		});
		await addEvidence(trx, {
			personId: s.mentorId,
			competencyCode: MENTOR_COMPETENCY.code,
			level: MENTOR_COMPETENCY.level,
			source: 'mentoring',
			sourceRef: `mentoring-pair:${s.pairId}`,
			title: s.menteeName, // shown as "Mentor for …" from the catalogue (evidenceTitle)
			validFrom: s.heldOn
		});
		return { ok: true as const, jp, first: !!changed };
	});
}
