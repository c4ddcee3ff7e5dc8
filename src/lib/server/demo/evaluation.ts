// Demo data of the evaluation area, added to the Medan demo organisation (see seed.ts):
// workshops (two coming, two held with a partner university), a mentoring pair in Kecamatan Medan
// Baru, service lists, a year of public survey answers and complaint figures for several units,
// and level-3 requests: the Camat's about a course, and every supervisor's about the session held
// 120 days ago (the Camat's staff among them). pegawai@ is left untouched (other journeys start her at
// zero JP); the generated staff of Dinas Perhubungan are kept free for the end-to-end tests.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { DemoContext } from './context';
import type { DemoPerson } from './medan';
import { addJpEntry } from '../career/jp.repository';
import { localDate } from '../career/local-date';
import { addEvidence } from '../competency/evidence.repository';
import { newQrSecret } from '../evaluation/qr-token';
import { SKM_ELEMENTS, type SkmElement } from '../evaluation/ikm';
import { MENTOR_COMPETENCY } from '../evaluation/mentoring.service';
import { requestBehaviourEvaluations } from '../evaluation/evaluation.service';

const DAY = 86_400_000;
const PROTECTED_EMAILS = new Set(['pegawai@bina.medan.go.id']);
/** Units whose staff the end-to-end tests use as fresh learners. */
const KEPT_FREE_UNITS = new Set(['DISHUB']);

export const SURVEY_SERVICES: Record<string, string[]> = {
	DISDUKCAPIL: ['KTP-el (Kartu Tanda Penduduk elektronik)', 'Kartu Keluarga (KK)', 'Akta Kelahiran', 'Akta Kematian', 'Kartu Identitas Anak (KIA)', 'Surat Pindah/Datang Penduduk'],
	'KEC-MEDAN-BARU': ['PATEN (Pelayanan Administrasi Terpadu Kecamatan)', 'Legalisasi dokumen', 'Surat rekomendasi', 'Izin Usaha Mikro Kecil (IUMK)'],
	'KEC-MEDAN-PETISAH': ['PATEN (Pelayanan Administrasi Terpadu Kecamatan)', 'Legalisasi dokumen', 'Surat rekomendasi', 'Izin Usaha Mikro Kecil (IUMK)'],
	'KEL-PADANG-BULAN': ['Surat Keterangan Domisili', 'Surat Keterangan Tidak Mampu (SKTM)', 'Surat Pengantar Nikah', 'Surat Keterangan Usaha'],
	'KEL-SEKIP': ['Surat Keterangan Domisili', 'Surat Keterangan Tidak Mampu (SKTM)', 'Surat Pengantar Nikah', 'Surat Keterangan Usaha'],
	'KEL-BABURA': ['Surat Keterangan Domisili', 'Surat Keterangan Tidak Mampu (SKTM)', 'Surat Pengantar Nikah', 'Surat Keterangan Usaha'],
	'PKM-PADANG-BULAN': ['Pemeriksaan umum', 'Kesehatan Ibu dan Anak (KIA) dan KB', 'Imunisasi', 'Laboratorium', 'Pelayanan gigi']
};

/**
 * How each surveyed unit is doing: the mean rating a year ago and now (1-4), the weakest element
 * (rated lower), the monthly respondents and complaints. KEL-BABURA has a list but no answers yet.
 */
const SURVEY_PROFILE: Record<string, { start: number; end: number; weak: SkmElement; perMonth: number; complaints: number; resolvedFrom: number; resolvedTo: number }> = {
	DISDUKCAPIL: { start: 3.05, end: 3.5, weak: 'waktu', perMonth: 26, complaints: 48, resolvedFrom: 0.74, resolvedTo: 0.91 },
	'KEC-MEDAN-BARU': { start: 3.2, end: 3.4, weak: 'prosedur', perMonth: 9, complaints: 9, resolvedFrom: 0.8, resolvedTo: 0.9 },
	'KEC-MEDAN-PETISAH': { start: 3.15, end: 3.2, weak: 'sarana', perMonth: 8, complaints: 11, resolvedFrom: 0.78, resolvedTo: 0.8 },
	'KEL-PADANG-BULAN': { start: 3.3, end: 3.55, weak: 'pengaduan', perMonth: 7, complaints: 5, resolvedFrom: 0.85, resolvedTo: 0.95 },
	'KEL-SEKIP': { start: 3.0, end: 3.05, weak: 'waktu', perMonth: 6, complaints: 6, resolvedFrom: 0.7, resolvedTo: 0.72 },
	'PKM-PADANG-BULAN': { start: 3.35, end: 3.45, weak: 'waktu', perMonth: 14, complaints: 14, resolvedFrom: 0.82, resolvedTo: 0.86 }
};

const COMMENTS = [
	'Petugas ramah dan sabar menjelaskan persyaratan.',
	'Antrean panjang di pagi hari, mohon ditambah loket.',
	'Prosesnya lebih cepat dari tahun lalu. Terima kasih.',
	'Ruang tunggu panas, kipas angin rusak.',
	'Informasi persyaratan di papan pengumuman kurang jelas.',
	'Pelayanan sudah baik, pertahankan.',
	'Tolong sediakan nomor WhatsApp untuk menanyakan status berkas.',
	'Berkas selesai tepat waktu sesuai janji petugas.'
];

function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const monthStart = (now: Date, back: number) => {
	const [y, m] = localDate(now).split('-').map(Number);
	return new Date(Date.UTC(y, m - 1 - back, 1));
};

function staffOf(ctx: DemoContext, unitCodes: string[]): DemoPerson[] {
	return ctx.people.filter((p) => unitCodes.includes(p.unitCode) && !p.roles.includes('supervisor') && !PROTECTED_EMAILS.has(p.email) && !KEPT_FREE_UNITS.has(p.unitCode));
}

const id = (ctx: DemoContext, p: DemoPerson) => ctx.personIds.get(p.nip)!;

export async function seedEvaluationDemo(ctx: DemoContext): Promise<void> {
	const { trx, now } = ctx;
	const trainerId = ctx.personIdsByEmail.get('pelatih@bina.medan.go.id');
	if (!trainerId) return;
	await seedWorkshops(ctx, trx, trainerId, now);
	await seedMentoring(ctx, trx, now);
	await seedSurvey(ctx, trx, now);
	await seedBehaviourRequest(ctx, trx, now);
}

async function insertWorkshop(
	trx: Transaction<DB>,
	w: { title: string; description: string; courseId?: string | null; competency: [string, number] | null; place: string | null; onlineUrl?: string | null; startsAt: Date; hours: number; capacity: number; jp: number; partners: string[]; trainerId: number }
) {
	const row = await trx
		.insertInto('workshop')
		.values({
			title: w.title,
			description: w.description,
			course_id: w.courseId ?? null,
			competency_code: w.competency?.[0] ?? null,
			competency_level: w.competency?.[1] ?? null,
			place: w.place,
			online_url: w.onlineUrl ?? null,
			starts_at: w.startsAt,
			ends_at: new Date(w.startsAt.getTime() + w.hours * 3600_000),
			capacity: w.capacity,
			jp: w.jp,
			partners: JSON.stringify(w.partners),
			trainer_id: w.trainerId,
			qr_secret: newQrSecret()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** 09:00 WIB on the day `days` from now. */
function at9(now: Date, days: number): Date {
	const d = localDate(new Date(now.getTime() + days * DAY));
	return new Date(`${d}T09:00:00+07:00`);
}

async function seedWorkshops(ctx: DemoContext, trx: Transaction<DB>, trainerId: number, now: Date) {
	const course = await trx.selectFrom('course').select('id').where('id', '=', 'pelayanan-publik-prima').executeTakeFirst();
	await insertWorkshop(trx, {
		title: 'Workshop Pelayanan Prima di Loket Kelurahan',
		description: 'Praktik langsung menyambut warga, menjelaskan persyaratan, dan menangani warga yang kecewa. Bawa contoh formulir dari kantor Anda.',
		courseId: course?.id ?? null,
		competency: ['MNJ-PP', 2],
		place: 'Aula BKPSDM Kota Medan, Jl. Kapten Maulana Lubis No. 2, Medan',
		startsAt: at9(now, 10),
		hours: 6,
		capacity: 30,
		jp: 6,
		partners: ['Universitas Sumatera Utara'],
		trainerId
	});
	const seminar = await insertWorkshop(trx, {
		title: 'Seminar Pengelolaan Pengaduan melalui SP4N-LAPOR!',
		description: 'Alur disposisi, batas waktu tindak lanjut, dan cara menjawab pengaduan yang baik.',
		competency: ['TEK-ADU', 2],
		place: 'Ruang Rapat II Kantor Wali Kota Medan',
		onlineUrl: 'https://zoom.us/j/5550102030',
		startsAt: at9(now, 20),
		hours: 3,
		capacity: 2,
		jp: 3,
		partners: ['Universitas Islam Negeri Sumatera Utara'],
		trainerId
	});
	// The small seminar is already full, with one person waiting.
	const queue = staffOf(ctx, ['KEC-MEDAN-KOTA']).slice(0, 3);
	for (const [i, p] of queue.entries()) {
		await trx
			.insertInto('workshop_registration')
			.values({ workshop_id: seminar, person_id: id(ctx, p), status: i < 2 ? 'registered' : 'waitlisted', queued_at: new Date(now.getTime() - (10 - i) * 3600_000) })
			.execute();
	}

	// Two sessions already held: attendance wrote JP and competency evidence, as the QR would.
	const held = [
		{
			title: 'Workshop Penanganan Pengaduan Masyarakat',
			competency: ['TEK-ADU', 2] as [string, number],
			daysAgo: 240,
			attendees: [...staffOf(ctx, ['DISDUKCAPIL', 'DISDUKCAPIL-DAFDUK']).slice(0, 3), ...staffOf(ctx, ['KEL-PADANG-BULAN']).slice(0, 1)]
		},
		{
			title: 'Workshop Standar Pelayanan dan Maklumat Pelayanan',
			competency: ['TEK-YAN', 2] as [string, number],
			daysAgo: 120,
			attendees: [...staffOf(ctx, ['DISDUKCAPIL', 'DISDUKCAPIL-DAFDUK']).slice(3, 11), ...staffOf(ctx, ['KEL-PADANG-BULAN', 'KEC-MEDAN-BARU']).slice(1, 6)]
		}
	];
	const rand = rng(0x57a1);
	for (const h of held) {
		const startsAt = at9(now, -h.daysAgo);
		const wid = await insertWorkshop(trx, {
			title: h.title,
			description: 'Diselenggarakan bersama Program Studi Administrasi Publik, FISIP Universitas Sumatera Utara.',
			competency: h.competency,
			place: 'Aula BKPSDM Kota Medan, Jl. Kapten Maulana Lubis No. 2, Medan',
			startsAt,
			hours: 6,
			capacity: 40,
			jp: 6,
			partners: ['Universitas Sumatera Utara'],
			trainerId
		});
		for (const p of h.attendees) {
			const personId = id(ctx, p);
			const attendedAt = new Date(startsAt.getTime() + 10 * 60_000);
			await trx
				.insertInto('workshop_registration')
				.values({ workshop_id: wid, person_id: personId, status: 'registered', queued_at: new Date(startsAt.getTime() - 7 * DAY), attended_at: attendedAt, attendance_method: 'qr' })
				.execute();
			const day = localDate(startsAt);
			await addJpEntry(trx, { personId, occurredOn: day, kind: 'klasikal', source: 'workshop', sourceRef: `workshop:${wid}`, title: h.title, jp: 6, minutes: 360 });
			await addEvidence(trx, { personId, competencyCode: h.competency[0], level: h.competency[1], source: 'workshop', sourceRef: `workshop:${wid}`, title: h.title, validFrom: day });
			if (rand() < 0.7) {
				const r = () => 3 + Math.round(rand() * 2 - 0.3);
				await trx
					.insertInto('training_evaluation')
					.values({
						person_id: personId,
						workshop_id: wid,
						relevance: Math.min(5, r() + 1),
						clarity: Math.min(5, r()),
						delivery: Math.min(5, r()),
						usefulness: Math.min(5, r() + 1),
						comment: rand() < 0.4 ? 'Studi kasus pengaduan warga sangat relevan dengan pekerjaan di loket.' : null,
						created_at: new Date(startsAt.getTime() + 7 * 3600_000)
					})
					.execute();
			}
		}
	}
}

async function seedMentoring(ctx: DemoContext, trx: Transaction<DB>, now: Date) {
	const mentor = ctx.people.find((p) => p.nip === '197308301994012541') ?? staffOf(ctx, ['KEC-MEDAN-BARU'])[0];
	const mentee = ctx.people.find((p) => p.nip === '199312242020102740') ?? staffOf(ctx, ['KEC-MEDAN-BARU'])[1];
	const camatId = ctx.personIdsByEmail.get('atasan@bina.medan.go.id') ?? null;
	if (!mentor || !mentee) return;
	const startsOn = localDate(new Date(now.getTime() - 60 * DAY));
	const endsOn = localDate(new Date(now.getTime() + 120 * DAY));
	const pair = await trx
		.insertInto('mentoring_pair')
		.values({ mentor_id: id(ctx, mentor), mentee_id: id(ctx, mentee), starts_on: startsOn, ends_on: endsOn, goal: 'Menguasai pelayanan PATEN dan penanganan keluhan warga di loket kecamatan', created_by: camatId })
		.returning('id')
		.executeTakeFirstOrThrow();
	const sessions = [
		{ daysAgo: 45, minutes: 90, topic: 'Alur pelayanan PATEN dan standar waktunya', actions: 'Membuat ringkasan persyaratan tiap layanan untuk dipasang di loket', confirmed: true },
		{ daysAgo: 20, minutes: 60, topic: 'Menghadapi warga yang kecewa di loket', actions: 'Mencatat setiap keluhan di buku register dan melapor mingguan', confirmed: true },
		{ daysAgo: 3, minutes: 45, topic: 'Meninjau register keluhan bulan ini', actions: 'Menyusun usulan perbaikan papan informasi', confirmed: false }
	];
	for (const s of sessions) {
		const heldOn = localDate(new Date(now.getTime() - s.daysAgo * DAY));
		const row = await trx
			.insertInto('mentoring_session')
			.values({ pair_id: pair.id, held_on: heldOn, minutes: s.minutes, topic: s.topic, agreed_actions: s.actions, status: s.confirmed ? 'confirmed' : 'logged', confirmed_at: s.confirmed ? new Date(now.getTime() - (s.daysAgo - 1) * DAY) : null })
			.returning('id')
			.executeTakeFirstOrThrow();
		if (!s.confirmed) continue;
		await addJpEntry(trx, { personId: id(ctx, mentee), occurredOn: heldOn, kind: 'non-klasikal', source: 'mentoring', sourceRef: `mentoring-session:${row.id}`, title: s.topic, jp: Math.round((s.minutes / 45) * 100) / 100, minutes: s.minutes });
		await addEvidence(trx, { personId: id(ctx, mentor), competencyCode: MENTOR_COMPETENCY.code, level: MENTOR_COMPETENCY.level, source: 'mentoring', sourceRef: `mentoring-pair:${pair.id}`, title: mentee.name, validFrom: heldOn });
	}
}

async function seedSurvey(ctx: DemoContext, trx: Transaction<DB>, now: Date) {
	const serviceIds = new Map<string, Array<{ id: number; name: string }>>();
	for (const [code, names] of Object.entries(SURVEY_SERVICES)) {
		const unitId = ctx.unitIds.get(code);
		if (!unitId) continue;
		const rows = await trx
			.insertInto('survey_service')
			.values(names.map((name, i) => ({ unit_id: unitId, name, position: i + 1 })))
			.returning(['id', 'name'])
			.execute();
		serviceIds.set(code, rows);
	}
	const rand = rng(0x534b4d);
	const today = localDate(now);
	for (const [code, profile] of Object.entries(SURVEY_PROFILE)) {
		const unitId = ctx.unitIds.get(code);
		const services = serviceIds.get(code) ?? [];
		if (!unitId) continue;
		for (let back = 11; back >= 0; back--) {
			const month = monthStart(now, back);
			const progress = (11 - back) / 11;
			const mean = profile.start + (profile.end - profile.start) * progress;
			const n = Math.max(2, Math.round(profile.perMonth * (0.8 + rand() * 0.4)));
			const responses: Array<{ servedOn: string; service: { id: number; name: string } | null; comment: string | null; ratings: Record<SkmElement, number> }> = [];
			for (let i = 0; i < n; i++) {
				const day = 1 + Math.floor(rand() * 27);
				const servedOn = `${month.toISOString().slice(0, 8)}${String(day).padStart(2, '0')}`;
				if (servedOn > today) continue;
				const ratings = {} as Record<SkmElement, number>;
				for (const e of SKM_ELEMENTS) {
					const target = mean - (e === profile.weak ? 0.45 : 0) + (e === 'biaya' ? 0.4 : 0);
					const x = target + (rand() - 0.5) * 1.3;
					ratings[e] = Math.max(1, Math.min(4, Math.round(x)));
				}
				responses.push({ servedOn, service: services.length ? services[Math.floor(rand() * services.length)] : null, comment: rand() < 0.15 ? COMMENTS[Math.floor(rand() * COMMENTS.length)] : null, ratings });
			}
			if (!responses.length) continue;
			const inserted = await trx
				.insertInto('survey_response')
				.values(
					responses.map((r, i) => ({
						unit_id: unitId,
						service_id: r.service?.id ?? null,
						service_name: r.service?.name ?? 'Layanan umum',
						served_on: r.servedOn,
						comment: r.comment,
						fingerprint: createHash('sha256').update(`demo:${code}:${back}:${i}`).digest('hex'),
						created_at: new Date(`${r.servedOn}T10:00:00+07:00`)
					}))
				)
				.returning('id')
				.execute();
			await trx
				.insertInto('survey_answer')
				.values(inserted.flatMap((row, i) => SKM_ELEMENTS.map((e) => ({ response_id: row.id, element_code: e, rating: responses[i].ratings[e] }))))
				.execute();
		}
		// Complaints per month, resolution improving where the unit trained its staff.
		for (let back = 12; back >= 1; back--) {
			const month = monthStart(now, back).toISOString().slice(0, 10);
			const progress = (12 - back) / 11;
			const received = Math.max(1, Math.round(profile.complaints * (0.75 + rand() * 0.5)));
			const rate = profile.resolvedFrom + (profile.resolvedTo - profile.resolvedFrom) * progress;
			const resolved = Math.min(received, Math.round(received * (rate + (rand() - 0.5) * 0.06)));
			const within = Math.round(resolved * (0.7 + 0.25 * progress));
			await trx
				.insertInto('service_indicator')
				.values({
					unit_id: unitId,
					month,
					complaints_received: received,
					complaints_resolved: resolved,
					resolved_within_standard: within,
					avg_days_to_resolve: resolved ? Math.round((6 - 3 * progress + rand()) * 10) / 10 : null
				})
				.execute();
		}
	}
}

/**
 * A course completed three months ago by the Camat's staff member. The job, run here as the daily
 * queue would, asks the Camat about it, and the attendees' supervisors about the session held 120
 * days ago (several of the Camat's staff attended it).
 */
async function seedBehaviourRequest(ctx: DemoContext, trx: Transaction<DB>, now: Date) {
	const course = await trx.selectFrom('course').select(['id', 'current_version_id']).where('id', '=', 'pelayanan-publik-prima').executeTakeFirst();
	const person = ctx.people.find((p) => p.nip === '198006162002101522');
	if (!course?.current_version_id || !person) return;
	const version = await trx.selectFrom('course_version').select(['title', 'jp']).where('id', '=', course.current_version_id).executeTakeFirstOrThrow();
	const completedAt = new Date(now.getTime() - 95 * DAY);
	const enrolment = await trx
		.insertInto('enrolment')
		.values({ person_id: id(ctx, person), course_id: course.id, course_version_id: course.current_version_id, status: 'completed', enrolled_at: new Date(completedAt.getTime() - 14 * DAY), completed_at: completedAt })
		.returning('id')
		.executeTakeFirstOrThrow();
	await addJpEntry(trx, { personId: id(ctx, person), occurredOn: localDate(completedAt), kind: 'non-klasikal', source: 'elearning', sourceRef: `enrolment:${enrolment.id}`, title: version.title, jp: Number(version.jp) });
	await trx
		.insertInto('training_evaluation')
		.values({ person_id: id(ctx, person), course_id: course.id, relevance: 5, clarity: 4, delivery: 4, usefulness: 5, comment: 'Contoh kasus di Medan membuat materi mudah dipahami.', created_at: completedAt })
		.execute();
	await requestBehaviourEvaluations(trx, now);
}
