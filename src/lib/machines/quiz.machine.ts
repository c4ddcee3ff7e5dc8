/**
 * One exam attempt by one learner.
 *
 * Pure: imports nothing but 'xstate', so the server (authoritative) and the browser
 * (optimistic UI) run the same logic. There are no timers inside the machine: every
 * event whose outcome depends on the clock carries `at` (epoch ms) and the deadline
 * is compared with that value, never with `Date.now()`.
 *
 * Events that a state does not accept are ignored (XState default). That is what makes
 * a double submit, a late second grading or a grade for a question that is not pending
 * harmless: the second event changes nothing.
 *
 * Persist with `actor.getPersistedSnapshot()` together with `QUIZ_MACHINE_VERSION`;
 * restore with `createActor(quizMachine, { snapshot, input })`. Bump the version when
 * states or context change shape, so old snapshots can be migrated or rejected.
 */
import { and, assign, setup, type SnapshotFrom } from 'xstate';

export const QUIZ_MACHINE_VERSION = 1;

export interface QuizInput {
	questionIds: string[];
	/** Epoch ms after which answers and submissions are refused; null = no time limit. */
	deadline: number | null;
	/** Percentage (0–100) of `maxScore` needed to pass. */
	passMark: number;
}

export interface QuizContext {
	questionIds: string[];
	deadline: number | null;
	passMark: number;
	answers: Record<string, unknown>;
	startedAt: number | null;
	submittedAt: number | null;
	submittedBy: 'learner' | 'timer' | null;
	score: number | null;
	maxScore: number | null;
	pendingQuestionIds: string[];
	refusedLateAnswer: boolean;
}

export type QuizEvent =
	| { type: 'learner.start'; at: number }
	| { type: 'learner.answer'; questionId: string; response: unknown; at: number }
	| { type: 'learner.review' }
	| { type: 'learner.resume' }
	| { type: 'learner.submit'; at: number }
	| { type: 'learner.abandon' }
	| { type: 'timer.expired'; at: number }
	| { type: 'system.graded'; score: number; maxScore: number; pendingQuestionIds: string[] }
	| { type: 'system.abandon' }
	| { type: 'trainer.grade'; questionId: string; points: number; at: number };

export type QuizStatus =
	| 'not-started'
	| 'answering'
	| 'reviewing'
	| 'submitted'
	| 'expired'
	| 'awaiting-manual-grading'
	| 'passed'
	| 'failed'
	| 'abandoned';

/** Pass rule shared by automatic and manual grading. A `maxScore` of 0 never passes. */
function passes(score: number, maxScore: number, passMark: number): boolean {
	if (!(maxScore > 0)) return false;
	return (score / maxScore) * 100 >= passMark;
}

function isEmptyResponse(response: unknown): boolean {
	return response === null || response === undefined || response === '';
}

export const quizMachine = setup({
	types: {
		input: {} as QuizInput,
		context: {} as QuizContext,
		events: {} as QuizEvent
	},
	guards: {
		/** Strictly after the deadline: an event at exactly `deadline` is still in time. */
		isPastDeadline: ({ context, event }) => context.deadline !== null && 'at' in event && event.at > context.deadline,
		isKnownQuestion: ({ context, event }) => event.type === 'learner.answer' && context.questionIds.includes(event.questionId),
		isPendingQuestion: ({ context, event }) =>
			event.type === 'trainer.grade' && context.pendingQuestionIds.includes(event.questionId),
		// Automatic grading (`system.graded`): decided on the grade in the event, before it is stored.
		hasPendingQuestions: ({ event }) => event.type === 'system.graded' && event.pendingQuestionIds.length > 0,
		hasPassed: ({ context, event }) => event.type === 'system.graded' && passes(event.score, event.maxScore, context.passMark),
		// Manual grading (`always` in awaitingManualGrading): decided on the stored grade only. These
		// must not look at the event: eventless transitions are re-checked after any event, accepted or not.
		hasGradedAllQuestions: ({ context }) => context.pendingQuestionIds.length === 0,
		hasPassedAfterManualGrading: ({ context }) => passes(context.score ?? 0, context.maxScore ?? 0, context.passMark)
	},
	actions: {
		recordStart: assign({
			startedAt: ({ event }) => (event.type === 'learner.start' ? event.at : null)
		}),
		saveAnswer: assign({
			answers: ({ context, event }) => {
				if (event.type !== 'learner.answer') return context.answers;
				const { [event.questionId]: _previous, ...rest } = context.answers;
				return isEmptyResponse(event.response) ? rest : { ...rest, [event.questionId]: event.response };
			}
		}),
		refuseLateAnswer: assign({ refusedLateAnswer: true }),
		closeByTimer: assign({
			submittedAt: ({ context }) => context.deadline,
			submittedBy: 'timer' as const
		}),
		closeByLearner: assign({
			submittedAt: ({ event }) => (event.type === 'learner.submit' ? event.at : null),
			submittedBy: 'learner' as const
		}),
		storeGrade: assign({
			score: ({ event }) => (event.type === 'system.graded' ? event.score : null),
			maxScore: ({ event }) => (event.type === 'system.graded' ? event.maxScore : null),
			pendingQuestionIds: ({ event }) => (event.type === 'system.graded' ? [...event.pendingQuestionIds] : [])
		}),
		addManualPoints: assign({
			score: ({ context, event }) => (event.type === 'trainer.grade' ? (context.score ?? 0) + event.points : context.score),
			pendingQuestionIds: ({ context, event }) =>
				event.type === 'trainer.grade' ? context.pendingQuestionIds.filter((id) => id !== event.questionId) : context.pendingQuestionIds
		})
	}
}).createMachine({
	id: 'quiz',
	initial: 'notStarted',
	context: ({ input }) => ({
		questionIds: [...input.questionIds],
		deadline: input.deadline,
		passMark: input.passMark,
		answers: {},
		startedAt: null,
		submittedAt: null,
		submittedBy: null,
		score: null,
		maxScore: null,
		pendingQuestionIds: [],
		refusedLateAnswer: false
	}),
	states: {
		notStarted: {
			on: {
				'learner.start': { target: 'inProgress', actions: 'recordStart' },
				'learner.abandon': { target: 'abandoned' },
				'system.abandon': { target: 'abandoned' }
			}
		},
		inProgress: {
			initial: 'answering',
			states: {
				answering: {
					on: { 'learner.review': { target: 'reviewing' } }
				},
				reviewing: {
					on: { 'learner.resume': { target: 'answering' } }
				}
			},
			on: {
				'learner.answer': [
					{ guard: 'isPastDeadline', target: 'expired', actions: ['refuseLateAnswer', 'closeByTimer'] },
					// No target: the answer is saved and the learner stays where they are (answering or reviewing).
					{ guard: 'isKnownQuestion', actions: 'saveAnswer' }
				],
				'learner.submit': [
					{ guard: 'isPastDeadline', target: 'expired', actions: 'closeByTimer' },
					{ target: 'submitted', actions: 'closeByLearner' }
				],
				'timer.expired': { guard: 'isPastDeadline', target: 'expired', actions: 'closeByTimer' },
				'learner.abandon': { target: 'abandoned' },
				'system.abandon': { target: 'abandoned' }
			}
		},
		submitted: {
			on: {
				'system.graded': [
					{ guard: 'hasPendingQuestions', target: 'awaitingManualGrading', actions: 'storeGrade' },
					{ guard: 'hasPassed', target: 'graded.passed', actions: 'storeGrade' },
					{ target: 'graded.failed', actions: 'storeGrade' }
				]
			}
		},
		expired: {
			on: {
				'system.graded': [
					{ guard: 'hasPendingQuestions', target: 'awaitingManualGrading', actions: 'storeGrade' },
					{ guard: 'hasPassed', target: 'graded.passed', actions: 'storeGrade' },
					{ target: 'graded.failed', actions: 'storeGrade' }
				]
			}
		},
		awaitingManualGrading: {
			always: [
				{ guard: and(['hasGradedAllQuestions', 'hasPassedAfterManualGrading']), target: 'graded.passed' },
				{ guard: 'hasGradedAllQuestions', target: 'graded.failed' }
			],
			on: {
				'trainer.grade': { guard: 'isPendingQuestion', actions: 'addManualPoints' }
			}
		},
		// Terminal: no transitions leave `graded`. XState cannot mark a compound state itself
		// final, so its children are the final states (the actor stays 'active' there; use
		// `quizStatus`, not `snapshot.status`, to tell whether an attempt is finished).
		graded: {
			initial: 'failed',
			states: {
				passed: { type: 'final' },
				failed: { type: 'final' }
			}
		},
		abandoned: { type: 'final' }
	}
});

export type QuizSnapshot = SnapshotFrom<typeof quizMachine>;

/** Flat status for the server, the database column and the UI. */
export function quizStatus(snapshot: QuizSnapshot): QuizStatus {
	if (snapshot.matches({ inProgress: 'answering' })) return 'answering';
	if (snapshot.matches({ inProgress: 'reviewing' })) return 'reviewing';
	if (snapshot.matches({ graded: 'passed' })) return 'passed';
	if (snapshot.matches({ graded: 'failed' })) return 'failed';
	if (snapshot.matches('submitted')) return 'submitted';
	if (snapshot.matches('expired')) return 'expired';
	if (snapshot.matches('awaitingManualGrading')) return 'awaiting-manual-grading';
	if (snapshot.matches('abandoned')) return 'abandoned';
	return 'not-started';
}
