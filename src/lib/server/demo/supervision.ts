// Demo data of the supervision area, added to the Medan demo organisation (see seed.ts): in
// Kecamatan Medan Baru (atasan@'s reach), certificates of several staff of Kelurahan Babura and
// Kelurahan Merdeka at different distances from expiry, JP entries this year, and one overdue
// assignment, so the team overview has something to show. Nobody used by other journeys
// (pegawai@, lurah@, the Padang Bulan and Titi Rantai staff) is touched.
import type { DemoContext } from './context';
import { certifiedSnapshot, daysFrom } from './certified';
import { localDate } from '../career/local-date';
import { newCertificateCode } from '../certification/certification.service';

interface Plan {
	unit: string;
	index: number;
	course: string;
	/** Days from now to the expiry (negative: expired). */
	expiresInDays: number;
}

// Certificates of 24 months: issued 730 days before they expire.
const CERTIFICATES: Plan[] = [
	{ unit: 'KEL-BABURA', index: 1, course: 'pelayanan-publik-prima', expiresInDays: 20 },
	{ unit: 'KEL-BABURA', index: 2, course: 'pelayanan-publik-prima', expiresInDays: 50 },
	{ unit: 'KEL-BABURA', index: 3, course: 'e-government-spbe', expiresInDays: 75 },
	{ unit: 'KEL-BABURA', index: 4, course: 'pelayanan-publik-prima', expiresInDays: -12 },
	{ unit: 'KEL-MERDEKA', index: 1, course: 'pelayanan-publik-prima', expiresInDays: 400 },
	{ unit: 'KEL-MERDEKA', index: 2, course: 'e-government-spbe', expiresInDays: 250 },
	{ unit: 'KEL-MERDEKA', index: 2, course: 'pelayanan-publik-prima', expiresInDays: 10 }
];

const FIXED_EMAILS = /@bina\.medan\.go\.id$/;

export async function seedSupervisionDemo(ctx: DemoContext): Promise<void> {
	const { trx, now } = ctx;
	const staff = (unit: string) => ctx.people.filter((p) => p.unitCode === unit && !FIXED_EMAILS.test(p.email));
	const courses = await trx
		.selectFrom('course as c')
		.innerJoin('course_version as v', 'v.id', 'c.current_version_id')
		.select(['c.id', 'v.id as versionId', 'v.title', 'v.jp', 'v.competencies'])
		.execute();
	const byId = new Map(courses.map((c) => [c.id, c]));
	let attemptNo = 0;
	for (const plan of CERTIFICATES) {
		const course = byId.get(plan.course);
		const person = staff(plan.unit)[plan.index];
		if (!course || !person) continue; // no catalogue (the CLI seeds without it): nothing to certify
		const personId = ctx.personIds.get(person.nip)!;
		const expiresAt = daysFrom(now, plan.expiresInDays);
		const issuedAt = daysFrom(expiresAt, -730);
		const enrolment = await trx
			.insertInto('enrolment')
			.values({ person_id: personId, course_id: course.id, course_version_id: course.versionId, status: 'completed', enrolled_at: daysFrom(issuedAt, -14), completed_at: issuedAt })
			.returning('id')
			.executeTakeFirstOrThrow();
		const attempt = await trx
			.insertInto('exam_attempt')
			.values({
				enrolment_id: enrolment.id,
				person_id: personId,
				course_id: course.id,
				course_version_id: course.versionId,
				exam_id: 'ujian',
				exam_hash: 'demo',
				attempt_no: ++attemptNo,
				question_ids: '[]',
				status: 'graded',
				started_at: new Date(issuedAt.getTime() - 40 * 60_000),
				submitted_at: issuedAt,
				graded_at: issuedAt,
				score: 17,
				max_score: 20,
				percent: 85,
				passed: true,
				snapshot: JSON.stringify({ demo: true }),
				machine_version: 1
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const machine = certifiedSnapshot(issuedAt, expiresAt, now);
		const certification = await trx
			.insertInto('certification')
			.values({ person_id: personId, course_id: course.id, status: machine.status, snapshot: JSON.stringify(machine.snapshot), machine_version: machine.machineVersion })
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('certificate')
			.values({
				code: newCertificateCode(),
				person_id: personId,
				course_id: course.id,
				course_version_id: course.versionId,
				certification_id: certification.id,
				attempt_id: attempt.id,
				issued_at: issuedAt,
				expires_at: expiresAt,
				score_percent: 85,
				holder_name: person.name,
				holder_nip: person.nip,
				course_title: course.title,
				jp: course.jp,
				competencies: JSON.stringify(course.competencies)
			})
			.execute();
		await trx
			.insertInto('jp_entry')
			.values({ person_id: personId, occurred_on: localDate(issuedAt), kind: 'non-klasikal', source: 'elearning', source_ref: `enrolment:${enrolment.id}`, title: course.title, jp: course.jp })
			.onConflict((oc) => oc.doNothing())
			.execute();
	}

	// JP this year from classroom training, for some of Kelurahan Merdeka and Kecamatan Medan Baru.
	const year = localDate(now).slice(0, 4);
	const jp = [
		{ unit: 'KEL-MERDEKA', index: 0, jp: 24, title: 'Bimtek Pelayanan Administrasi Terpadu Kecamatan (PATEN)' },
		{ unit: 'KEL-MERDEKA', index: 1, jp: 8, title: 'Workshop Penyusunan Standar Pelayanan' },
		{ unit: 'KEC-MEDAN-BARU', index: 0, jp: 32, title: 'Pelatihan Kepemimpinan Pengawas (PKP)' },
		{ unit: 'KEC-MEDAN-BARU', index: 1, jp: 12, title: 'Bimtek Pengelolaan Keuangan Kecamatan' }
	];
	let ref = 0;
	for (const e of jp) {
		const person = staff(e.unit)[e.index];
		if (!person) continue;
		await trx
			.insertInto('jp_entry')
			.values({ person_id: ctx.personIds.get(person.nip)!, occurred_on: `${year}-01-${String(10 + ref).padStart(2, '0')}`, kind: 'klasikal', source: 'external', source_ref: `demo-supervision:${++ref}`, title: e.title, jp: e.jp })
			.execute();
	}

	// One assignment given by the camat and not finished in time.
	const camat = ctx.personIdsByEmail.get('atasan@bina.medan.go.id');
	const late = staff('KEL-MERDEKA')[3];
	const course = byId.get('pelayanan-publik-prima');
	if (camat && late && course) {
		await trx
			.insertInto('enrolment')
			.values({
				person_id: ctx.personIds.get(late.nip)!,
				course_id: course.id,
				course_version_id: course.versionId,
				enrolled_at: daysFrom(now, -40),
				due_at: localDate(daysFrom(now, -5)),
				assigned_by: camat,
				assigned_at: daysFrom(now, -40)
			})
			.execute();
	}
}
