// Courses, enrolments, certificates and JP rows for the supervision tests, written directly (the
// pipelines that normally write them are tested elsewhere).
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';

let courseSerial = 0;
export async function addCourse(db: Kysely<DB>, title = 'Kursus Uji', modules = 2): Promise<{ id: string; versionId: number }> {
	const id = `kursus-uji-${++courseSerial}`;
	await db.insertInto('course').values({ id, slug: id }).execute();
	const v = await db
		.insertInto('course_version')
		.values({ course_id: id, hash: `h${courseSerial}`, title, summary: 'Ringkasan', audience: 'Semua ASN', level: 'dasar', jp: 4, topic: 'Pelayanan', total_minutes: 180 })
		.returning('id')
		.executeTakeFirstOrThrow();
	for (let i = 1; i <= modules; i++) {
		await db.insertInto('module_version').values({ course_version_id: v.id, module_id: `m${i}`, position: i, title: `Modul ${i}`, minutes: 30, hash: `m${i}`, file: `m${i}.md` }).execute();
	}
	await db.updateTable('course').set({ current_version_id: v.id }).where('id', '=', id).execute();
	return { id, versionId: v.id };
}

export async function enrolIn(db: Kysely<DB>, personId: number, course: { id: string; versionId: number }, opts: { status?: string; dueAt?: string | null; completedAt?: Date | null } = {}) {
	const row = await db
		.insertInto('enrolment')
		.values({ person_id: personId, course_id: course.id, course_version_id: course.versionId, status: opts.status ?? 'active', due_at: opts.dueAt ?? null, completed_at: opts.completedAt ?? null })
		.onConflict((oc) => oc.columns(['person_id', 'course_id']).doUpdateSet({ status: opts.status ?? 'active', due_at: opts.dueAt ?? null }))
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

let attemptSerial = 0;
/** A certificate with its attempt and certification, as the exam pipeline would leave them. */
export async function addCertificate(
	db: Kysely<DB>,
	personId: number,
	course: { id: string; versionId: number },
	dates: { issuedAt: Date; expiresAt: Date | null; revokedAt?: Date | null; passed?: boolean; percent?: number }
) {
	const enrolmentId = await db
		.selectFrom('enrolment')
		.select('id')
		.where('person_id', '=', personId)
		.where('course_id', '=', course.id)
		.executeTakeFirst()
		.then((r) => r?.id ?? enrolIn(db, personId, course, { status: 'completed', completedAt: dates.issuedAt }));
	const attempt = await db
		.insertInto('exam_attempt')
		.values({
			enrolment_id: enrolmentId,
			person_id: personId,
			course_id: course.id,
			course_version_id: course.versionId,
			exam_id: 'ujian',
			exam_hash: 'x',
			attempt_no: ++attemptSerial,
			question_ids: '[]',
			status: 'graded',
			started_at: new Date(dates.issuedAt.getTime() - 30 * 60_000),
			submitted_at: dates.issuedAt,
			graded_at: dates.issuedAt,
			percent: dates.percent ?? 85,
			passed: dates.passed ?? true,
			snapshot: '{}',
			machine_version: 1
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (dates.passed === false) return null;
	const certification = await db
		.insertInto('certification')
		.values({ person_id: personId, course_id: course.id, status: 'certified', snapshot: '{}', machine_version: 1 })
		.onConflict((oc) => oc.columns(['person_id', 'course_id']).doUpdateSet({ status: 'certified' }))
		.returning('id')
		.executeTakeFirstOrThrow();
	const cert = await db
		.insertInto('certificate')
		.values({
			code: `BINA-TEST-${String(attempt.id).padStart(4, '0')}-AAAA-BBBB`,
			person_id: personId,
			course_id: course.id,
			course_version_id: course.versionId,
			certification_id: certification.id,
			attempt_id: attempt.id,
			issued_at: dates.issuedAt,
			expires_at: dates.expiresAt,
			holder_name: 'Pemegang',
			holder_nip: null,
			course_title: 'Kursus Uji',
			jp: 4,
			competencies: '[]',
			revoked_at: dates.revokedAt ?? null,
			revoked_reason: dates.revokedAt ? 'uji' : null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return cert.id;
}

let jpSerial = 0;
export async function addJp(db: Kysely<DB>, personId: number, occurredOn: string, jp: number) {
	await db
		.insertInto('jp_entry')
		.values({ person_id: personId, occurred_on: occurredOn, kind: 'non-klasikal', source: 'external', source_ref: `uji:${++jpSerial}`, title: 'Pelatihan', jp })
		.execute();
}

export const DAY = 86_400_000;
