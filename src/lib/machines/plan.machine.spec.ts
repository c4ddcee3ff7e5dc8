import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { PLAN_STATUSES, planMachine, planStatus, type PlanEvent, type PlanSnapshot } from './plan.machine';

const OWNER = 10;
const SUPERVISOR = 20;
const STRANGER = 30;
const input = { ownerId: OWNER, supervisorId: SUPERVISOR };
/** The server's WIB day when evaluation opens for a 2026 plan. */
const YEAR_END = '2026-12-01';

const events: PlanEvent[] = [
	{ type: 'learner.itemsChanged', by: OWNER, itemCount: 2 },
	{ type: 'learner.itemsChanged', by: OWNER, itemCount: 0 },
	{ type: 'learner.submit', by: OWNER, supervisorId: SUPERVISOR },
	{ type: 'learner.submit', by: STRANGER, supervisorId: SUPERVISOR },
	{ type: 'supervisor.requestChanges', by: SUPERVISOR, comment: 'Tambahkan kegiatan pendampingan.' },
	{ type: 'supervisor.requestChanges', by: SUPERVISOR, comment: '  ' },
	{ type: 'supervisor.approve', by: SUPERVISOR },
	{ type: 'supervisor.approve', by: OWNER },
	{ type: 'supervisor.approve', by: STRANGER },
	{ type: 'system.itemCompleted', itemsDone: 1 },
	{ type: 'supervisor.evaluate', by: SUPERVISOR, rating: 'tercapai', note: 'Semua target tercapai.', today: YEAR_END, planYear: 2026 },
	{ type: 'supervisor.evaluate', by: SUPERVISOR, rating: 'tercapai', note: 'Terlalu dini.', today: '2026-11-30', planYear: 2026 },
	{ type: 'supervisor.evaluate', by: OWNER, rating: 'tercapai', today: YEAR_END, planYear: 2026 }
];

// The context keeps counters and comments; the graph is about where the plan stands.
const serializeState = (s: PlanSnapshot) => JSON.stringify({ value: s.value, items: s.context.itemCount > 0 });

const newPlan = () => createActor(planMachine, { input }).start();

describe('planMachine graph', () => {
	const shortest = getShortestPaths(planMachine, { input, events, serializeState });

	it('reaches every status', () => {
		const reached = new Set(shortest.map((p) => planStatus(p.state)));
		expect([...reached].sort()).toEqual([...PLAN_STATUSES].sort());
	});

	for (const path of shortest) {
		const description = path.steps.map((s) => s.event.type).join(' → ') || '(initial)';
		it(`replays the shortest path ${description}`, () => {
			const actor = newPlan();
			for (const step of path.steps) actor.send(step.event);
			expect(serializeState(actor.getSnapshot())).toBe(serializeState(path.state));
			// Persisting and restoring lands in the same place.
			const restored = createActor(planMachine, { snapshot: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())), input }).start();
			expect(planStatus(restored.getSnapshot())).toBe(planStatus(actor.getSnapshot()));
		});
	}

	it('every simple path to "evaluated" passes submission and the supervisor’s approval, never the owner’s', () => {
		const toEvaluated = getSimplePaths(planMachine, { input, events, serializeState }).filter((p) => planStatus(p.state) === 'evaluated');
		expect(toEvaluated.length).toBeGreaterThan(1);
		for (const path of toEvaluated) {
			const types = path.steps.map((s) => s.event.type);
			expect(types).toContain('learner.submit');
			const approval = path.steps.find((s) => s.event.type === 'supervisor.approve')!;
			expect(approval.event).toMatchObject({ by: SUPERVISOR });
			const evaluation = path.steps.at(-1)!.event;
			expect(evaluation).toMatchObject({ type: 'supervisor.evaluate', by: SUPERVISOR, today: YEAR_END });
			// Execute it.
			const actor = newPlan();
			for (const step of path.steps) actor.send(step.event);
			expect(planStatus(actor.getSnapshot())).toBe('evaluated');
		}
	});
});

describe('planMachine guards', () => {
	const submitted = () => {
		const a = newPlan();
		a.send({ type: 'learner.itemsChanged', by: OWNER, itemCount: 1 });
		a.send({ type: 'learner.submit', by: OWNER, supervisorId: SUPERVISOR });
		return a;
	};

	it('a plan without items cannot be submitted', () => {
		const a = newPlan();
		a.send({ type: 'learner.submit', by: OWNER, supervisorId: SUPERVISOR });
		expect(planStatus(a.getSnapshot())).toBe('draft');
	});

	it('a plan cannot be submitted without a direct supervisor, or to its owner', () => {
		const a = newPlan();
		a.send({ type: 'learner.itemsChanged', by: OWNER, itemCount: 1 });
		a.send({ type: 'learner.submit', by: OWNER, supervisorId: null });
		a.send({ type: 'learner.submit', by: OWNER, supervisorId: OWNER });
		expect(planStatus(a.getSnapshot())).toBe('draft');
	});

	it('only the owner submits', () => {
		const a = newPlan();
		a.send({ type: 'learner.itemsChanged', by: STRANGER, itemCount: 1 });
		expect(a.getSnapshot().context.itemCount).toBe(0);
		a.send({ type: 'learner.itemsChanged', by: OWNER, itemCount: 1 });
		a.send({ type: 'learner.submit', by: STRANGER, supervisorId: SUPERVISOR });
		expect(planStatus(a.getSnapshot())).toBe('draft');
	});

	it('a learner cannot approve their own plan, even when named as supervisor', () => {
		const a = submitted();
		a.send({ type: 'supervisor.approve', by: OWNER });
		expect(planStatus(a.getSnapshot())).toBe('submitted');
		const self = createActor(planMachine, { input: { ownerId: OWNER, supervisorId: OWNER } }).start();
		self.send({ type: 'learner.itemsChanged', by: OWNER, itemCount: 1 });
		self.send({ type: 'learner.submit', by: OWNER, supervisorId: OWNER });
		self.send({ type: 'supervisor.approve', by: OWNER });
		expect(planStatus(self.getSnapshot())).toBe('draft');
	});

	it('only the direct supervisor approves, asks for changes and evaluates', () => {
		const a = submitted();
		a.send({ type: 'supervisor.approve', by: STRANGER });
		a.send({ type: 'supervisor.requestChanges', by: STRANGER, comment: 'Ganti kursus.' });
		expect(planStatus(a.getSnapshot())).toBe('submitted');
		a.send({ type: 'supervisor.approve', by: SUPERVISOR });
		expect(planStatus(a.getSnapshot())).toBe('approved');
		a.send({ type: 'supervisor.evaluate', by: STRANGER, rating: 'tercapai', today: YEAR_END, planYear: 2026 });
		expect(planStatus(a.getSnapshot())).toBe('approved');
	});

	it('asking for changes needs a comment, which the plan keeps', () => {
		const a = submitted();
		a.send({ type: 'supervisor.requestChanges', by: SUPERVISOR, comment: ' ' });
		expect(planStatus(a.getSnapshot())).toBe('submitted');
		a.send({ type: 'supervisor.requestChanges', by: SUPERVISOR, comment: 'Tambahkan target tanggal.' });
		expect(planStatus(a.getSnapshot())).toBe('changes-requested');
		expect(a.getSnapshot().context.lastComment).toBe('Tambahkan target tanggal.');
	});

	it('a completed item starts an approved plan; later completions keep it in progress', () => {
		const a = submitted();
		a.send({ type: 'system.itemCompleted', itemsDone: 1 });
		expect(planStatus(a.getSnapshot())).toBe('submitted'); // not approved yet: nothing moves
		a.send({ type: 'supervisor.approve', by: SUPERVISOR });
		a.send({ type: 'system.itemCompleted', itemsDone: 1 });
		expect(planStatus(a.getSnapshot())).toBe('in-progress');
		a.send({ type: 'system.itemCompleted', itemsDone: 2 });
		expect(a.getSnapshot().context.itemsDone).toBe(2);
	});

	it('an evaluation needs a known rating and is final', () => {
		const a = submitted();
		a.send({ type: 'supervisor.approve', by: SUPERVISOR });
		a.send({ type: 'supervisor.evaluate', by: SUPERVISOR, rating: 'luar-biasa' as never, today: YEAR_END, planYear: 2026 });
		expect(planStatus(a.getSnapshot())).toBe('approved');
		a.send({ type: 'supervisor.evaluate', by: SUPERVISOR, rating: 'sebagian', note: 'Dua dari tiga kegiatan.', today: YEAR_END, planYear: 2026 });
		expect(planStatus(a.getSnapshot())).toBe('evaluated');
		expect(a.getSnapshot().context).toMatchObject({ rating: 'sebagian', lastComment: 'Dua dari tiga kegiatan.' });
		expect(a.getSnapshot().status).toBe('done');
	});

	it('evaluation is at year end: refused before 1 December of the plan’s year (the server’s day), accepted from it', () => {
		const a = submitted();
		a.send({ type: 'supervisor.approve', by: SUPERVISOR });
		a.send({ type: 'supervisor.evaluate', by: SUPERVISOR, rating: 'tercapai', today: '2026-11-30', planYear: 2026 });
		expect(planStatus(a.getSnapshot())).toBe('approved');
		// A 2025 plan is open for evaluation all of 2026; a 2026 plan is not in December 2025.
		a.send({ type: 'supervisor.evaluate', by: SUPERVISOR, rating: 'tercapai', today: '2025-12-15', planYear: 2026 });
		expect(planStatus(a.getSnapshot())).toBe('approved');
		a.send({ type: 'system.itemCompleted', itemsDone: 1 });
		a.send({ type: 'supervisor.evaluate', by: SUPERVISOR, rating: 'tercapai', today: '2026-11-27', planYear: 2026 });
		expect(planStatus(a.getSnapshot())).toBe('in-progress');
		a.send({ type: 'supervisor.evaluate', by: SUPERVISOR, rating: 'tercapai', today: '2026-12-01', planYear: 2026 });
		expect(planStatus(a.getSnapshot())).toBe('evaluated');
	});
});
