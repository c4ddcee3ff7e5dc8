// The completion pipeline: the one place where a finished course turns into JP, competency
// evidence and progress on the development plan. It runs inside the caller's transaction (the
// one that completes the enrolment or issues the certificate), so either everything is written
// or nothing is. Every step is idempotent: processing a completion twice changes nothing.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { courseVersion } from '../learning/learning.service';
import { jpSettings } from '../learning/home.service';
import { addJpEntry } from './jp.repository';
import { courseJp } from './jp';
import { localDate } from './local-date';
import { addEvidence, knownCompetencies } from '../competency/evidence.repository';
import { advancePlansOnCompletion } from './plan.service';

type Trx = Kysely<DB> | Transaction<DB>;

export interface CompletionInput {
	enrolmentId: number;
	completedAt: Date;
	/** Set when the completion comes with a certificate (a passed final exam). */
	certificateId?: number | null;
}

export async function recordCompletion(trx: Trx, input: CompletionInput): Promise<void> {
	const enrolment = await trx
		.selectFrom('enrolment')
		.select(['id', 'person_id', 'course_id', 'course_version_id'])
		.where('id', '=', input.enrolmentId)
		.executeTakeFirstOrThrow();
	const version = await courseVersion(trx as Kysely<DB>, enrolment.course_version_id);
	const { minutesPerJp } = await jpSettings(trx as Kysely<DB>);
	// E-learning is non-klasikal (Peraturan LAN 10/2018); one entry per enrolment.
	await addJpEntry(trx, {
		personId: enrolment.person_id,
		occurredOn: localDate(input.completedAt),
		kind: 'non-klasikal',
		source: 'elearning',
		sourceRef: `enrolment:${enrolment.id}`,
		title: version.title,
		jp: courseJp({ jp: version.jp, totalMinutes: version.totalMinutes }, minutesPerJp)
	});
	if (input.certificateId) await recordCertificateEvidence(trx, input.certificateId);
	// Plan items of this course are done, through the plan machine (approved → in progress).
	await advancePlansOnCompletion(trx, enrolment.person_id, enrolment.course_id, input.completedAt);
}

/** A certificate proves the levels its course develops, from its issue date until it expires. */
export async function recordCertificateEvidence(trx: Trx, certificateId: number): Promise<void> {
	const cert = await trx
		.selectFrom('certificate')
		.select(['id', 'person_id', 'course_title', 'competencies', 'issued_at', 'expires_at', 'revoked_at'])
		.where('id', '=', certificateId)
		.executeTakeFirstOrThrow();
	if (cert.revoked_at) return;
	const targets = (cert.competencies as Array<{ code: string; level: number }>) ?? [];
	const known = await knownCompetencies(
		trx,
		targets.map((t) => t.code)
	);
	for (const t of targets) {
		if (!known.has(t.code)) continue;
		await addEvidence(trx, {
			personId: cert.person_id,
			competencyCode: t.code,
			level: t.level,
			source: 'certificate',
			sourceRef: String(cert.id),
			title: cert.course_title,
			validFrom: localDate(new Date(cert.issued_at)),
			validUntil: cert.expires_at ? localDate(new Date(cert.expires_at)) : null
		});
	}
}
