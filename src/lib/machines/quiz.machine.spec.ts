import { describe, it, expect } from 'vitest';
import { createActor, transition } from 'xstate';
import { getShortestPaths } from '@xstate/graph';
import { QUIZ_MACHINE_VERSION, quizMachine, quizStatus, type QuizEvent, type QuizInput, type QuizSnapshot } from './quiz.machine';

const DEADLINE = 1_000_000;
const input: QuizInput = { questionIds: ['q1', 'q2', 'q3'], deadline: DEADLINE, passMark: 60 };

function startedQuiz(overrides: Partial<QuizInput> = {}) {
	const actor = createActor(quizMachine, { input: { ...input, ...overrides } }).start();
	actor.send({ type: 'learner.start', at: 0 });
	return actor;
}

/** The part of a snapshot that must survive a path replay or a restart. */
function stateOf(snapshot: QuizSnapshot): string {
	return JSON.stringify({ value: snapshot.value, context: snapshot.context });
}

/** Concrete sample events for graph traversal: in time, at the deadline, late, and every grading outcome. */
const sampleEvents: QuizEvent[] = [
	{ type: 'learner.start', at: 0 },
	{ type: 'learner.answer', questionId: 'q1', response: 'a', at: 500 },
	{ type: 'learner.answer', questionId: 'q1', response: '', at: 500 },
	{ type: 'learner.answer', questionId: 'unknown', response: 'a', at: 500 },
	{ type: 'learner.answer', questionId: 'q2', response: 'b', at: DEADLINE + 1 },
	{ type: 'learner.review' },
	{ type: 'learner.resume' },
	{ type: 'learner.submit', at: 600 },
	{ type: 'learner.submit', at: DEADLINE + 1 },
	{ type: 'timer.expired', at: DEADLINE - 1 },
	{ type: 'timer.expired', at: DEADLINE + 1 },
	{ type: 'system.graded', score: 3, maxScore: 5, pendingQuestionIds: [] },
	{ type: 'system.graded', score: 2, maxScore: 5, pendingQuestionIds: [] },
	{ type: 'system.graded', score: 2, maxScore: 5, pendingQuestionIds: ['q3'] },
	{ type: 'trainer.grade', questionId: 'q3', points: 1, at: 2_000_000 },
	{ type: 'trainer.grade', questionId: 'q3', points: 0, at: 2_000_000 },
	{ type: 'trainer.grade', questionId: 'q1', points: 5, at: 2_000_000 },
	{ type: 'learner.abandon' },
	{ type: 'system.abandon' }
];

describe('quizMachine graph', () => {
	const paths = getShortestPaths(quizMachine, { input, events: sampleEvents });

	it('reaches every state and nothing else', () => {
		// Arrange / Act
		const reached = new Set(paths.map((path) => JSON.stringify(path.state.value)));

		// Assert
		expect([...reached].sort()).toEqual(
			[
				'notStarted',
				{ inProgress: 'answering' },
				{ inProgress: 'reviewing' },
				'submitted',
				'expired',
				'awaitingManualGrading',
				{ graded: 'passed' },
				{ graded: 'failed' },
				'abandoned'
			]
				.map((value) => JSON.stringify(value))
				.sort()
		);
	});

	it('maps every reachable state to a status', () => {
		const statuses = new Set(paths.map((path) => quizStatus(path.state)));

		expect([...statuses].sort()).toEqual(
			['not-started', 'answering', 'reviewing', 'submitted', 'expired', 'awaiting-manual-grading', 'passed', 'failed', 'abandoned'].sort()
		);
	});

	it('generates a path per distinct (state, context)', () => {
		expect(paths.length).toBeGreaterThan(9);
	});

	for (const path of paths) {
		const description = path.steps.map((step) => step.event.type).join(' → ') || '(initial)';
		it(`replays ${description} with createActor`, () => {
			// Arrange
			const actor = createActor(quizMachine, { input }).start();

			// Act
			for (const step of path.steps) actor.send(step.event);

			// Assert
			expect(stateOf(actor.getSnapshot())).toBe(stateOf(path.state));
			actor.stop();
		});
	}
});

describe('quizMachine lifecycle', () => {
	it('starts in notStarted with the input in context', () => {
		const actor = createActor(quizMachine, { input }).start();

		const snapshot = actor.getSnapshot();
		expect(snapshot.value).toBe('notStarted');
		expect(quizStatus(snapshot)).toBe('not-started');
		expect(snapshot.context).toEqual({
			questionIds: ['q1', 'q2', 'q3'],
			deadline: DEADLINE,
			passMark: 60,
			answers: {},
			startedAt: null,
			submittedAt: null,
			submittedBy: null,
			score: null,
			maxScore: null,
			pendingQuestionIds: [],
			refusedLateAnswer: false
		});
	});

	it('learner.start records startedAt and opens answering', () => {
		const actor = createActor(quizMachine, { input }).start();

		actor.send({ type: 'learner.start', at: 42 });

		expect(actor.getSnapshot().value).toEqual({ inProgress: 'answering' });
		expect(actor.getSnapshot().context.startedAt).toBe(42);
	});

	it('ignores answers before the attempt is started', () => {
		const actor = createActor(quizMachine, { input }).start();

		actor.send({ type: 'learner.answer', questionId: 'q1', response: 'a', at: 1 });

		expect(actor.getSnapshot().value).toBe('notStarted');
		expect(actor.getSnapshot().context.answers).toEqual({});
	});

	it('saves, overwrites and clears answers (null and empty string remove)', () => {
		const actor = startedQuiz();

		actor.send({ type: 'learner.answer', questionId: 'q1', response: 'a', at: 1 });
		actor.send({ type: 'learner.answer', questionId: 'q2', response: ['x', 'y'], at: 2 });
		actor.send({ type: 'learner.answer', questionId: 'q1', response: 'b', at: 3 });
		expect(actor.getSnapshot().context.answers).toEqual({ q1: 'b', q2: ['x', 'y'] });

		actor.send({ type: 'learner.answer', questionId: 'q1', response: '', at: 4 });
		actor.send({ type: 'learner.answer', questionId: 'q2', response: null, at: 5 });
		expect(actor.getSnapshot().context.answers).toEqual({});
	});

	it('ignores an answer to an unknown question', () => {
		const actor = startedQuiz();
		const before = actor.getSnapshot();

		actor.send({ type: 'learner.answer', questionId: 'not-in-this-quiz', response: 'a', at: 1 });

		expect(actor.getSnapshot().context).toEqual(before.context);
		expect(actor.getSnapshot().value).toEqual({ inProgress: 'answering' });
	});

	it('moves between answering and reviewing, and still accepts answers while reviewing', () => {
		const actor = startedQuiz();

		actor.send({ type: 'learner.review' });
		expect(quizStatus(actor.getSnapshot())).toBe('reviewing');

		actor.send({ type: 'learner.answer', questionId: 'q3', response: 'c', at: 10 });
		expect(actor.getSnapshot().value).toEqual({ inProgress: 'reviewing' });
		expect(actor.getSnapshot().context.answers).toEqual({ q3: 'c' });

		actor.send({ type: 'learner.resume' });
		expect(quizStatus(actor.getSnapshot())).toBe('answering');
	});

	it('learner.submit in time records the learner and the time', () => {
		const actor = startedQuiz();

		actor.send({ type: 'learner.submit', at: 700 });

		expect(actor.getSnapshot().value).toBe('submitted');
		expect(actor.getSnapshot().context).toMatchObject({ submittedAt: 700, submittedBy: 'learner' });
	});

	it('submit from reviewing works too', () => {
		const actor = startedQuiz();
		actor.send({ type: 'learner.review' });

		actor.send({ type: 'learner.submit', at: 700 });

		expect(actor.getSnapshot().value).toBe('submitted');
	});

	it.each([['learner' as const], ['system' as const]])('%s.abandon ends the attempt from notStarted and inProgress', (who) => {
		const fresh = createActor(quizMachine, { input }).start();
		const started = startedQuiz();
		started.send({ type: 'learner.review' });

		fresh.send({ type: `${who}.abandon` });
		started.send({ type: `${who}.abandon` });

		expect(fresh.getSnapshot().value).toBe('abandoned');
		expect(fresh.getSnapshot().status).toBe('done');
		expect(started.getSnapshot().value).toBe('abandoned');
	});

	it('cannot abandon after submission', () => {
		const actor = startedQuiz();
		actor.send({ type: 'learner.submit', at: 700 });

		actor.send({ type: 'learner.abandon' });

		expect(actor.getSnapshot().value).toBe('submitted');
	});
});

describe('quizMachine deadline', () => {
	it('accepts an answer exactly at the deadline', () => {
		const actor = startedQuiz();

		actor.send({ type: 'learner.answer', questionId: 'q1', response: 'a', at: DEADLINE });

		expect(quizStatus(actor.getSnapshot())).toBe('answering');
		expect(actor.getSnapshot().context.answers).toEqual({ q1: 'a' });
		expect(actor.getSnapshot().context.refusedLateAnswer).toBe(false);
	});

	it('refuses an answer 1 ms after the deadline: expired, answer not saved, closed by the timer at the deadline', () => {
		const actor = startedQuiz();
		actor.send({ type: 'learner.answer', questionId: 'q1', response: 'a', at: 10 });

		actor.send({ type: 'learner.answer', questionId: 'q2', response: 'late', at: DEADLINE + 1 });

		const { value, context } = actor.getSnapshot();
		expect(value).toBe('expired');
		expect(context.answers).toEqual({ q1: 'a' });
		expect(context).toMatchObject({ refusedLateAnswer: true, submittedAt: DEADLINE, submittedBy: 'timer' });
	});

	it('refuses a late answer even to an unknown question (the deadline is checked first)', () => {
		const actor = startedQuiz();

		actor.send({ type: 'learner.answer', questionId: 'unknown', response: 'a', at: DEADLINE + 1 });

		expect(actor.getSnapshot().value).toBe('expired');
	});

	it('submit exactly at the deadline is a learner submission', () => {
		const actor = startedQuiz();

		actor.send({ type: 'learner.submit', at: DEADLINE });

		expect(actor.getSnapshot().value).toBe('submitted');
		expect(actor.getSnapshot().context).toMatchObject({ submittedAt: DEADLINE, submittedBy: 'learner' });
	});

	it('submit after the deadline expires the attempt, submitted by the timer at the deadline', () => {
		const actor = startedQuiz();

		actor.send({ type: 'learner.submit', at: DEADLINE + 5_000 });

		expect(actor.getSnapshot().value).toBe('expired');
		expect(actor.getSnapshot().context).toMatchObject({ submittedAt: DEADLINE, submittedBy: 'timer', refusedLateAnswer: false });
	});

	it('timer.expired before or at the deadline is ignored', () => {
		const actor = startedQuiz();

		actor.send({ type: 'timer.expired', at: DEADLINE - 1 });
		actor.send({ type: 'timer.expired', at: DEADLINE });

		expect(quizStatus(actor.getSnapshot())).toBe('answering');
		expect(actor.getSnapshot().context.submittedAt).toBeNull();
	});

	it('timer.expired after the deadline expires the attempt from reviewing', () => {
		const actor = startedQuiz();
		actor.send({ type: 'learner.review' });

		actor.send({ type: 'timer.expired', at: DEADLINE + 1 });

		expect(actor.getSnapshot().value).toBe('expired');
		expect(actor.getSnapshot().context).toMatchObject({ submittedAt: DEADLINE, submittedBy: 'timer' });
	});

	it('has no deadline when deadline is null', () => {
		const actor = startedQuiz({ deadline: null });

		actor.send({ type: 'timer.expired', at: Number.MAX_SAFE_INTEGER });
		actor.send({ type: 'learner.answer', questionId: 'q1', response: 'a', at: Number.MAX_SAFE_INTEGER });
		actor.send({ type: 'learner.submit', at: Number.MAX_SAFE_INTEGER });

		expect(actor.getSnapshot().value).toBe('submitted');
		expect(actor.getSnapshot().context).toMatchObject({ answers: { q1: 'a' }, submittedBy: 'learner' });
	});

	it('an expired attempt is graded like a submitted one', () => {
		const actor = startedQuiz();
		actor.send({ type: 'timer.expired', at: DEADLINE + 1 });

		actor.send({ type: 'system.graded', score: 4, maxScore: 5, pendingQuestionIds: [] });

		expect(quizStatus(actor.getSnapshot())).toBe('passed');
	});

	it('ignores answers and submits once expired', () => {
		const actor = startedQuiz();
		actor.send({ type: 'timer.expired', at: DEADLINE + 1 });

		actor.send({ type: 'learner.answer', questionId: 'q1', response: 'a', at: 5 });
		actor.send({ type: 'learner.submit', at: 5 });

		expect(actor.getSnapshot().value).toBe('expired');
		expect(actor.getSnapshot().context).toMatchObject({ answers: {}, submittedBy: 'timer', submittedAt: DEADLINE });
	});
});

describe('quizMachine grading', () => {
	function submittedQuiz(passMark = 60) {
		const actor = startedQuiz({ passMark });
		actor.send({ type: 'learner.submit', at: 700 });
		return actor;
	}

	it('exactly the pass mark passes', () => {
		const actor = submittedQuiz(60);

		actor.send({ type: 'system.graded', score: 3, maxScore: 5, pendingQuestionIds: [] });

		expect(actor.getSnapshot().value).toEqual({ graded: 'passed' });
		expect(actor.getSnapshot().context).toMatchObject({ score: 3, maxScore: 5, pendingQuestionIds: [] });
	});

	it('just below the pass mark fails', () => {
		const actor = submittedQuiz(60);

		actor.send({ type: 'system.graded', score: 5.99, maxScore: 10, pendingQuestionIds: [] });

		expect(actor.getSnapshot().value).toEqual({ graded: 'failed' });
	});

	it('a pass mark of 0 passes a score of 0', () => {
		const actor = submittedQuiz(0);

		actor.send({ type: 'system.graded', score: 0, maxScore: 4, pendingQuestionIds: [] });

		expect(quizStatus(actor.getSnapshot())).toBe('passed');
	});

	it('maxScore 0 fails, even with a pass mark of 0', () => {
		const actor = submittedQuiz(0);

		actor.send({ type: 'system.graded', score: 0, maxScore: 0, pendingQuestionIds: [] });

		expect(quizStatus(actor.getSnapshot())).toBe('failed');
	});

	it('double submit gives one result: the second submit and the second grading change nothing', () => {
		const actor = startedQuiz();
		actor.send({ type: 'learner.submit', at: 700 });

		actor.send({ type: 'learner.submit', at: 800 });
		expect(actor.getSnapshot().context).toMatchObject({ submittedAt: 700, submittedBy: 'learner' });

		actor.send({ type: 'system.graded', score: 5, maxScore: 5, pendingQuestionIds: [] });
		const first = stateOf(actor.getSnapshot());
		actor.send({ type: 'system.graded', score: 0, maxScore: 5, pendingQuestionIds: [] });
		actor.send({ type: 'learner.submit', at: 900 });

		expect(stateOf(actor.getSnapshot())).toBe(first);
		expect(quizStatus(actor.getSnapshot())).toBe('passed');
	});

	it('snapshot.can tells the server whether an event would be accepted', () => {
		const actor = startedQuiz();
		expect(actor.getSnapshot().can({ type: 'learner.submit', at: 700 })).toBe(true);
		expect(actor.getSnapshot().can({ type: 'timer.expired', at: DEADLINE })).toBe(false);

		actor.send({ type: 'learner.submit', at: 700 });

		expect(actor.getSnapshot().can({ type: 'learner.submit', at: 800 })).toBe(false);
		expect(actor.getSnapshot().can({ type: 'system.graded', score: 1, maxScore: 1, pendingQuestionIds: [] })).toBe(true);
	});

	it('waits for manual grading while questions are pending', () => {
		const actor = submittedQuiz();

		actor.send({ type: 'system.graded', score: 2, maxScore: 10, pendingQuestionIds: ['q2', 'q3'] });

		expect(quizStatus(actor.getSnapshot())).toBe('awaiting-manual-grading');
		expect(actor.getSnapshot().context).toMatchObject({ score: 2, maxScore: 10, pendingQuestionIds: ['q2', 'q3'] });
	});

	it('manual grading completes the attempt: passed when the total reaches the pass mark', () => {
		const actor = submittedQuiz();
		actor.send({ type: 'system.graded', score: 2, maxScore: 10, pendingQuestionIds: ['q2', 'q3'] });

		actor.send({ type: 'trainer.grade', questionId: 'q2', points: 3, at: 2_000_000 });
		expect(quizStatus(actor.getSnapshot())).toBe('awaiting-manual-grading');
		expect(actor.getSnapshot().context).toMatchObject({ score: 5, pendingQuestionIds: ['q3'] });

		actor.send({ type: 'trainer.grade', questionId: 'q3', points: 1, at: 2_000_001 });

		expect(actor.getSnapshot().value).toEqual({ graded: 'passed' });
		expect(actor.getSnapshot().context).toMatchObject({ score: 6, maxScore: 10, pendingQuestionIds: [] });
	});

	it('manual grading completes the attempt: failed when the total stays below the pass mark', () => {
		const actor = submittedQuiz();
		actor.send({ type: 'system.graded', score: 2, maxScore: 10, pendingQuestionIds: ['q3'] });

		actor.send({ type: 'trainer.grade', questionId: 'q3', points: 3.5, at: 2_000_000 });

		expect(actor.getSnapshot().value).toEqual({ graded: 'failed' });
		expect(actor.getSnapshot().context.score).toBe(5.5);
	});

	it('ignores trainer.grade for a question that is not pending (unknown or already graded)', () => {
		const actor = submittedQuiz();
		actor.send({ type: 'system.graded', score: 2, maxScore: 10, pendingQuestionIds: ['q2', 'q3'] });
		actor.send({ type: 'trainer.grade', questionId: 'q2', points: 1, at: 2_000_000 });
		const before = stateOf(actor.getSnapshot());

		actor.send({ type: 'trainer.grade', questionId: 'q1', points: 10, at: 2_000_001 });
		actor.send({ type: 'trainer.grade', questionId: 'q2', points: 10, at: 2_000_002 });
		actor.send({ type: 'system.graded', score: 10, maxScore: 10, pendingQuestionIds: [] });

		expect(stateOf(actor.getSnapshot())).toBe(before);
	});

	it('ignores trainer.grade before the automatic grading', () => {
		const actor = submittedQuiz();

		actor.send({ type: 'trainer.grade', questionId: 'q3', points: 1, at: 2_000_000 });

		expect(actor.getSnapshot().value).toBe('submitted');
		expect(actor.getSnapshot().context.score).toBeNull();
	});

	it('ignores system.graded while the attempt is still in progress', () => {
		const actor = startedQuiz();

		actor.send({ type: 'system.graded', score: 5, maxScore: 5, pendingQuestionIds: [] });

		expect(quizStatus(actor.getSnapshot())).toBe('answering');
	});

	it('nothing leaves graded or abandoned', () => {
		const passed = submittedQuiz();
		passed.send({ type: 'system.graded', score: 5, maxScore: 5, pendingQuestionIds: [] });
		const abandoned = createActor(quizMachine, { input }).start();
		abandoned.send({ type: 'system.abandon' });

		for (const snapshot of [passed.getSnapshot(), abandoned.getSnapshot()]) {
			for (const event of sampleEvents) {
				const [next] = transition(quizMachine, snapshot, event);
				expect(stateOf(next)).toBe(stateOf(snapshot));
			}
		}
	});
});

describe('quizMachine persistence', () => {
	function roundTrip(snapshot: unknown) {
		return JSON.parse(JSON.stringify(snapshot));
	}

	it('exports a version for stored snapshots', () => {
		expect(QUIZ_MACHINE_VERSION).toBe(1);
	});

	it('restores an attempt in progress and accepts the next answer and submit', () => {
		// Arrange
		const actor = startedQuiz();
		actor.send({ type: 'learner.answer', questionId: 'q1', response: { choice: 2 }, at: 10 });
		actor.send({ type: 'learner.review' });
		const stored = roundTrip(actor.getPersistedSnapshot());
		actor.stop();

		// Act
		const restored = createActor(quizMachine, { snapshot: stored, input }).start();

		// Assert
		expect(restored.getSnapshot().value).toEqual({ inProgress: 'reviewing' });
		expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
		restored.send({ type: 'learner.answer', questionId: 'q2', response: 'b', at: 20 });
		restored.send({ type: 'learner.submit', at: 30 });
		expect(restored.getSnapshot().value).toBe('submitted');
		expect(restored.getSnapshot().context).toMatchObject({
			answers: { q1: { choice: 2 }, q2: 'b' },
			startedAt: 0,
			submittedAt: 30,
			submittedBy: 'learner'
		});
	});

	it('restored attempt still enforces the deadline', () => {
		const actor = startedQuiz();
		const stored = roundTrip(actor.getPersistedSnapshot());

		const restored = createActor(quizMachine, { snapshot: stored, input }).start();
		restored.send({ type: 'learner.answer', questionId: 'q1', response: 'a', at: DEADLINE + 1 });

		expect(restored.getSnapshot().value).toBe('expired');
		expect(restored.getSnapshot().context.answers).toEqual({});
	});

	it('restores manual grading and finishes it', () => {
		const actor = startedQuiz();
		actor.send({ type: 'learner.submit', at: 700 });
		actor.send({ type: 'system.graded', score: 2, maxScore: 5, pendingQuestionIds: ['q3'] });
		const stored = roundTrip(actor.getPersistedSnapshot());

		const restored = createActor(quizMachine, { snapshot: stored, input }).start();
		expect(stateOf(restored.getSnapshot())).toBe(stateOf(actor.getSnapshot()));
		restored.send({ type: 'trainer.grade', questionId: 'q3', points: 1, at: 2_000_000 });

		expect(restored.getSnapshot().value).toEqual({ graded: 'passed' });
		expect(restored.getSnapshot().context.score).toBe(3);
	});

	it('restores every state of the graph exactly', () => {
		for (const path of getShortestPaths(quizMachine, { input, events: sampleEvents })) {
			const actor = createActor(quizMachine, { input }).start();
			for (const step of path.steps) actor.send(step.event);

			const restored = createActor(quizMachine, { snapshot: roundTrip(actor.getPersistedSnapshot()), input }).start();

			expect(stateOf(restored.getSnapshot())).toBe(stateOf(actor.getSnapshot()));
			expect(restored.getSnapshot().status).toBe(actor.getSnapshot().status);
		}
	});
});
