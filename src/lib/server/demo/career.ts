// Demo data of the career area, added to the Medan demo organisation (see seed.ts): the level each
// position requires per competency (PermenPANRB 38/2017: manajerial level by the rank of the job,
// teknis by its field), some evidence, JP and plans for demo colleagues. pegawai@ gets nothing:
// her gaps are what the end-to-end journey closes.
import { createActor } from 'xstate';
import { PLAN_MACHINE_VERSION, planMachine, planStatus, type PlanEvent } from '../../machines/plan.machine';
import { localDate, localYear } from '../career/local-date';
import type { DemoContext } from './context';

const MANAJERIAL = ['MNJ-INT', 'MNJ-KS', 'MNJ-KOM', 'MNJ-OPH', 'MNJ-PP', 'MNJ-PDO', 'MNJ-MP', 'MNJ-PK', 'SK-PB'] as const;

// Manajerial and sosial-kultural level by rank: JPT pratama 4, administrator 3, pengawas 2,
// fungsional ahli 2-3, pelaksana 1 (2 for public service at the counter).
const RANK_LEVEL: Record<string, number> = {
	SEKDA: 4,
	ASISTEN: 4,
	KADIS: 4,
	KABAN: 4,
	SEKRETARIS: 3,
	KABAG: 3,
	KABID: 3,
	CAMAT: 3,
	KASUBBAG: 2,
	KASI: 2,
	'KA-UPT': 2,
	SEKCAM: 2,
	LURAH: 2,
	SEKLUR: 2,
	'KASI-PELAYANAN': 2,
	WIDYAISWARA: 3,
	'ANALIS-SDM': 2,
	'ANALIS-KEBIJAKAN': 3,
	'PRANATA-KOMP': 2,
	PERENCANA: 3,
	ARSIPARIS: 2,
	'PRANATA-HUMAS': 2,
	'PERANCANG-UU': 3,
	ADMINDUK: 2,
	DOKTER: 2,
	PERAWAT: 2,
	BIDAN: 2,
	'PENYULUH-KES': 2,
	'PENGAWAS-SEKOLAH': 3,
	'PENGUJI-KB': 2,
	'PENGADM-UMUM': 1,
	'PENGELOLA-LAYANAN': 1,
	'PENATA-LAYANAN': 1,
	'OPERATOR-LAYANAN': 1,
	'VERIF-KEU': 1
};

// Where a job asks more than its rank of one manajerial competency.
const MANAJERIAL_EXTRA: Record<string, Partial<Record<(typeof MANAJERIAL)[number], number>>> = {
	LURAH: { 'MNJ-PP': 3 },
	CAMAT: { 'MNJ-PP': 4 },
	'KASI-PELAYANAN': { 'MNJ-PP': 3 },
	WIDYAISWARA: { 'MNJ-PDO': 4, 'MNJ-KOM': 4 },
	'PENGELOLA-LAYANAN': { 'MNJ-PP': 2 },
	'OPERATOR-LAYANAN': { 'MNJ-PP': 2 },
	'PRANATA-HUMAS': { 'MNJ-KOM': 3 }
};

// Teknis competencies by field: service at the counter, complaints, e-government, data, projects.
const TEKNIS: Record<string, Record<string, number>> = {
	SEKDA: { 'TEK-MPR': 4, 'TEK-SPBE': 3 },
	ASISTEN: { 'TEK-MPR': 3, 'TEK-YAN': 3 },
	KADIS: { 'TEK-MPR': 3, 'TEK-SPBE': 3, 'TEK-YAN': 3 },
	KABAN: { 'TEK-MPR': 3, 'TEK-SPBE': 3 },
	SEKRETARIS: { 'TEK-MPR': 3, 'TEK-DATA': 2 },
	KABAG: { 'TEK-MPR': 3 },
	KABID: { 'TEK-MPR': 3, 'TEK-SPBE': 2 },
	CAMAT: { 'TEK-YAN': 3, 'TEK-ADU': 3, 'TEK-MPR': 3, 'TEK-SPBE': 2 },
	KASUBBAG: { 'TEK-MPR': 2, 'TEK-DATA': 2 },
	KASI: { 'TEK-YAN': 2, 'TEK-MPR': 2 },
	'KA-UPT': { 'TEK-YAN': 3, 'TEK-ADU': 3, 'TEK-MPR': 2 },
	SEKCAM: { 'TEK-YAN': 3, 'TEK-MPR': 2 },
	LURAH: { 'TEK-YAN': 3, 'TEK-ADU': 3, 'TEK-SPBE': 2 },
	SEKLUR: { 'TEK-YAN': 2, 'TEK-DATA': 2 },
	'KASI-PELAYANAN': { 'TEK-YAN': 3, 'TEK-ADU': 3, 'TEK-SPBE': 2 },
	WIDYAISWARA: { 'TEK-YAN': 2 },
	'ANALIS-SDM': { 'TEK-DATA': 2, 'TEK-SPBE': 2 },
	'ANALIS-KEBIJAKAN': { 'TEK-DATA': 3, 'TEK-MPR': 2 },
	'PRANATA-KOMP': { 'TEK-SPBE': 3, 'TEK-DATA': 3 },
	PERENCANA: { 'TEK-MPR': 3, 'TEK-DATA': 2 },
	ARSIPARIS: { 'TEK-SPBE': 2, 'TEK-DATA': 2 },
	'PRANATA-HUMAS': { 'TEK-ADU': 2, 'TEK-SPBE': 2 },
	'PERANCANG-UU': { 'TEK-YAN': 2 },
	ADMINDUK: { 'TEK-DATA': 3, 'TEK-SPBE': 2, 'TEK-YAN': 2 },
	DOKTER: { 'TEK-YAN': 2, 'TEK-ADU': 2 },
	PERAWAT: { 'TEK-YAN': 2, 'TEK-ADU': 2 },
	BIDAN: { 'TEK-YAN': 2, 'TEK-ADU': 2 },
	'PENYULUH-KES': { 'TEK-YAN': 2 },
	'PENGAWAS-SEKOLAH': { 'TEK-MPR': 2 },
	'PENGUJI-KB': { 'TEK-YAN': 2 },
	'PENGADM-UMUM': { 'TEK-DATA': 1 },
	'PENGELOLA-LAYANAN': { 'TEK-YAN': 2, 'TEK-ADU': 2, 'TEK-SPBE': 2 },
	'PENATA-LAYANAN': { 'TEK-YAN': 2, 'TEK-DATA': 2 },
	'OPERATOR-LAYANAN': { 'TEK-YAN': 2, 'TEK-SPBE': 2 },
	'VERIF-KEU': { 'TEK-DATA': 2 }
};

/** The required levels of one position, as the demo seeds them (exported for the tests). */
export function demoRequirements(positionCode: string): Record<string, number> {
	const rank = RANK_LEVEL[positionCode];
	if (!rank) return {};
	const out: Record<string, number> = {};
	for (const code of MANAJERIAL) out[code] = MANAJERIAL_EXTRA[positionCode]?.[code] ?? rank;
	return { ...out, ...(TEKNIS[positionCode] ?? {}) };
}

// A one-page PDF standing in for a scanned certificate of attendance.
const SAMPLE_PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);

export async function seedCareerDemo(ctx: DemoContext): Promise<void> {
	const { trx, positionIds, personIdsByEmail, people, personIds, now } = ctx;
	const rows = [...positionIds].flatMap(([code, positionId]) =>
		Object.entries(demoRequirements(code)).map(([competency_code, required_level]) => ({ position_id: positionId, competency_code, required_level }))
	);
	if (rows.length) await trx.insertInto('position_competency').values(rows).execute();

	const year = localYear(now);
	const today = localDate(now);
	const lurah = personIdsByEmail.get('lurah@bina.medan.go.id');
	const camat = personIdsByEmail.get('atasan@bina.medan.go.id');
	if (!lurah || !camat) return;
	// Colleagues of pegawai@ at Kelurahan Padang Bulan, reporting to lurah@.
	const colleagues = people.filter((p) => p.unitCode === 'KEL-PADANG-BULAN' && p.email !== 'pegawai@bina.medan.go.id' && p.email !== 'lurah@bina.medan.go.id');
	const kasi = colleagues.find((p) => p.positionCode === 'KASI-PELAYANAN');
	const operator = colleagues.find((p) => p.positionCode === 'OPERATOR-LAYANAN');

	// lurah@'s own plan, submitted to the Camat (atasan@): the first plan, awaiting his decision.
	await seedPlan(ctx, lurah, camat, year, today, [
		{ kind: 'course', title: 'E-Government dan SPBE', competency: 'TEK-SPBE', level: 2, courseId: 'e-government-spbe', date: `${year}-06-30` },
		{ kind: 'mentoring', title: 'Pendampingan penanganan pengaduan oleh Camat Medan Baru', competency: 'TEK-ADU', level: 3, date: `${year}-09-30` },
		{ kind: 'on-the-job', title: 'Memimpin evaluasi standar pelayanan Kantor Lurah Padang Bulan', competency: 'MNJ-PP', level: 3, date: `${year}-11-30` }
	], [{ type: 'learner.submit', by: lurah, supervisorId: camat }]);

	if (kasi) {
		const id = personIds.get(kasi.nip)!;
		await trx
			.insertInto('competency_evidence')
			.values([
				{ person_id: id, competency_code: 'TEK-YAN', level: 2, source: 'manual', source_ref: `${lurah}:${year - 1}-11-20`, title: 'Penyelenggaraan Pelayanan Publik', valid_from: `${year - 1}-11-20`, recorded_by: lurah, note: 'Menata alur loket dan papan standar pelayanan kelurahan.' },
				{ person_id: id, competency_code: 'TEK-ADU', level: 2, source: 'manual', source_ref: `${lurah}:${year - 3}-05-02`, title: 'Penanganan Pengaduan', valid_from: `${year - 3}-05-02`, valid_until: `${year - 1}-05-02`, recorded_by: lurah, note: 'Penilaian lama; perlu diperbarui.' }
			])
			.execute();
		await trx
			.insertInto('jp_entry')
			.values({ person_id: id, occurred_on: `${year}-02-14`, kind: 'klasikal', source: 'workshop', source_ref: 'demo:bimtek-sp4n', title: 'Bimtek SP4N-LAPOR! Kota Medan', jp: 8 })
			.execute();
		// Approved, running plan.
		await seedPlan(ctx, id, lurah, year, today, [
			{ kind: 'course', title: 'Pelayanan Publik Prima', competency: 'TEK-ADU', level: 2, courseId: 'pelayanan-publik-prima', date: `${year}-05-31` },
			{ kind: 'mentoring', title: 'Pendampingan oleh Lurah dalam rapat evaluasi pengaduan warga', competency: 'TEK-ADU', level: 3, date: `${year}-08-31` },
			{ kind: 'on-the-job', title: 'Menyusun laporan bulanan Survei Kepuasan Masyarakat kelurahan', competency: 'TEK-YAN', level: 3, date: `${year}-12-15` }
		], [
			{ type: 'learner.submit', by: id, supervisorId: lurah },
			{ type: 'supervisor.approve', by: lurah, comment: 'Disetujui. Mulai dari kursus pelayanan publik.' }
		]);
	}
	// At Disdukcapil: an Administrator Database Kependudukan's plan awaiting kadis@ (outside atasan@'s reach).
	const kadis = personIdsByEmail.get('kadis@bina.medan.go.id');
	const adminduk = people.find((p) => p.unitCode === 'DISDUKCAPIL' && p.positionCode === 'ADMINDUK' && p.supervisorNip && personIds.get(p.supervisorNip) === kadis);
	if (kadis && adminduk) {
		const id = personIds.get(adminduk.nip)!;
		await seedPlan(ctx, id, kadis, year, today, [
			{ kind: 'course', title: 'E-Government dan SPBE', competency: 'TEK-SPBE', level: 2, courseId: 'e-government-spbe', date: `${year}-07-31` },
			{ kind: 'coaching', title: 'Coaching pemutakhiran data kependudukan bersama Kabid Dafduk', competency: 'TEK-DATA', level: 3, date: `${year}-10-31` },
			{ kind: 'on-the-job', title: 'Memimpin rekonsiliasi data KK ganda di SIAK', competency: 'TEK-DATA', level: 3, date: `${year}-12-15` }
		], [{ type: 'learner.submit', by: id, supervisorId: kadis }]);
	}
	if (operator) {
		const id = personIds.get(operator.nip)!;
		await trx
			.insertInto('external_training')
			.values({
				person_id: id,
				title: 'Bimbingan Teknis Aplikasi SIAK Terpusat',
				organiser: 'Dinas Kependudukan dan Pencatatan Sipil Kota Medan',
				kind: 'klasikal',
				start_date: `${year}-01-20`,
				end_date: `${year}-01-22`,
				jp: 24,
				competency_code: 'TEK-SPBE',
				competency_level: 2,
				document_name: 'sertifikat-bimtek-siak.pdf',
				document_type: 'application/pdf',
				document: SAMPLE_PDF
			})
			.execute();
	}
}

interface DemoItem {
	kind: string;
	title: string;
	competency: string;
	level: number;
	courseId?: string;
	date: string;
}

async function seedPlan(ctx: DemoContext, personId: number, supervisorId: number, year: number, today: string, items: DemoItem[], events: PlanEvent[]) {
	const { trx, now } = ctx;
	const actor = createActor(planMachine, { input: { ownerId: personId, supervisorId: null, itemCount: items.length } }).start();
	const courses = new Set((await trx.selectFrom('course').select('id').execute()).map((c) => c.id));
	const { id } = await trx
		.insertInto('development_plan')
		.values({ person_id: personId, year, status: 'draft', snapshot: '{}', machine_version: PLAN_MACHINE_VERSION, created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	let position = 0;
	for (const it of items) {
		await trx
			.insertInto('plan_item')
			.values({
				plan_id: id,
				position: ++position,
				kind: it.kind,
				title: it.title,
				competency_code: it.competency,
				target_level: it.level,
				course_id: it.courseId && courses.has(it.courseId) ? it.courseId : null,
				target_date: it.date < today ? `${year}-12-31` : it.date
			})
			.execute();
	}
	for (const event of events) {
		const from = planStatus(actor.getSnapshot());
		actor.send(event);
		const to = planStatus(actor.getSnapshot());
		await trx
			.insertInto('plan_event')
			.values({ plan_id: id, event: event.type, from_status: from, to_status: to, actor_id: 'by' in event ? event.by : null, comment: event.type === 'supervisor.approve' ? (event.comment ?? null) : null, at: now })
			.execute();
	}
	const snapshot = actor.getSnapshot();
	await trx
		.updateTable('development_plan')
		.set({
			status: planStatus(snapshot),
			snapshot: JSON.stringify(actor.getPersistedSnapshot()),
			supervisor_id: snapshot.context.supervisorId,
			submitted_at: events.some((e) => e.type === 'learner.submit') ? now : null,
			approved_at: events.some((e) => e.type === 'supervisor.approve') ? now : null
		})
		.where('id', '=', id)
		.execute();
	actor.stop();
}
