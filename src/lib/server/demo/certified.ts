// Writes a passed exam, its certification (a real persisted machine snapshot, so the daily tick
// can move it) and the certificate, for demo data and the scale generator.
import { createActor } from 'xstate';
import { CERTIFICATION_MACHINE_VERSION, certificationMachine, certificationStatus } from '../../machines/certification.machine';

const DAY = 86_400_000;

/** The certification snapshot after a pass on `issuedAt`, ticked to `now`. */
export function certifiedSnapshot(issuedAt: Date, expiresAt: Date | null, now: Date, windowDays = 90) {
	const actor = createActor(certificationMachine, { input: { expiringWindowDays: windowDays } }).start();
	actor.send({ type: 'system.modulesCompleted' });
	actor.send({ type: 'learner.startedExam' });
	actor.send({ type: 'system.examPassed', issuedAt: issuedAt.getTime(), expiresAt: expiresAt?.getTime() ?? null });
	actor.send({ type: 'clock.tick', at: now.getTime() });
	const snapshot = actor.getPersistedSnapshot();
	const status = certificationStatus(actor.getSnapshot());
	actor.stop();
	return { snapshot, status, machineVersion: CERTIFICATION_MACHINE_VERSION };
}

export function daysFrom(now: Date, days: number): Date {
	return new Date(now.getTime() + days * DAY);
}
