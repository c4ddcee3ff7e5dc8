import { describe, it, expect } from 'vitest';
import { createActor, transition } from 'xstate';
import { getShortestPaths } from '@xstate/graph';
import {
	CERTIFICATION_MACHINE_VERSION,
	certificationMachine,
	certificationStatus,
	type CertificationEvent,
	type CertificationSnapshot
} from './certification.machine';

const DAY = 24 * 60 * 60 * 1000;
const WINDOW_DAYS = 30;
const input = { expiringWindowDays: WINDOW_DAYS };

const ISSUED = Date.UTC(2025, 0, 1);
const EXPIRES = ISSUED + 365 * DAY;
const WINDOW_START = EXPIRES - WINDOW_DAYS * DAY;
const REISSUED = EXPIRES - 10 * DAY;
const REEXPIRES = REISSUED + 365 * DAY;

const passed: CertificationEvent = { type: 'system.examPassed', issuedAt: ISSUED, expiresAt: EXPIRES };
const repassed: CertificationEvent = { type: 'system.examPassed', issuedAt: REISSUED, expiresAt: REEXPIRES };

/** `attempts` grows with every failed exam, so the graph is keyed on everything else. */
function serializeState(snapshot: CertificationSnapshot): string {
	const { attempts: _attempts, ...rest } = snapshot.context;
	return JSON.stringify({ value: snapshot.value, context: rest });
}

function stateOf(snapshot: CertificationSnapshot): string {
	return JSON.stringify({ value: snapshot.value, context: snapshot.context });
}

function send(actor: ReturnType<typeof newCertification>, ...events: CertificationEvent[]) {
	for (const event of events) actor.send(event);
	return actor;
}

function newCertification() {
	return createActor(certificationMachine, { input }).start();
}

function certified() {
	return send(newCertification(), { type: 'learner.startedLearning' }, { type: 'system.modulesCompleted' }, { type: 'learner.startedExam' }, passed);
}

const sampleEvents: CertificationEvent[] = [
	{ type: 'learner.startedLearning' },
	{ type: 'system.modulesCompleted' },
	{ type: 'learner.startedExam' },
	passed,
	repassed,
	{ type: 'system.examFailed' },
	{ type: 'clock.tick', at: ISSUED + DAY },
	{ type: 'clock.tick', at: WINDOW_START },
	{ type: 'clock.tick', at: EXPIRES },
	{ type: 'learner.startedRecertification' },
	{ type: 'admin.revoke', reason: '   ', by: 1 },
	{ type: 'admin.revoke', reason: 'Plagiarism in the final exam', by: 1 }
];

describe('certificationMachine graph', () => {
	const paths = getShortestPaths(certificationMachine, { input, events: sampleEvents, serializeState });

	it('reaches every state and nothing else', () => {
		const reached = new Set(paths.map((path) => JSON.stringify(path.state.value)));

		expect([...reached].sort()).toEqual(
			[
				'enrolled',
				'learning',
				'eligible',
				'examInProgress',
				'certified',
				'expiringSoon',
				'expired',
				{ recertifying: 'preparing' },
				{ recertifying: 'examInProgress' },
				'revoked'
			]
				.map((value) => JSON.stringify(value))
				.sort()
		);
	});

	it('maps every reachable state to a status', () => {
		const statuses = new Set(paths.map((path) => certificationStatus(path.state)));

		expect([...statuses].sort()).toEqual(
			['enrolled', 'learning', 'eligible', 'exam-in-progress', 'certified', 'expiring-soon', 'expired', 'recertifying', 'revoked'].sort()
		);
	});

	for (const path of paths) {
		const description = path.steps.map((step) => step.event.type).join(' → ') || '(initial)';
		it(`replays ${description} with createActor`, () => {
			const actor = newCertification();

			for (const step of path.steps) actor.send(step.event);

			expect(serializeState(actor.getSnapshot())).toBe(serializeState(path.state));
			expect(actor.getSnapshot().context.attempts).toBe(path.steps.filter((step) => step.event.type === 'learner.startedExam').length);
			actor.stop();
		});
	}
});

describe('certificationMachine path to certified', () => {
	it('starts enrolled with empty dates', () => {
		const snapshot = newCertification().getSnapshot();

		expect(certificationStatus(snapshot)).toBe('enrolled');
		expect(snapshot.context).toEqual({
			expiringWindowDays: WINDOW_DAYS,
			issuedAt: null,
			expiresAt: null,
			attempts: 0,
			revokedReason: null,
			revokedBy: null
		});
	});

	it('enrolled → learning → eligible → exam → certified with the dates of the exam', () => {
		const actor = newCertification();

		send(actor, { type: 'learner.startedLearning' });
		expect(certificationStatus(actor.getSnapshot())).toBe('learning');
		send(actor, { type: 'system.modulesCompleted' });
		expect(certificationStatus(actor.getSnapshot())).toBe('eligible');
		send(actor, { type: 'learner.startedExam' });
		expect(certificationStatus(actor.getSnapshot())).toBe('exam-in-progress');
		send(actor, passed);

		expect(certificationStatus(actor.getSnapshot())).toBe('certified');
		expect(actor.getSnapshot().context).toMatchObject({ issuedAt: ISSUED, expiresAt: EXPIRES, attempts: 1 });
	});

	it('modules completed without the "started learning" signal still makes the learner eligible', () => {
		const actor = send(newCertification(), { type: 'system.modulesCompleted' });

		expect(certificationStatus(actor.getSnapshot())).toBe('eligible');
	});

	it('learner.startedExam is ignored before the learner is eligible', () => {
		const actor = send(newCertification(), { type: 'learner.startedExam' }, { type: 'learner.startedLearning' }, { type: 'learner.startedExam' });

		expect(certificationStatus(actor.getSnapshot())).toBe('learning');
		expect(actor.getSnapshot().context.attempts).toBe(0);
	});

	it('a failed exam goes back to eligible and each start counts an attempt; a double start counts once', () => {
		const actor = send(newCertification(), { type: 'system.modulesCompleted' });

		send(actor, { type: 'learner.startedExam' }, { type: 'learner.startedExam' }, { type: 'system.examFailed' });
		expect(certificationStatus(actor.getSnapshot())).toBe('eligible');
		send(actor, { type: 'learner.startedExam' }, passed);

		expect(certificationStatus(actor.getSnapshot())).toBe('certified');
		expect(actor.getSnapshot().context.attempts).toBe(2);
	});

	it('exam results are ignored when no exam is in progress', () => {
		const actor = send(newCertification(), { type: 'system.modulesCompleted' }, passed);

		expect(certificationStatus(actor.getSnapshot())).toBe('eligible');
		expect(actor.getSnapshot().context.issuedAt).toBeNull();
	});
});

describe('certificationMachine expiry', () => {
	it('a tick before the expiring window keeps it certified', () => {
		const actor = send(certified(), { type: 'clock.tick', at: WINDOW_START - 1 });

		expect(certificationStatus(actor.getSnapshot())).toBe('certified');
	});

	it('a tick exactly at the start of the window is expiring soon', () => {
		const actor = send(certified(), { type: 'clock.tick', at: WINDOW_START });

		expect(certificationStatus(actor.getSnapshot())).toBe('expiring-soon');
	});

	it('a tick 1 ms before expiry is expiring soon, and stays so', () => {
		const actor = send(certified(), { type: 'clock.tick', at: EXPIRES - 1 });
		expect(certificationStatus(actor.getSnapshot())).toBe('expiring-soon');

		send(actor, { type: 'clock.tick', at: EXPIRES - 1 }, { type: 'clock.tick', at: WINDOW_START });

		expect(certificationStatus(actor.getSnapshot())).toBe('expiring-soon');
	});

	it('expiring soon becomes expired at the expiry instant', () => {
		const actor = send(certified(), { type: 'clock.tick', at: WINDOW_START });

		send(actor, { type: 'clock.tick', at: EXPIRES });

		expect(certificationStatus(actor.getSnapshot())).toBe('expired');
	});

	it('a tick at or far past expiry goes straight from certified to expired', () => {
		const atExpiry = send(certified(), { type: 'clock.tick', at: EXPIRES });
		const farFuture = send(certified(), { type: 'clock.tick', at: EXPIRES + 10 * 365 * DAY });

		expect(certificationStatus(atExpiry.getSnapshot())).toBe('expired');
		expect(certificationStatus(farFuture.getSnapshot())).toBe('expired');
	});

	it('a certificate without an expiry date never expires', () => {
		const actor = send(
			newCertification(),
			{ type: 'system.modulesCompleted' },
			{ type: 'learner.startedExam' },
			{ type: 'system.examPassed', issuedAt: ISSUED, expiresAt: null },
			{ type: 'clock.tick', at: Number.MAX_SAFE_INTEGER }
		);

		expect(certificationStatus(actor.getSnapshot())).toBe('certified');
	});

	it('a zero-day window goes from certified straight to expired', () => {
		const actor = createActor(certificationMachine, { input: { expiringWindowDays: 0 } }).start();
		send(actor, { type: 'system.modulesCompleted' }, { type: 'learner.startedExam' }, passed);

		send(actor, { type: 'clock.tick', at: EXPIRES - 1 });
		expect(certificationStatus(actor.getSnapshot())).toBe('certified');
		send(actor, { type: 'clock.tick', at: EXPIRES });

		expect(certificationStatus(actor.getSnapshot())).toBe('expired');
	});

	it('ticks before certification are ignored', () => {
		const actor = send(newCertification(), { type: 'clock.tick', at: EXPIRES });

		expect(certificationStatus(actor.getSnapshot())).toBe('enrolled');
	});
});

describe('certificationMachine recertification', () => {
	it.each([
		['expiring soon', WINDOW_START],
		['expired', EXPIRES + DAY]
	])('from %s, a passed exam certifies again with the new dates', (_label, at) => {
		const actor = send(certified(), { type: 'clock.tick', at });

		send(actor, { type: 'learner.startedRecertification' });
		expect(certificationStatus(actor.getSnapshot())).toBe('recertifying');
		expect(actor.getSnapshot().value).toEqual({ recertifying: 'preparing' });
		send(actor, { type: 'learner.startedExam' }, { type: 'system.examFailed' });
		expect(actor.getSnapshot().value).toEqual({ recertifying: 'preparing' });
		send(actor, { type: 'learner.startedExam' });
		expect(actor.getSnapshot().value).toEqual({ recertifying: 'examInProgress' });
		send(actor, repassed);

		expect(certificationStatus(actor.getSnapshot())).toBe('certified');
		expect(actor.getSnapshot().context).toMatchObject({ issuedAt: REISSUED, expiresAt: REEXPIRES, attempts: 3 });
	});

	it('keeps the old dates while recertifying', () => {
		const actor = send(certified(), { type: 'clock.tick', at: WINDOW_START }, { type: 'learner.startedRecertification' });

		expect(actor.getSnapshot().context).toMatchObject({ issuedAt: ISSUED, expiresAt: EXPIRES });
	});

	it('the new certificate expires on its own dates', () => {
		const actor = send(
			certified(),
			{ type: 'clock.tick', at: WINDOW_START },
			{ type: 'learner.startedRecertification' },
			{ type: 'learner.startedExam' },
			repassed
		);

		send(actor, { type: 'clock.tick', at: EXPIRES + DAY });
		expect(certificationStatus(actor.getSnapshot())).toBe('certified');
		send(actor, { type: 'clock.tick', at: REEXPIRES });

		expect(certificationStatus(actor.getSnapshot())).toBe('expired');
	});

	it('recertification cannot start from a certificate that is not yet expiring', () => {
		const actor = send(certified(), { type: 'learner.startedRecertification' });

		expect(certificationStatus(actor.getSnapshot())).toBe('certified');
	});
});

describe('certificationMachine revocation', () => {
	const revoke: CertificationEvent = { type: 'admin.revoke', reason: '  Plagiarism in the final exam ', by: 7 };
	const fromStates: Array<[string, () => ReturnType<typeof newCertification>]> = [
		['certified', () => certified()],
		['expiring-soon', () => send(certified(), { type: 'clock.tick', at: WINDOW_START })],
		['expired', () => send(certified(), { type: 'clock.tick', at: EXPIRES })],
		['recertifying', () => send(certified(), { type: 'clock.tick', at: EXPIRES }, { type: 'learner.startedRecertification' })],
		[
			'recertifying',
			() => send(certified(), { type: 'clock.tick', at: EXPIRES }, { type: 'learner.startedRecertification' }, { type: 'learner.startedExam' })
		]
	];

	it.each(fromStates)('revokes from %s with the trimmed reason and the admin', (status, arrange) => {
		const actor = arrange();
		expect(certificationStatus(actor.getSnapshot())).toBe(status);

		send(actor, revoke);

		expect(certificationStatus(actor.getSnapshot())).toBe('revoked');
		expect(actor.getSnapshot().status).toBe('done');
		expect(actor.getSnapshot().context).toMatchObject({ revokedReason: 'Plagiarism in the final exam', revokedBy: 7 });
	});

	it.each(['', '   ', '\n\t'])('needs a reason: %j is refused', (reason) => {
		const actor = certified();

		send(actor, { type: 'admin.revoke', reason, by: 7 });

		expect(certificationStatus(actor.getSnapshot())).toBe('certified');
		expect(actor.getSnapshot().context).toMatchObject({ revokedReason: null, revokedBy: null });
		expect(actor.getSnapshot().can({ type: 'admin.revoke', reason, by: 7 })).toBe(false);
		expect(actor.getSnapshot().can(revoke)).toBe(true);
	});

	it.each([
		['enrolled', () => newCertification()],
		['eligible', () => send(newCertification(), { type: 'system.modulesCompleted' })],
		['exam-in-progress', () => send(newCertification(), { type: 'system.modulesCompleted' }, { type: 'learner.startedExam' })]
	])('cannot revoke what was never certified (%s)', (status, arrange) => {
		const actor = arrange();

		send(actor, revoke);

		expect(certificationStatus(actor.getSnapshot())).toBe(status);
	});

	it('nothing leaves revoked', () => {
		const snapshot = send(certified(), revoke).getSnapshot();

		for (const event of [...sampleEvents, { type: 'clock.tick', at: Number.MAX_SAFE_INTEGER } as const]) {
			const [next] = transition(certificationMachine, snapshot, event);
			expect(stateOf(next)).toBe(stateOf(snapshot));
			expect(next.can(event)).toBe(false);
		}
	});
});

describe('certificationMachine persistence', () => {
	function roundTrip(snapshot: unknown) {
		return JSON.parse(JSON.stringify(snapshot));
	}

	it('exports a version for stored snapshots', () => {
		expect(CERTIFICATION_MACHINE_VERSION).toBe(1);
	});

	it('restores a certified snapshot and accepts the next tick', () => {
		const actor = certified();
		const stored = roundTrip(actor.getPersistedSnapshot());
		actor.stop();

		const restored = createActor(certificationMachine, { snapshot: stored, input }).start();

		expect(stateOf(restored.getSnapshot())).toBe(stateOf(actor.getSnapshot()));
		restored.send({ type: 'clock.tick', at: WINDOW_START });
		expect(certificationStatus(restored.getSnapshot())).toBe('expiring-soon');
	});

	it('restores a recertification exam in progress and accepts the result', () => {
		const actor = send(certified(), { type: 'clock.tick', at: EXPIRES }, { type: 'learner.startedRecertification' }, { type: 'learner.startedExam' });
		const stored = roundTrip(actor.getPersistedSnapshot());

		const restored = createActor(certificationMachine, { snapshot: stored, input }).start();

		expect(restored.getSnapshot().value).toEqual({ recertifying: 'examInProgress' });
		expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
		restored.send(repassed);
		expect(certificationStatus(restored.getSnapshot())).toBe('certified');
		expect(restored.getSnapshot().context).toMatchObject({ issuedAt: REISSUED, expiresAt: REEXPIRES, attempts: 2 });
	});

	it('restores every state of the graph exactly', () => {
		for (const path of getShortestPaths(certificationMachine, { input, events: sampleEvents, serializeState })) {
			const actor = newCertification();
			for (const step of path.steps) actor.send(step.event);

			const restored = createActor(certificationMachine, { snapshot: roundTrip(actor.getPersistedSnapshot()), input }).start();

			expect(stateOf(restored.getSnapshot())).toBe(stateOf(actor.getSnapshot()));
			expect(restored.getSnapshot().status).toBe(actor.getSnapshot().status);
		}
	});
});
