/**
 * One person's development plan (IDP) for one year.
 *
 *   draft → submitted → changes-requested → (resubmit) submitted → approved → in-progress → evaluated
 *
 * Pure: imports nothing but 'xstate'. The server restores the persisted snapshot, sends one event
 * with who sent it (`by`, a person id), and saves the new snapshot in the same transaction as the
 * plan's rows and its plan_event. An event that the state does not accept, or whose guard fails,
 * changes nothing (the service turns "nothing changed" into a refusal), so a double submit is
 * harmless.
 *
 * Persist with `actor.getPersistedSnapshot()` together with `PLAN_MACHINE_VERSION`; restore with
 * `createActor(planMachine, { snapshot, input })`.
 */
import { and, assign, setup, type SnapshotFrom } from 'xstate';

export const PLAN_MACHINE_VERSION = 1;

export interface PlanInput {
	ownerId: number;
	/** The owner's direct supervisor, the only person who approves, asks for changes and evaluates. */
	supervisorId: number | null;
	itemCount?: number;
}

export interface PlanContext {
	ownerId: number;
	supervisorId: number | null;
	itemCount: number;
	itemsDone: number;
	lastComment: string | null;
	rating: PlanRating | null;
}

export type PlanRating = 'tercapai' | 'sebagian' | 'tidak-tercapai';

export type PlanEvent =
	| { type: 'learner.itemsChanged'; by: number; itemCount: number }
	| { type: 'learner.submit'; by: number; supervisorId: number | null }
	| { type: 'supervisor.requestChanges'; by: number; comment: string }
	| { type: 'supervisor.approve'; by: number; comment?: string | null }
	| { type: 'system.itemCompleted'; itemsDone: number }
	/** `today` is the server's WIB calendar day (YYYY-MM-DD) and `planYear` the plan's year: the browser never decides when. */
	| { type: 'supervisor.evaluate'; by: number; rating: PlanRating; note?: string | null; today: string; planYear: number };

export type PlanStatus = 'draft' | 'submitted' | 'changes-requested' | 'approved' | 'in-progress' | 'evaluated';

export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'submitted', 'changes-requested', 'approved', 'in-progress', 'evaluated'];
export const PLAN_RATINGS: readonly PlanRating[] = ['tercapai', 'sebagian', 'tidak-tercapai'];

/** The supervisor evaluates at year end: from 1 December of the plan's year onward. */
export function evaluationOpensOn(planYear: number): string {
	return `${planYear}-12-01`;
}

const byOf = (event: PlanEvent): number | null => ('by' in event ? event.by : null);

export const planMachine = setup({
	types: {
		input: {} as PlanInput,
		context: {} as PlanContext,
		events: {} as PlanEvent
	},
	guards: {
		/** Only the plan's owner edits and submits it. */
		isOwner: ({ context, event }) => byOf(event) === context.ownerId,
		/** A plan without items cannot be submitted. */
		hasItems: ({ context }) => context.itemCount > 0,
		/** A submission needs a direct supervisor to go to, who is not the owner. */
		hasSupervisor: ({ context, event }) => {
			const id = event.type === 'learner.submit' ? event.supervisorId : context.supervisorId;
			return id !== null && id !== context.ownerId;
		},
		/** Only the direct supervisor acts on the plan; the owner never approves their own plan. */
		isDirectSupervisor: ({ context, event }) => {
			const by = byOf(event);
			return by !== null && context.supervisorId !== null && by === context.supervisorId && by !== context.ownerId;
		},
		hasComment: ({ event }) => event.type === 'supervisor.requestChanges' && event.comment.trim() !== '',
		isKnownRating: ({ event }) => event.type === 'supervisor.evaluate' && (PLAN_RATINGS as readonly string[]).includes(event.rating),
		/** Evaluation is at year end: not before 1 December of the plan's year (the server's clock, WIB). */
		isYearEnd: ({ event }) => event.type === 'supervisor.evaluate' && event.today >= evaluationOpensOn(event.planYear)
	},
	actions: {
		setItemCount: assign({ itemCount: ({ event }) => (event.type === 'learner.itemsChanged' ? Math.max(0, event.itemCount) : 0) }),
		fixSupervisor: assign({ supervisorId: ({ context, event }) => (event.type === 'learner.submit' ? event.supervisorId : context.supervisorId) }),
		keepComment: assign({
			lastComment: ({ event }) =>
				event.type === 'supervisor.requestChanges' ? event.comment.trim() : event.type === 'supervisor.approve' ? (event.comment?.trim() || null) : null
		}),
		countDone: assign({ itemsDone: ({ context, event }) => (event.type === 'system.itemCompleted' ? Math.max(context.itemsDone, event.itemsDone) : context.itemsDone) }),
		keepRating: assign({
			rating: ({ event }) => (event.type === 'supervisor.evaluate' ? event.rating : null),
			lastComment: ({ event }) => (event.type === 'supervisor.evaluate' ? (event.note?.trim() || null) : null)
		})
	}
}).createMachine({
	id: 'plan',
	initial: 'draft',
	context: ({ input }) => ({
		ownerId: input.ownerId,
		supervisorId: input.supervisorId,
		itemCount: input.itemCount ?? 0,
		itemsDone: 0,
		lastComment: null,
		rating: null
	}),
	states: {
		draft: {
			on: {
				'learner.itemsChanged': { guard: 'isOwner', actions: 'setItemCount' },
				'learner.submit': { guard: and(['isOwner', 'hasItems', 'hasSupervisor']), target: 'submitted', actions: 'fixSupervisor' }
			}
		},
		submitted: {
			on: {
				'supervisor.requestChanges': { guard: and(['isDirectSupervisor', 'hasComment']), target: 'changes-requested', actions: 'keepComment' },
				'supervisor.approve': { guard: 'isDirectSupervisor', target: 'approved', actions: 'keepComment' }
			}
		},
		'changes-requested': {
			on: {
				'learner.itemsChanged': { guard: 'isOwner', actions: 'setItemCount' },
				'learner.submit': { guard: and(['isOwner', 'hasItems', 'hasSupervisor']), target: 'submitted', actions: 'fixSupervisor' }
			}
		},
		approved: {
			on: {
				// The first completed item starts the plan.
				'system.itemCompleted': { target: 'in-progress', actions: 'countDone' },
				// At year end (from 1 December) a plan may be evaluated even if nothing started.
				'supervisor.evaluate': { guard: and(['isDirectSupervisor', 'isKnownRating', 'isYearEnd']), target: 'evaluated', actions: 'keepRating' }
			}
		},
		'in-progress': {
			on: {
				'system.itemCompleted': { actions: 'countDone' },
				'supervisor.evaluate': { guard: and(['isDirectSupervisor', 'isKnownRating', 'isYearEnd']), target: 'evaluated', actions: 'keepRating' }
			}
		},
		evaluated: { type: 'final' }
	}
});

export type PlanSnapshot = SnapshotFrom<typeof planMachine>;

export function planStatus(snapshot: PlanSnapshot): PlanStatus {
	return snapshot.value as PlanStatus;
}
