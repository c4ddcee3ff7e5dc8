/**
 * One person's certification in one course, from enrolment to expiry, recertification
 * or revocation.
 *
 * Pure: imports nothing but 'xstate'. There are no timers inside the machine: the clock
 * arrives as `clock.tick { at }` events (epoch ms) sent by the server (a scheduled job or
 * on read), and exam results arrive as `system.*` events once the quiz machine is graded.
 *
 * Events that a state does not accept are ignored (XState default), e.g. a second
 * `learner.startedExam` while an exam is already in progress does not count an attempt.
 *
 * Persist with `actor.getPersistedSnapshot()` together with
 * `CERTIFICATION_MACHINE_VERSION`; restore with
 * `createActor(certificationMachine, { snapshot, input })`.
 */
import { assign, setup, type SnapshotFrom } from 'xstate';

export const CERTIFICATION_MACHINE_VERSION = 1;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CertificationInput {
	/** How many days before `expiresAt` the certificate counts as expiring soon. */
	expiringWindowDays: number;
}

export interface CertificationContext {
	expiringWindowDays: number;
	issuedAt: number | null;
	/** Epoch ms; null = the certificate never expires. */
	expiresAt: number | null;
	/** Exam attempts started, first certification and recertifications together. */
	attempts: number;
	revokedReason: string | null;
	/** User id of the admin who revoked. */
	revokedBy: number | null;
}

export type CertificationEvent =
	| { type: 'learner.startedLearning' }
	| { type: 'learner.startedExam' }
	| { type: 'learner.startedRecertification' }
	| { type: 'system.modulesCompleted' }
	| { type: 'system.examPassed'; issuedAt: number; expiresAt: number | null }
	| { type: 'system.examFailed' }
	| { type: 'clock.tick'; at: number }
	| { type: 'admin.revoke'; reason: string; by: number };

export type CertificationStatus =
	| 'enrolled'
	| 'learning'
	| 'eligible'
	| 'exam-in-progress'
	| 'certified'
	| 'expiring-soon'
	| 'expired'
	| 'recertifying'
	| 'revoked';

export const certificationMachine = setup({
	types: {
		input: {} as CertificationInput,
		context: {} as CertificationContext,
		events: {} as CertificationEvent
	},
	guards: {
		/** `expiresAt - window <= at < expiresAt`. */
		isWithinExpiringWindow: ({ context, event }) => {
			if (event.type !== 'clock.tick' || context.expiresAt === null) return false;
			const windowStart = context.expiresAt - context.expiringWindowDays * DAY_MS;
			return event.at >= windowStart && event.at < context.expiresAt;
		},
		/** `at >= expiresAt`: the certificate is no longer valid at its expiry instant. */
		isPastExpiry: ({ context, event }) =>
			event.type === 'clock.tick' && context.expiresAt !== null && event.at >= context.expiresAt,
		hasReason: ({ event }) => event.type === 'admin.revoke' && typeof event.reason === 'string' && event.reason.trim() !== ''
	},
	actions: {
		countAttempt: assign({ attempts: ({ context }) => context.attempts + 1 }),
		issueCertificate: assign({
			issuedAt: ({ context, event }) => (event.type === 'system.examPassed' ? event.issuedAt : context.issuedAt),
			expiresAt: ({ context, event }) => (event.type === 'system.examPassed' ? event.expiresAt : context.expiresAt)
		}),
		recordRevocation: assign({
			revokedReason: ({ context, event }) => (event.type === 'admin.revoke' ? event.reason.trim() : context.revokedReason),
			revokedBy: ({ context, event }) => (event.type === 'admin.revoke' ? event.by : context.revokedBy)
		})
	}
}).createMachine({
	id: 'certification',
	initial: 'enrolled',
	context: ({ input }) => ({
		expiringWindowDays: input.expiringWindowDays,
		issuedAt: null,
		expiresAt: null,
		attempts: 0,
		revokedReason: null,
		revokedBy: null
	}),
	states: {
		enrolled: {
			on: {
				'learner.startedLearning': { target: 'learning' },
				// The learner may finish every module without the "started" signal ever arriving.
				'system.modulesCompleted': { target: 'eligible' }
			}
		},
		learning: {
			on: {
				'system.modulesCompleted': { target: 'eligible' }
			}
		},
		eligible: {
			on: {
				'learner.startedExam': { target: 'examInProgress', actions: 'countAttempt' }
			}
		},
		examInProgress: {
			on: {
				'system.examPassed': { target: 'certified', actions: 'issueCertificate' },
				'system.examFailed': { target: 'eligible' }
			}
		},
		certified: {
			on: {
				'clock.tick': [
					// Checked first: a tick far in the future skips expiringSoon.
					{ guard: 'isPastExpiry', target: 'expired' },
					{ guard: 'isWithinExpiringWindow', target: 'expiringSoon' }
				],
				'admin.revoke': { guard: 'hasReason', target: 'revoked', actions: 'recordRevocation' }
			}
		},
		expiringSoon: {
			on: {
				'clock.tick': { guard: 'isPastExpiry', target: 'expired' },
				'learner.startedRecertification': { target: 'recertifying' },
				'admin.revoke': { guard: 'hasReason', target: 'revoked', actions: 'recordRevocation' }
			}
		},
		expired: {
			on: {
				'learner.startedRecertification': { target: 'recertifying' },
				'admin.revoke': { guard: 'hasReason', target: 'revoked', actions: 'recordRevocation' }
			}
		},
		recertifying: {
			// The previous issuedAt/expiresAt are kept until a new exam is passed.
			initial: 'preparing',
			states: {
				preparing: {
					on: {
						'learner.startedExam': { target: 'examInProgress', actions: 'countAttempt' }
					}
				},
				examInProgress: {
					on: {
						'system.examPassed': { target: '#certification.certified', actions: 'issueCertificate' },
						'system.examFailed': { target: 'preparing' }
					}
				}
			},
			on: {
				'admin.revoke': { guard: 'hasReason', target: 'revoked', actions: 'recordRevocation' }
			}
		},
		revoked: { type: 'final' }
	}
});

export type CertificationSnapshot = SnapshotFrom<typeof certificationMachine>;

/** Flat status (kebab-case top-level state) for the server, the database column and the UI. */
export function certificationStatus(snapshot: CertificationSnapshot): CertificationStatus {
	if (snapshot.matches('learning')) return 'learning';
	if (snapshot.matches('eligible')) return 'eligible';
	if (snapshot.matches('examInProgress')) return 'exam-in-progress';
	if (snapshot.matches('certified')) return 'certified';
	if (snapshot.matches('expiringSoon')) return 'expiring-soon';
	if (snapshot.matches('expired')) return 'expired';
	if (snapshot.matches('recertifying')) return 'recertifying';
	if (snapshot.matches('revoked')) return 'revoked';
	return 'enrolled';
}
