// Development plans (IDP), driven by plan.machine.ts. The server owns the truth: every change
// restores the persisted snapshot, sends one event with who sent it, and saves the new snapshot,
// the plan's columns and a plan_event row in one transaction. The machine's guards decide who may
// do what (only the direct supervisor approves; nobody approves their own plan); the service
// checks first who may even see the plan (the owner; supervisors whose unit subtree holds them).
import { createActor } from 'xstate';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { ForbiddenError, requireRole, type Actor } from '../access';
import { PLAN_MACHINE_VERSION, PLAN_RATINGS, evaluationOpensOn, planMachine, planStatus, type PlanEvent, type PlanRating, type PlanSnapshot, type PlanStatus } from '../../machines/plan.machine';
import { createNotification } from '../notify/notification.repository';
import { unitSubtree } from '../org/org.repository';
import { personInReach } from '../competency/reach';
import { localDate, localYear } from './local-date';
import { jpSettings } from '../learning/home.service';
import * as repo from './plan.repository';
import { balance, courseOffers, gapsOf, planModel, proposeItems, type Proposal } from './plan-proposals';
import { ITEM_KINDS, itemGroup, type ItemKind } from './plan.repository';

type Db = Kysely<DB>;
type Trx = Kysely<DB> | Transaction<DB>;

export type PlanResult = { ok: true } | { ok: false; code: string; field?: string };

const EDITABLE: readonly string[] = ['draft', 'changes-requested'];
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

// ---- the machine, server side --------------------------------------------------------------

type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.findPlanById>>>;

function restore(plan: PlanRow) {
	return createActor(planMachine, {
		snapshot: plan.snapshot as unknown as PlanSnapshot,
		input: { ownerId: plan.personId, supervisorId: plan.supervisorId }
	}).start();
}

/**
 * Applies one event to a locked plan. Answers the new status, or null when the machine refused
 * it (wrong state, failed guard, or nothing new, e.g. a second identical submit).
 */
async function applyEvent(trx: Trx, planId: number, event: PlanEvent, actorId: number | null, comment: string | null, at: Date): Promise<{ from: PlanStatus; to: PlanStatus } | null> {
	const plan = await repo.lockPlan(trx, planId);
	if (!plan) return null;
	const actor = restore(plan);
	const before = JSON.stringify(actor.getPersistedSnapshot());
	actor.send(event);
	const snapshot = actor.getSnapshot();
	const persisted = actor.getPersistedSnapshot();
	actor.stop();
	if (JSON.stringify(persisted) === before) return null;
	const from = plan.status as PlanStatus;
	const to = planStatus(snapshot);
	await trx
		.updateTable('development_plan')
		.set({
			status: to,
			snapshot: JSON.stringify(persisted),
			machine_version: PLAN_MACHINE_VERSION,
			supervisor_id: snapshot.context.supervisorId,
			updated_at: at,
			...(event.type === 'learner.submit' ? { submitted_at: at } : {}),
			...(event.type === 'supervisor.approve' ? { approved_at: at } : {}),
			...(event.type === 'supervisor.evaluate' ? { evaluated_at: at, evaluation_rating: event.rating, evaluation_note: event.note?.trim() || null } : {})
		})
		.where('id', '=', planId)
		.execute();
	// Editing the draft's items is not a transition; everything else is recorded.
	if (event.type !== 'learner.itemsChanged') await repo.addPlanEvent(trx, { planId, event: event.type, from, to, actorId, comment, at });
	return { from, to };
}

// ---- reading -------------------------------------------------------------------------------

async function planDetail(db: Db, plan: PlanRow) {
	const [items, events, model] = await Promise.all([repo.planItems(db, plan.id), repo.planEvents(db, plan.id), planModel(db)]);
	const supervisor = plan.supervisorId ? await db.selectFrom('person').select('name').where('id', '=', plan.supervisorId).executeTakeFirst() : null;
	const snapshot = plan.snapshot as unknown as PlanSnapshot;
	return {
		id: plan.id,
		personId: plan.personId,
		year: plan.year,
		status: plan.status as PlanStatus,
		lastComment: snapshot.context?.lastComment ?? null,
		rating: plan.rating,
		evaluationNote: plan.evaluationNote,
		submittedAt: plan.submittedAt,
		approvedAt: plan.approvedAt,
		supervisorName: supervisor?.name ?? null,
		items,
		events,
		balance: balance(items, model)
	};
}

/** The learner's plan of the year (or null), what the platform proposes, and whether it can be edited. */
export async function myPlan(db: Db, actor: Actor | null, now = new Date()) {
	if (!actor) throw new ForbiddenError('signed out');
	const year = localYear(now);
	const [plan, gaps, courses, me] = await Promise.all([
		repo.findPlan(db, actor.id, year),
		gapsOf(db, actor.id, now),
		courseOffers(db),
		db.selectFrom('person as p').leftJoin('person as s', 's.id', 'p.supervisor_id').select(['p.supervisor_id as supervisorId', 's.name as supervisorName']).where('p.id', '=', actor.id).executeTakeFirstOrThrow()
	]);
	const detail = plan ? await planDetail(db, plan) : null;
	const proposals = proposeItems(gaps, courses).filter((p) => !detail?.items.some((i) => (p.courseId ? i.courseId === p.courseId : i.kind === p.kind && i.competencyCode === p.competencyCode)));
	return {
		year,
		plan: detail,
		editable: !detail || EDITABLE.includes(detail.status),
		gaps,
		proposals,
		supervisorName: me.supervisorName,
		hasSupervisor: me.supervisorId !== null,
		courses: courses.map((c) => ({ id: c.id, title: c.title }))
	};
}

// ---- the learner's changes -----------------------------------------------------------------

function defaultTargetDate(kind: ItemKind, now: Date, year: number): string {
	if (kind !== 'course') return `${year}-12-31`;
	const d = localDate(new Date(now.getTime() + 90 * 24 * 3600 * 1000));
	return d.slice(0, 4) === String(year) ? d : `${year}-12-31`;
}

/** Starts the year's plan as a draft holding the proposals. A second start changes nothing. */
export async function startPlan(db: Db, actor: Actor | null, titleOf: (p: Proposal) => string, now = new Date()): Promise<PlanResult> {
	if (!actor) throw new ForbiddenError('signed out');
	const year = localYear(now);
	const [gaps, courses] = await Promise.all([gapsOf(db, actor.id, now), courseOffers(db)]);
	const proposals = proposeItems(gaps, courses);
	await db.transaction().execute(async (trx) => {
		const machine = createActor(planMachine, { input: { ownerId: actor.id, supervisorId: null, itemCount: proposals.length } }).start();
		const created = await trx
			.insertInto('development_plan')
			.values({ person_id: actor.id, year, status: 'draft', snapshot: JSON.stringify(machine.getPersistedSnapshot()), machine_version: PLAN_MACHINE_VERSION })
			.onConflict((oc) => oc.columns(['person_id', 'year']).doNothing())
			.returning('id')
			.executeTakeFirst();
		machine.stop();
		if (!created) return;
		for (const p of proposals) {
			await repo.insertItem(trx, created.id, {
				kind: p.kind,
				title: titleOf(p),
				competencyCode: p.competencyCode,
				targetLevel: p.targetLevel,
				courseId: p.courseId,
				targetDate: defaultTargetDate(p.kind, now, year)
			});
		}
	});
	return { ok: true };
}

async function editablePlan(trx: Trx, actor: Actor, now: Date): Promise<{ error: string } | { plan: PlanRow }> {
	const plan = await repo.findPlan(trx, actor.id, localYear(now));
	if (!plan) return { error: 'career_plan_missing' };
	const locked = await repo.lockPlan(trx, plan.id);
	if (!locked || !EDITABLE.includes(locked.status)) return { error: 'career_plan_locked' };
	return { plan: locked };
}

async function syncItemCount(trx: Trx, planId: number, actor: Actor, at: Date) {
	await applyEvent(trx, planId, { type: 'learner.itemsChanged', by: actor.id, itemCount: await repo.countItems(trx, planId) }, actor.id, null, at);
}

export interface ItemInput {
	kind: string;
	title: string;
	competencyCode: string;
	targetLevel: string;
	courseId: string;
	targetDate: string;
}

export async function addItem(db: Db, actor: Actor | null, input: ItemInput, now = new Date()): Promise<PlanResult> {
	if (!actor) throw new ForbiddenError('signed out');
	const year = localYear(now);
	if (!(ITEM_KINDS as readonly string[]).includes(input.kind)) return { ok: false, code: 'err_choose', field: 'kind' };
	if (!input.title.trim()) return { ok: false, code: 'err_required', field: 'title' };
	if (input.targetDate && (!DATE_RE.test(input.targetDate) || !input.targetDate.startsWith(`${year}-`))) return { ok: false, code: 'career_err_date_in_year', field: 'targetDate' };
	if (input.targetLevel && !/^[1-5]$/.test(input.targetLevel)) return { ok: false, code: 'career_err_level', field: 'targetLevel' };
	const kind = input.kind as ItemKind;
	const courseId = kind === 'course' && input.courseId ? input.courseId : null;
	if (courseId && !(await db.selectFrom('course').select('id').where('id', '=', courseId).executeTakeFirst())) return { ok: false, code: 'err_choose', field: 'courseId' };
	const code = input.competencyCode || null;
	if (code && !(await db.selectFrom('competency').select('code').where('code', '=', code).executeTakeFirst())) return { ok: false, code: 'err_choose', field: 'competencyCode' };
	return db.transaction().execute(async (trx) => {
		const found = await editablePlan(trx, actor, now);
		if ('error' in found) return { ok: false as const, code: found.error };
		// The same course twice is one item (a double click adds it once).
		if (courseId) {
			const dup = await trx.selectFrom('plan_item').select('id').where('plan_id', '=', found.plan.id).where('course_id', '=', courseId).executeTakeFirst();
			if (dup) return { ok: true as const };
		}
		await repo.insertItem(trx, found.plan.id, {
			kind,
			title: input.title.trim(),
			competencyCode: code,
			targetLevel: input.targetLevel ? Number(input.targetLevel) : null,
			courseId,
			targetDate: input.targetDate || defaultTargetDate(kind, now, year)
		});
		await syncItemCount(trx, found.plan.id, actor, now);
		return { ok: true as const };
	});
}

export async function setItemDate(db: Db, actor: Actor | null, itemId: number, targetDate: string, now = new Date()): Promise<PlanResult> {
	if (!actor) throw new ForbiddenError('signed out');
	const year = localYear(now);
	if (!DATE_RE.test(targetDate) || !targetDate.startsWith(`${year}-`)) return { ok: false, code: 'career_err_date_in_year', field: 'targetDate' };
	return db.transaction().execute(async (trx) => {
		const found = await editablePlan(trx, actor, now);
		if ('error' in found) return { ok: false as const, code: found.error };
		const res = await trx.updateTable('plan_item').set({ target_date: targetDate }).where('id', '=', itemId).where('plan_id', '=', found.plan.id).executeTakeFirst();
		if (!res.numUpdatedRows) return { ok: false as const, code: 'err_not_found' };
		return { ok: true as const };
	});
}

export async function removeItem(db: Db, actor: Actor | null, itemId: number, now = new Date()): Promise<PlanResult> {
	if (!actor) throw new ForbiddenError('signed out');
	return db.transaction().execute(async (trx) => {
		const found = await editablePlan(trx, actor, now);
		if ('error' in found) return { ok: false as const, code: found.error };
		// Removing an item already removed (a double click) is fine.
		await trx.deleteFrom('plan_item').where('id', '=', itemId).where('plan_id', '=', found.plan.id).execute();
		await syncItemCount(trx, found.plan.id, actor, now);
		return { ok: true as const };
	});
}

export async function submitPlan(db: Db, actor: Actor | null, now = new Date()): Promise<PlanResult> {
	if (!actor) throw new ForbiddenError('signed out');
	return db.transaction().execute(async (trx) => {
		const plan = await repo.findPlan(trx, actor.id, localYear(now));
		if (!plan) return { ok: false as const, code: 'career_plan_missing' };
		if (plan.status === 'submitted') return { ok: true as const }; // a double submit
		const me = await trx.selectFrom('person').select(['supervisor_id', 'name']).where('id', '=', actor.id).executeTakeFirstOrThrow();
		if (me.supervisor_id === null) return { ok: false as const, code: 'career_plan_no_supervisor' };
		if ((await repo.countItems(trx, plan.id)) === 0) return { ok: false as const, code: 'career_plan_no_items' };
		await syncItemCount(trx, plan.id, actor, now);
		const moved = await applyEvent(trx, plan.id, { type: 'learner.submit', by: actor.id, supervisorId: me.supervisor_id }, actor.id, null, now);
		if (!moved) return { ok: false as const, code: 'career_plan_not_allowed' };
		await createNotification(trx, {
			personId: me.supervisor_id,
			kind: 'career_plan_submitted',
			params: { name: me.name, year: plan.year },
			link: `/supervisor/plans/${plan.id}`,
			dedupeKey: `plan-submitted:${plan.id}:${now.getTime()}`,
			email: true
		});
		return { ok: true as const };
	});
}

// ---- the supervisor ------------------------------------------------------------------------

/** Plans of the supervisor's direct reports (in their unit subtree), those awaiting action first. */
export async function supervisorPlans(db: Db, actor: Actor | null, now = new Date()) {
	requireRole(actor, 'supervisor');
	if (actor.unitId === null) return [];
	const rows = await db
		.selectFrom('development_plan as d')
		.innerJoin('person as p', 'p.id', 'd.person_id')
		.leftJoin('job_position as j', 'j.id', 'p.position_id')
		.select((eb) => [
			'd.id',
			'd.year',
			'd.status',
			'd.submitted_at as submittedAt',
			'p.id as personId',
			'p.name',
			'j.name as positionName',
			eb.selectFrom('plan_item as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.plan_id', '=', 'd.id').as('items'),
			eb.selectFrom('plan_item as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.plan_id', '=', 'd.id').where('i.status', '=', 'done').as('done'),
			eb
				.selectFrom('jp_entry as je')
				.select((e) => e.fn.coalesce(e.fn.sum<number>('je.jp'), e.lit(0)).as('jp'))
				.whereRef('je.person_id', '=', 'p.id')
				.where('je.occurred_on', '>=', `${localYear(now)}-01-01`)
				.where('je.occurred_on', '<=', `${localYear(now)}-12-31`)
				.as('jp')
		])
		.where('p.unit_id', 'in', unitSubtree(db, actor.unitId))
		.where((eb) => eb.or([eb('p.supervisor_id', '=', actor.id), eb('d.supervisor_id', '=', actor.id)]))
		.where('d.year', '>=', localYear(now) - 1)
		.where('d.status', '<>', 'draft')
		.orderBy('d.year', 'desc')
		.orderBy('p.name')
		.execute();
	const { target } = await jpSettings(db);
	return rows.map((r) => ({ ...r, items: Number(r.items), done: Number(r.done), jp: Number(r.jp), jpTarget: target, awaiting: r.status === 'submitted' }));
}

/** A plan as a supervisor sees it: only of people in the subtree of their unit (SQL). */
export async function planForSupervisor(db: Db, actor: Actor | null, planId: number) {
	requireRole(actor, 'supervisor');
	const plan = await repo.findPlanById(db, planId);
	if (!plan) return null;
	const person = await personInReach(db, actor, plan.personId, { admin: false });
	if (person.id === actor.id) throw new ForbiddenError('own plan');
	const detail = await planDetail(db, plan);
	return { ...detail, person, isDirectSupervisor: (plan.supervisorId ?? person.supervisorId) === actor.id };
}

async function supervisorAct(
	db: Db,
	actor: Actor | null,
	planId: number,
	build: (plan: PlanRow) => PlanEvent,
	comment: string | null,
	notify: string | null,
	now: Date,
	refusal?: (plan: PlanRow) => string | null
): Promise<PlanResult> {
	requireRole(actor, 'supervisor');
	const plan = await repo.findPlanById(db, planId);
	if (!plan) return { ok: false, code: 'err_not_found' };
	await personInReach(db, actor, plan.personId, { admin: false });
	const refused = refusal?.(plan);
	if (refused && plan.status !== 'evaluated') return { ok: false, code: refused };
	return db.transaction().execute(async (trx) => {
		const moved = await applyEvent(trx, planId, build(plan), actor.id, comment, now);
		if (!moved) return { ok: false as const, code: 'career_plan_not_allowed' };
		if (notify) {
			await createNotification(trx, {
				personId: plan.personId,
				kind: notify,
				params: { year: plan.year },
				link: '/plan',
				dedupeKey: `${notify}:${planId}:${now.getTime()}`,
				email: true
			});
		}
		return { ok: true as const };
	});
}

export async function requestChanges(db: Db, actor: Actor | null, planId: number, comment: string, now = new Date()): Promise<PlanResult> {
	requireRole(actor, 'supervisor');
	if (!comment.trim()) return { ok: false, code: 'career_err_comment_required', field: 'comment' };
	return supervisorAct(db, actor, planId, () => ({ type: 'supervisor.requestChanges', by: actor.id, comment }), comment.trim(), 'career_plan_changes_requested', now);
}

export async function approvePlan(db: Db, actor: Actor | null, planId: number, comment: string, now = new Date()): Promise<PlanResult> {
	requireRole(actor, 'supervisor');
	return supervisorAct(db, actor, planId, () => ({ type: 'supervisor.approve', by: actor.id, comment }), comment.trim() || null, 'career_plan_approved', now);
}

export async function evaluatePlan(db: Db, actor: Actor | null, planId: number, rating: string, note: string, now = new Date()): Promise<PlanResult> {
	requireRole(actor, 'supervisor');
	if (!(PLAN_RATINGS as readonly string[]).includes(rating)) return { ok: false, code: 'err_choose', field: 'rating' };
	return supervisorAct(
		db,
		actor,
		planId,
		(p) => ({ type: 'supervisor.evaluate', by: actor.id, rating: rating as PlanRating, note, today: localDate(now), planYear: p.year }),
		note.trim() || null,
		null,
		now,
		// Evaluation is at year end; said plainly rather than as a generic refusal.
		(p) => (localDate(now) < evaluationOpensOn(p.year) ? 'career_err_evaluate_too_early' : null)
	);
}

// ---- the completion pipeline ---------------------------------------------------------------

/**
 * A completed course: its items in the person's approved or running plans are done, and each
 * plan hears `system.itemCompleted` (approved → in progress). Runs in the caller's transaction.
 */
export async function advancePlansOnCompletion(trx: Trx, personId: number, courseId: string, at: Date): Promise<void> {
	const items = await trx
		.selectFrom('plan_item as i')
		.innerJoin('development_plan as d', 'd.id', 'i.plan_id')
		.select(['i.id', 'i.plan_id as planId', 'i.title'])
		.where('d.person_id', '=', personId)
		.where('d.status', 'in', ['approved', 'in-progress'])
		.where('i.course_id', '=', courseId)
		.where('i.status', 'in', ['planned', 'in-progress'])
		.execute();
	for (const item of items) {
		await trx.updateTable('plan_item').set({ status: 'done', completed_at: at }).where('id', '=', item.id).execute();
		await applyEvent(trx, item.planId, { type: 'system.itemCompleted', itemsDone: await repo.countDone(trx, item.planId) }, null, item.title, at);
	}
}

// ---- the home page -------------------------------------------------------------------------

/** The home page's plan card: the learner's plan of the year and, for a supervisor, plans awaiting them. */
export async function planSummary(db: Db, actor: Actor | null, now = new Date()) {
	if (!actor) throw new ForbiddenError('signed out');
	const year = localYear(now);
	const [plan, awaiting] = await Promise.all([
		db
			.selectFrom('development_plan as d')
			.select((eb) => [
				'd.status',
				eb.selectFrom('plan_item as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.plan_id', '=', 'd.id').as('items'),
				eb.selectFrom('plan_item as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.plan_id', '=', 'd.id').where('i.status', '=', 'done').as('done')
			])
			.where('d.person_id', '=', actor.id)
			.where('d.year', '=', year)
			.executeTakeFirst(),
		actor.roles.includes('supervisor')
			? db
					.selectFrom('development_plan')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('supervisor_id', '=', actor.id)
					.where('status', '=', 'submitted')
					.executeTakeFirstOrThrow()
			: Promise.resolve({ n: 0 })
	]);
	return {
		year,
		plan: plan ? { status: plan.status as PlanStatus, items: Number(plan.items), done: Number(plan.done) } : null,
		awaiting: Number(awaiting.n)
	};
}
