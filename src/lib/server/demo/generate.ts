// `npm run cli -- demo:generate --people 25000`: a city-sized organisation for measuring, added to
// whatever the database holds (the Medan demo, or nothing). The unit tree follows Medan: the
// sekretariat, badan and dinas with their bidang, 21 kecamatan with their kelurahan, UPT
// puskesmas under Dinas Kesehatan and state schools under Dinas Pendidikan. People get valid NIPs;
// 30 courses (copies of the catalogue's, or synthetic when it is empty) get enrolments, module
// progress, exam attempts, certificates of every status, JP entries and development plans.
// Everything after the units and people is set-based SQL (insert … select over generate_series
// and joins), so 25,000 people take minutes on PostgreSQL, not hours.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { hashPassword } from '../auth/password';
import { DEMO_PASSWORD } from './seed';
import { demoPositions } from './medan';
import { certifiedSnapshot } from './certified';

type Db = Kysely<DB>;

interface GenUnit {
	code: string;
	name: string;
	kind: 'sekretariat' | 'badan' | 'dinas' | 'kecamatan' | 'kelurahan' | 'bagian' | 'bidang' | 'uptd';
	parent: string | null;
	/** Relative staff size. */
	weight: number;
	/** Jabatan of the staff (the head is chosen by kind). */
	staff: string;
}

const KECAMATAN: Record<string, string[]> = {
	'Medan Tuntungan': ['Kemenangan Tani', 'Lau Cih', 'Mangga', 'Simalingkar B', 'Sidomulyo', 'Tanjung Selamat', 'Namo Gajah', 'Baru Ladang Bambu', 'Simpang Selayang'],
	'Medan Johor': ['Gedung Johor', 'Kwala Bekala', 'Titi Kuning', 'Kedai Durian', 'Pangkalan Masyhur', 'Suka Maju'],
	'Medan Amplas': ['Harjosari I', 'Harjosari II', 'Timbang Deli', 'Bangun Mulia', 'Siti Rejo II', 'Sitirejo III', 'Amplas'],
	'Medan Denai': ['Binjai', 'Denai', 'Medan Tenggara', 'Tegal Sari Mandala I', 'Tegal Sari Mandala II', 'Tegal Sari Mandala III'],
	'Medan Area': ['Kota Matsum I', 'Pandau Hulu II', 'Pasar Merah Timur', 'Sukaramai I', 'Tegal Sari I', 'Sei Rengas I'],
	'Medan Kota': ['Pusat Pasar', 'Teladan Barat', 'Mesjid', 'Teladan Timur', 'Pasar Baru', 'Kota Matsum III'],
	'Medan Maimun': ['Aur', 'Hamdan', 'Jati', 'Kampung Baru', 'Sukaraja', 'Sei Mati'],
	'Medan Polonia': ['Anggrung', 'Madras Hulu', 'Polonia', 'Sari Rejo', 'Suka Damai'],
	'Medan Baru': ['Padang Bulan', 'Titi Rantai', 'Babura', 'Merdeka', 'Darat', 'Petisah Hulu'],
	'Medan Selayang': ['Asam Kumbang', 'Beringin', 'Padang Bulan Selayang I', 'Padang Bulan Selayang II', 'Sempakata', 'Tanjung Sari'],
	'Medan Sunggal': ['Babura Sunggal', 'Lalang', 'Sei Sikambing B', 'Simpang Tanjung', 'Sunggal', 'Tanjung Rejo'],
	'Medan Helvetia': ['Helvetia Timur', 'Tanjung Gusta', 'Dwi Kora', 'Helvetia', 'Helvetia Tengah', 'Sei Sikambing C II', 'Cinta Damai'],
	'Medan Petisah': ['Sekip', 'Petisah Tengah', 'Sei Putih Barat', 'Sei Putih Tengah', 'Sei Putih Timur I', 'Sei Sikambing D'],
	'Medan Barat': ['Glugur Kota', 'Karang Berombak', 'Kesawan', 'Pulo Brayan Kota', 'Sei Agul', 'Silalas'],
	'Medan Timur': ['Durian', 'Gaharu', 'Glugur Darat I', 'Glugur Darat II', 'Perintis', 'Pulo Brayan Darat I', 'Sidodadi'],
	'Medan Perjuangan': ['Pahlawan', 'Pandau Hilir', 'Sei Kera Hilir I', 'Sei Kera Hulu', 'Sidorame Barat I', 'Tegal Rejo'],
	'Medan Tembung': ['Bandar Selamat', 'Bantan', 'Indra Kasih', 'Sidorejo', 'Tembung'],
	'Medan Deli': ['Kota Bangun', 'Mabar', 'Tanjung Mulia', 'Titi Papan'],
	'Medan Labuhan': ['Besar', 'Martubung', 'Nelayan Indah', 'Pekan Labuhan', 'Sei Mati Labuhan', 'Tangkahan'],
	'Medan Marelan': ['Labuhan Deli', 'Paya Pasir', 'Rengas Pulau', 'Tanah Enam Ratus', 'Terjun'],
	'Medan Belawan': ['Bagan Deli', 'Belawan I', 'Belawan II', 'Belawan Bahari', 'Belawan Bahagia', 'Belawan Sicanang']
};

const AGENCIES: Array<{ code: string; name: string; kind: 'badan' | 'dinas'; bidang: string[]; staff: string }> = [
	{ code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', kind: 'badan', bidang: ['Pengembangan Kompetensi Aparatur', 'Mutasi dan Promosi', 'Pengadaan dan Informasi'], staff: 'ANALIS-SDM' },
	{ code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah', kind: 'badan', bidang: ['Perencanaan Ekonomi', 'Perencanaan Infrastruktur'], staff: 'PERENCANA' },
	{ code: 'BPKAD', name: 'Badan Pengelola Keuangan dan Aset Daerah', kind: 'badan', bidang: ['Anggaran', 'Perbendaharaan', 'Aset'], staff: 'VERIF-KEU' },
	{ code: 'BAPENDA', name: 'Badan Pendapatan Daerah', kind: 'badan', bidang: ['Pajak Daerah', 'Penagihan'], staff: 'PENGADM-UMUM' },
	{ code: 'INSPEKTORAT', name: 'Inspektorat Kota Medan', kind: 'badan', bidang: ['Inspektur Pembantu Wilayah I', 'Inspektur Pembantu Wilayah II'], staff: 'ANALIS-KEBIJAKAN' },
	{ code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', kind: 'dinas', bidang: ['Pelayanan Pendaftaran Penduduk', 'Pelayanan Pencatatan Sipil'], staff: 'ADMINDUK' },
	{ code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', kind: 'dinas', bidang: ['Aplikasi Informatika', 'Statistik dan Persandian'], staff: 'PRANATA-KOMP' },
	{ code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas', bidang: ['Pelayanan Kesehatan', 'Kesehatan Masyarakat', 'Pencegahan Penyakit'], staff: 'PENYULUH-KES' },
	{ code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'dinas', bidang: ['Pembinaan SD', 'Pembinaan SMP'], staff: 'PENGAWAS-SEKOLAH' },
	{ code: 'DISHUB', name: 'Dinas Perhubungan', kind: 'dinas', bidang: ['Lalu Lintas', 'Angkutan'], staff: 'PENGUJI-KB' },
	{ code: 'DINSOS', name: 'Dinas Sosial', kind: 'dinas', bidang: ['Rehabilitasi Sosial', 'Perlindungan dan Jaminan Sosial'], staff: 'PENGELOLA-LAYANAN' },
	{ code: 'DPUPR', name: 'Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi', kind: 'dinas', bidang: ['Bina Marga', 'Sumber Daya Air'], staff: 'PENGADM-UMUM' },
	{ code: 'DLH', name: 'Dinas Lingkungan Hidup', kind: 'dinas', bidang: ['Pengelolaan Sampah', 'Penataan Lingkungan'], staff: 'PENGADM-UMUM' },
	{ code: 'SATPOLPP', name: 'Satuan Polisi Pamong Praja', kind: 'dinas', bidang: ['Penegakan Perda', 'Ketertiban Umum'], staff: 'PENGELOLA-LAYANAN' },
	{ code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', kind: 'dinas', bidang: ['Pelayanan Perizinan', 'Pengaduan dan Informasi'], staff: 'PENATA-LAYANAN' },
	{ code: 'DISPAR', name: 'Dinas Kebudayaan dan Pariwisata', kind: 'dinas', bidang: ['Destinasi', 'Kebudayaan'], staff: 'PENGADM-UMUM' },
	{ code: 'DISKOP', name: 'Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan', kind: 'dinas', bidang: ['Koperasi', 'Perdagangan'], staff: 'PENGADM-UMUM' },
	{ code: 'DP3APMP2KB', name: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana', kind: 'dinas', bidang: ['Perlindungan Anak', 'Keluarga Berencana'], staff: 'PENGELOLA-LAYANAN' }
];

const PUSKESMAS = ['Padang Bulan', 'Teladan', 'Medan Johor', 'Amplas', 'Desa Binjai', 'Tegal Sari', 'Kota Matsum', 'Sukaramai', 'Medan Area Selatan', 'Simpang Limun', 'Pasar Merah', 'Medan Denai', 'Bromo', 'Darussalam', 'Sunggal', 'Helvetia', 'Glugur Darat', 'Sentosa Baru', 'Belawan', 'Pekan Labuhan', 'Martubung', 'Terjun', 'Titi Papan', 'Sering', 'Tuntungan', 'Simalingkar', 'Kedai Durian', 'Rantang', 'Petisah', 'Polonia', 'Pulo Brayan', 'Sei Agul', 'Sentosa Baru', 'Mandala', 'Medan Deli', 'Tanjung Mulia', 'Labuhan Deli', 'Marelan', 'Bestari', 'Kampung Baru', 'Glugur Kota'];

const GIVEN_M = ['Ahmad', 'Muhammad', 'Rizky', 'Budi', 'Eko', 'Hendra', 'Parlindungan', 'Togar', 'Daniel', 'Robert', 'Syahrial', 'Zulkifli', 'Fadli', 'Andi', 'Bayu', 'Teguh', 'Wahyu', 'Khairul', 'Iskandar', 'Benyamin', 'Samuel', 'Rudi', 'Irfan', 'Taufik', 'Agus', 'Hasan', 'Ridwan', 'Sahat', 'Martua', 'Yohanes'];
const GIVEN_F = ['Siti', 'Nurul', 'Sri', 'Dewi', 'Rina', 'Fitri', 'Romauli', 'Tiurma', 'Rosmawati', 'Maria', 'Yuni', 'Ratna', 'Indah', 'Ayu', 'Lailan', 'Aisyah', 'Elisabeth', 'Ester', 'Novita', 'Mariani', 'Juliana', 'Debora', 'Yohana', 'Rahmawati', 'Wulan', 'Dian', 'Sondang', 'Lasma', 'Annisa', 'Hafsah'];
const SECOND = ['Hidayat', 'Saputra', 'Lestari', 'Wahyuni', 'Handayani', 'Santoso', 'Pratama', 'Kurniawan', 'Rahayu', 'Fauzi', 'Ramadhan', 'Sari', 'Utami', 'Anwar', 'Hakim'];
const MARGA = ['Nasution', 'Lubis', 'Harahap', 'Siregar', 'Hasibuan', 'Simanjuntak', 'Sitompul', 'Panjaitan', 'Situmorang', 'Sinaga', 'Manurung', 'Pardede', 'Sihombing', 'Marpaung', 'Pasaribu', 'Tambunan', 'Ginting', 'Sembiring', 'Tarigan', 'Sitepu', 'Barus', 'Purba', 'Saragih', 'Damanik', 'Daulay', 'Rangkuti', 'Batubara', 'Pohan', 'Gulo', 'Zebua'];

const COURSE_TITLES = [
	'Penyusunan Sasaran Kinerja Pegawai (SKP)',
	'Analisis Jabatan dan Beban Kerja',
	'Manajemen Arsip Dinamis',
	'Dasar-Dasar Pengadaan Barang/Jasa Pemerintah',
	'Penatausahaan Keuangan Daerah',
	'Pelayanan Administrasi Terpadu Kecamatan (PATEN)',
	'Etika dan Integritas ASN (BerAKHLAK)',
	'Komunikasi Publik dan Kehumasan',
	'Pengelolaan Pengaduan Masyarakat (SP4N-LAPOR!)',
	'Keamanan Informasi untuk Pegawai',
	'Satu Data Indonesia di Pemerintah Daerah',
	'Penyusunan Standar Pelayanan',
	'Survei Kepuasan Masyarakat (SKM)',
	'Manajemen Risiko Sektor Publik',
	'Penyusunan Renstra dan Renja Perangkat Daerah',
	'Pelayanan Kesehatan Primer di Puskesmas',
	'Pembelajaran Berdiferensiasi untuk Guru',
	'Kepemimpinan Pengawas',
	'Mediasi dan Penyelesaian Konflik Sosial',
	'Pengelolaan Barang Milik Daerah',
	'Penulisan Naskah Dinas',
	'Pencegahan Korupsi dan Gratifikasi',
	'Pengawasan Internal Pemerintah',
	'Pengelolaan Data Kependudukan (SIAK)',
	'Perizinan Berusaha Berbasis Risiko (OSS)',
	'Pengelolaan Sampah Berbasis Masyarakat',
	'Manajemen Lalu Lintas Perkotaan',
	'Pelayanan Inklusif bagi Penyandang Disabilitas',
	'Penanggulangan Bencana Perkotaan',
	'Literasi Digital untuk ASN'
];

function slug(s: string): string {
	return s
		.toUpperCase()
		.replace(/[^A-Z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 28);
}

/** The unit tree, parents first. Codes already in the database are reused. */
function cityUnits(): GenUnit[] {
	const units: GenUnit[] = [
		{ code: 'PEMKOT', name: 'Pemerintah Kota Medan', kind: 'sekretariat', parent: null, weight: 2, staff: 'PENGADM-UMUM' },
		{ code: 'SETDA', name: 'Sekretariat Daerah Kota Medan', kind: 'sekretariat', parent: 'PEMKOT', weight: 30, staff: 'ANALIS-KEBIJAKAN' }
	];
	for (const b of ['Organisasi', 'Hukum', 'Umum', 'Tata Pemerintahan', 'Perekonomian', 'Pengadaan Barang dan Jasa']) {
		units.push({ code: `SETDA-${slug(b)}`.slice(0, 32), name: `Bagian ${b}`, kind: 'bagian', parent: 'SETDA', weight: 15, staff: 'PENGADM-UMUM' });
	}
	for (const a of AGENCIES) {
		units.push({ code: a.code, name: a.name, kind: a.kind, parent: 'PEMKOT', weight: 60, staff: a.staff });
		for (const b of a.bidang) units.push({ code: `${a.code}-${slug(b)}`.slice(0, 32), name: `Bidang ${b}`, kind: 'bidang', parent: a.code, weight: 18, staff: a.staff });
	}
	const seen = new Set<string>();
	for (const p of PUSKESMAS) {
		const code = `PKM-${slug(p)}`;
		if (seen.has(code)) continue;
		seen.add(code);
		units.push({ code, name: `UPT Puskesmas ${p}`, kind: 'uptd', parent: 'DINKES', weight: 30, staff: 'PERAWAT' });
	}
	for (let i = 1; i <= 45; i++) units.push({ code: `SMPN-${i}`, name: `SMP Negeri ${i} Medan`, kind: 'uptd', parent: 'DISDIK', weight: 6, staff: 'GURU' });
	for (let i = 1; i <= 30; i++) units.push({ code: `SDN-0${60800 + i * 7}`, name: `SD Negeri 0${60800 + i * 7} Medan`, kind: 'uptd', parent: 'DISDIK', weight: 4, staff: 'GURU' });
	for (const [kec, kels] of Object.entries(KECAMATAN)) {
		const code = `KEC-${slug(kec)}`;
		units.push({ code, name: `Kecamatan ${kec}`, kind: 'kecamatan', parent: 'PEMKOT', weight: 25, staff: 'PENATA-LAYANAN' });
		for (const k of kels) units.push({ code: `KEL-${slug(k)}`, name: `Kelurahan ${k}`, kind: 'kelurahan', parent: code, weight: 9, staff: 'PENGELOLA-LAYANAN' });
	}
	return units;
}

const HEAD: Record<GenUnit['kind'], string> = {
	sekretariat: 'ASISTEN',
	badan: 'KABAN',
	dinas: 'KADIS',
	bidang: 'KABID',
	bagian: 'KABAG',
	uptd: 'KA-UPT',
	kecamatan: 'CAMAT',
	kelurahan: 'LURAH'
};

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface GenerateResult {
	units: number;
	people: number;
	courses: number;
	enrolments: number;
	moduleProgress: number;
	attempts: number;
	certificates: number;
	jpEntries: number;
	plans: number;
	seconds: number;
}

export async function generateCity(db: Db, options: { people: number; now?: Date; log?: (line: string) => void }): Promise<GenerateResult> {
	const started = Date.now();
	const now = options.now ?? new Date();
	const log = options.log ?? (() => undefined);
	const existing = await db.selectFrom('person').select(sql<number>`count(*)`.as('n')).where('email', 'like', '%@asn.pemkomedan.go.id').executeTakeFirstOrThrow();
	if (Number(existing.n) > 0) throw new Error('This database already holds generated people (…@asn.pemkomedan.go.id); generate into a fresh database.');

	// Units and positions (a few hundred rows).
	const units = cityUnits();
	for (const u of units) {
		await db
			.insertInto('org_unit')
			.values({ code: u.code, name: u.name, kind: u.kind, parent_id: u.parent ? sql<number>`(select id from org_unit where code = ${u.parent})` : null })
			.onConflict((oc) => oc.column('code').doNothing())
			.execute();
	}
	await db
		.insertInto('job_position')
		.values([...demoPositions.map((p) => ({ code: p.code, name: p.name, kind: p.kind })), { code: 'GURU', name: 'Guru Ahli Pertama', kind: 'fungsional' }])
		.onConflict((oc) => oc.column('code').doNothing())
		.execute();
	const unitIds = new Map((await db.selectFrom('org_unit').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
	const positionIds = new Map((await db.selectFrom('job_position').select(['id', 'code']).execute()).map((p) => [p.code, p.id]));
	log(`units: ${units.length} in the city tree`);

	// People: heads first (one per unit, supervisors, signing in with the demo password), then staff
	// spread by the units' weights. Multi-row inserts of 1,000.
	const totalWeight = units.reduce((s, u) => s + u.weight, 0);
	const staffCount = Math.max(0, options.people - units.length);
	const perUnit = units.map((u) => Math.max(1, Math.round((staffCount * u.weight) / totalWeight)));
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	type Row = { nip: string; name: string; email: string; unit_id: number; position_id: number; password_hash: string | null };
	const rows: Row[] = [];
	let serial = 0;
	const person = (unit: GenUnit, positionCode: string, head: boolean): Row => {
		const i = serial++;
		const female = i % 2 === 1;
		const given = (female ? GIVEN_F : GIVEN_M)[(i * 7) % 30];
		const name = `${given} ${i % 3 === 0 ? SECOND[(i * 11) % SECOND.length] : MARGA[(i * 13) % MARGA.length]}`;
		// NIP: birth date (1966-2001), appointment 20-30 years later (before 2026), sex, serial 700+.
		const birth = new Date(Date.UTC(1966, 0, 1) + (i % 12_000) * 86_400_000);
		const appointYear = Math.min(birth.getUTCFullYear() + 20 + (i % 11), 2025);
		const nip = `${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${appointYear}${pad(1 + (i % 12), 2)}${female ? 2 : 1}${700 + Math.floor(i / 12_000)}`;
		return {
			nip,
			name,
			email: head ? `kepala.${unit.code.toLowerCase()}@asn.pemkomedan.go.id` : `${nip}@asn.pemkomedan.go.id`,
			unit_id: unitIds.get(unit.code)!,
			position_id: positionIds.get(head ? HEAD[unit.kind] : unit.staff) ?? positionIds.get('PENGADM-UMUM')!,
			password_hash: head ? passwordHash : null
		};
	};
	units.forEach((u, index) => {
		if (rows.length < options.people) rows.push(person(u, HEAD[u.kind], true));
		for (let k = 0; k < perUnit[index] && rows.length < options.people; k++) rows.push(person(u, u.staff, false));
	});
	for (let i = 0; i < rows.length; i += 1000) {
		await db.insertInto('person').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.doNothing()).execute();
	}
	const generated = sql`(select id, unit_id from person where email like '%@asn.pemkomedan.go.id')`;
	await sql`insert into person_role (person_id, role) select id, 'learner' from ${generated} g on conflict do nothing`.execute(db);
	await sql`insert into person_role (person_id, role) select id, 'supervisor' from person where email like 'kepala.%@asn.pemkomedan.go.id' on conflict do nothing`.execute(db);
	// Each generated person's atasan is the head of their unit.
	await sql`
		update person p set supervisor_id = h.id
		from person h
		where p.email like '%@asn.pemkomedan.go.id' and h.email like 'kepala.%@asn.pemkomedan.go.id'
			and h.unit_id = p.unit_id and h.id <> p.id`.execute(db);
	log(`people: ${rows.length}`);

	// 30 courses: copies of the catalogue's current versions (or of one synthetic course).
	let templates = await db.selectFrom('course as c').innerJoin('course_version as v', 'v.id', 'c.current_version_id').select(['c.id', 'v.id as versionId']).where('c.id', 'not like', 'gen-%').execute();
	if (templates.length === 0) {
		await db.insertInto('course').values({ id: 'gen-dasar', slug: 'gen-dasar' }).execute();
		const v = await db
			.insertInto('course_version')
			.values({ course_id: 'gen-dasar', hash: 'gen', title: 'Orientasi ASN Kota Medan', summary: 'Pengenalan tugas dan nilai ASN.', audience: 'Semua ASN', level: 'dasar', jp: 8, topic: 'Orientasi', total_minutes: 360, certification: JSON.stringify({ validityMonths: 24 }) })
			.returning('id')
			.executeTakeFirstOrThrow();
		await sql`insert into module_version (course_version_id, module_id, position, title, minutes, hash, file)
			select ${v.id}, 'm' || g, g, 'Modul ' || g, 45, 'h' || g, 'm' || g || '.md' from generate_series(1, 6) g`.execute(db);
		await db.updateTable('course').set({ current_version_id: v.id }).where('id', '=', 'gen-dasar').execute();
		templates = [{ id: 'gen-dasar', versionId: v.id }];
	}
	const wanted = 30 - templates.length;
	for (let i = 0; i < wanted; i++) {
		const t = templates[i % templates.length];
		const title = COURSE_TITLES[i % COURSE_TITLES.length];
		const id = `gen-${slug(title).toLowerCase()}`.slice(0, 40);
		await db.insertInto('course').values({ id, slug: id }).onConflict((oc) => oc.doNothing()).execute();
		const { rows: inserted } = await sql<{ id: number }>`
			insert into course_version (course_id, hash, title, summary, audience, level, jp, topic, tags, prerequisites, competencies, certification, total_minutes)
			select ${id}, 'gen-' || hash, ${title}, summary, audience, level, jp, topic, tags, '[]', competencies, coalesce(certification, '{"validityMonths": 24}'), total_minutes
			from course_version where id = ${t.versionId}
			on conflict do nothing returning id`.execute(db);
		if (!inserted.length) continue;
		await sql`insert into module_version (course_version_id, module_id, position, title, minutes, hash, file, question_ids)
			select ${inserted[0].id}, module_id, position, title, minutes, hash, file, question_ids from module_version where course_version_id = ${t.versionId}`.execute(db);
		await db.updateTable('course').set({ current_version_id: inserted[0].id }).where('id', '=', id).execute();
	}
	const courseRows = await db.selectFrom('course').select('id').where('current_version_id', 'is not', null).orderBy('id').execute();
	log(`courses: ${courseRows.length}`);

	// Enrolments: 2-8 courses per person, chosen by arithmetic on the ids (distinct per person), over
	// the last three years; 60% completed, a share assigned with a due date (some of them overdue).
	await sql`
		with c as (select id, current_version_id as vid, row_number() over (order by id) - 1 as k, count(*) over () as n from course where current_version_id is not null),
		g as (select id from person where email like '%@asn.pemkomedan.go.id'),
		pick as (
			select g.id as person_id, j, (g.id * 7 + j * 13) as h from g cross join generate_series(0, 7) j where j < 2 + (g.id % 7)
		)
		insert into enrolment (person_id, course_id, course_version_id, status, enrolled_at, completed_at, due_at, assigned_at)
		select pick.person_id, c.id, c.vid,
			case when pick.h % 10 < 6 then 'completed' else 'active' end,
			${now}::timestamptz - ((pick.h * 37) % 1000 + 20) * interval '1 day',
			case when pick.h % 10 < 6 then ${now}::timestamptz - ((pick.h * 37) % 1000 + 20) * interval '1 day' + ((pick.h % 45) + 3) * interval '1 day' end,
			case when pick.h % 5 = 0 then (${now}::timestamptz - ((pick.h * 37) % 1000 + 20) * interval '1 day' + interval '60 days')::date end,
			case when pick.h % 5 = 0 then ${now}::timestamptz - ((pick.h * 37) % 1000 + 20) * interval '1 day' end
		from pick join c on c.k = pick.h % c.n
		on conflict (person_id, course_id) do nothing`.execute(db);
	// Completed after "now" is not possible: clamp.
	await sql`update enrolment set completed_at = ${now}::timestamptz - interval '1 day' where completed_at > ${now}::timestamptz`.execute(db);

	// Module progress: every module of a completed enrolment; the first few of an active one.
	await sql`
		insert into module_progress (enrolment_id, module_id, status, started_at, completed_at)
		select e.id, mv.module_id,
			case when e.status = 'completed' or mv.position < 1 + (e.id % 5) then 'completed' else 'started' end,
			e.enrolled_at + (mv.position - 1) * interval '1 day',
			case when e.status = 'completed' then least(e.completed_at, e.enrolled_at + mv.position * interval '1 day')
				when mv.position < 1 + (e.id % 5) then e.enrolled_at + mv.position * interval '1 day' end
		from enrolment e
		join person p on p.id = e.person_id and p.email like '%@asn.pemkomedan.go.id'
		join module_version mv on mv.course_version_id = e.course_version_id
		where e.status = 'completed' or mv.position <= 1 + (e.id % 5)
		on conflict do nothing`.execute(db);

	// Exam attempts: a pass for every completed enrolment, preceded by a failure for one in five;
	// a failure for some active ones.
	await sql`
		insert into exam_attempt (enrolment_id, person_id, course_id, course_version_id, exam_id, exam_hash, attempt_no, question_ids, status, started_at, submitted_at, graded_at, score, max_score, percent, passed, snapshot, machine_version)
		select e.id, e.person_id, e.course_id, e.course_version_id, 'ujian', 'gen', a.no, '[]', 'graded',
			coalesce(e.completed_at, e.enrolled_at + interval '5 days') - interval '40 minutes' - (2 - a.no) * interval '2 days',
			coalesce(e.completed_at, e.enrolled_at + interval '5 days') - interval '5 minutes' - (2 - a.no) * interval '2 days' - (e.id % 20) * interval '1 minute',
			coalesce(e.completed_at, e.enrolled_at + interval '5 days') - (2 - a.no) * interval '2 days',
			a.pct / 5.0, 20, a.pct, a.pass, '{"generated": true}', 1
		from enrolment e
		join person p on p.id = e.person_id and p.email like '%@asn.pemkomedan.go.id'
		cross join lateral (values
			(1, case when e.status = 'completed' and e.id % 5 <> 0 then 70 + (e.id % 30) else 35 + (e.id % 30) end, e.status = 'completed' and e.id % 5 <> 0),
			(2, 72 + (e.id % 27), true)
		) as a (no, pct, pass)
		where (a.no = 1 and (e.status = 'completed' or e.id % 4 = 0)) or (a.no = 2 and e.status = 'completed' and e.id % 5 = 0)`.execute(db);

	// Certifications and certificates for the passing attempts; 24-month validity, so the ones
	// issued two years ago have expired, some are about to, most are valid; 1% revoked.
	const snap = {
		certified: certifiedSnapshot(new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 400 * 86_400_000), now),
		expiring: certifiedSnapshot(new Date(now.getTime() - 700 * 86_400_000), new Date(now.getTime() + 30 * 86_400_000), now),
		expired: certifiedSnapshot(new Date(now.getTime() - 800 * 86_400_000), new Date(now.getTime() - 70 * 86_400_000), now)
	};
	await sql`
		insert into certification (person_id, course_id, status, snapshot, machine_version)
		select a.person_id, a.course_id,
			case when a.submitted_at + interval '24 months' <= ${now}::timestamptz then ${snap.expired.status}
				when a.submitted_at + interval '24 months' <= ${now}::timestamptz + interval '90 days' then ${snap.expiring.status}
				else ${snap.certified.status} end,
			jsonb_set(jsonb_set(
				case when a.submitted_at + interval '24 months' <= ${now}::timestamptz then ${JSON.stringify(snap.expired.snapshot)}::jsonb
					when a.submitted_at + interval '24 months' <= ${now}::timestamptz + interval '90 days' then ${JSON.stringify(snap.expiring.snapshot)}::jsonb
					else ${JSON.stringify(snap.certified.snapshot)}::jsonb end,
				'{context,issuedAt}', to_jsonb((extract(epoch from a.submitted_at) * 1000)::bigint)),
				'{context,expiresAt}', to_jsonb((extract(epoch from a.submitted_at + interval '24 months') * 1000)::bigint)),
			1
		from exam_attempt a join person p on p.id = a.person_id and p.email like '%@asn.pemkomedan.go.id'
		where a.passed
		on conflict (person_id, course_id) do nothing`.execute(db);
	await sql`
		insert into certificate (code, person_id, course_id, course_version_id, certification_id, attempt_id, issued_at, expires_at, score_percent, holder_name, holder_nip, course_title, jp, competencies, revoked_at, revoked_reason)
		-- A well-formed code (BINA-XXXX-XXXX-XXXX-XXXX, base-32 letters): md5 hex with 0, 1, 8, 9
		-- mapped to W, X, Y, Z, which keeps distinct hashes distinct.
		select 'BINA-' || substr(k.c, 1, 4) || '-' || substr(k.c, 5, 4) || '-' || substr(k.c, 9, 4) || '-' || substr(k.c, 13, 4),
			a.person_id, a.course_id, a.course_version_id, ce.id, a.id, a.submitted_at, a.submitted_at + interval '24 months', a.percent,
			p.name, p.nip, v.title, v.jp, v.competencies,
			case when a.id % 100 = 0 then a.submitted_at + interval '30 days' end,
			case when a.id % 100 = 0 then 'Data kelulusan dikoreksi oleh BKPSDM' end
		from exam_attempt a
		join person p on p.id = a.person_id and p.email like '%@asn.pemkomedan.go.id'
		join certification ce on ce.person_id = a.person_id and ce.course_id = a.course_id
		join course_version v on v.id = a.course_version_id
		cross join lateral (select translate(upper(substr(md5('gen-cert-' || a.id), 1, 16)), '0189', 'WXYZ') as c) k
		where a.passed
		on conflict do nothing`.execute(db);

	// The JP ledger: every completed course, plus classroom training this year for about half.
	await sql`
		insert into jp_entry (person_id, occurred_on, kind, source, source_ref, title, jp)
		select e.person_id, (e.completed_at at time zone 'Asia/Jakarta')::date, 'non-klasikal', 'elearning', 'enrolment:' || e.id, v.title, v.jp
		from enrolment e join person p on p.id = e.person_id and p.email like '%@asn.pemkomedan.go.id'
		join course_version v on v.id = e.course_version_id
		where e.status = 'completed'
		on conflict do nothing`.execute(db);
	await sql`
		insert into jp_entry (person_id, occurred_on, kind, source, source_ref, title, jp)
		select p.id, make_date(extract(year from ${now}::timestamptz at time zone 'Asia/Jakarta')::int, 1, 1) + (p.id % greatest(1, extract(doy from ${now}::timestamptz at time zone 'Asia/Jakarta')::int - 1)),
			'klasikal', 'external', 'gen-klasikal:' || p.id,
			(array['Bimtek Penyusunan SKP', 'Workshop Pelayanan Prima', 'Diklat Teknis Pengelolaan Keuangan', 'Seminar Transformasi Digital'])[1 + p.id % 4],
			(array[4, 8, 16, 24])[1 + (p.id / 3) % 4]
		from person p where p.email like '%@asn.pemkomedan.go.id' and p.id % 2 = 0
		on conflict do nothing`.execute(db);

	// Development plans this year for seven in ten, in every status.
	await sql`
		insert into development_plan (person_id, year, status, snapshot, machine_version, supervisor_id, submitted_at, approved_at)
		select p.id, extract(year from ${now}::timestamptz at time zone 'Asia/Jakarta')::int,
			(array['draft', 'submitted', 'approved', 'approved', 'approved', 'returned'])[1 + p.id % 6],
			'{"generated": true}', 1, p.supervisor_id,
			case when p.id % 6 <> 0 then ${now}::timestamptz - interval '60 days' end,
			case when p.id % 6 in (2, 3, 4) then ${now}::timestamptz - interval '45 days' end
		from person p where p.email like '%@asn.pemkomedan.go.id' and p.id % 10 < 7
		on conflict do nothing`.execute(db);

	// Fresh statistics, and the visibility map that lets the reports read their indexes only.
	await sql`vacuum analyze`.execute(db);
	const count = async (table: string, where = 'true') => {
		const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.raw(where)}`.execute(db);
		return Number(rows[0].n);
	};
	const result: GenerateResult = {
		units: await count('org_unit'),
		people: await count('person'),
		courses: courseRows.length,
		enrolments: await count('enrolment'),
		moduleProgress: await count('module_progress'),
		attempts: await count('exam_attempt'),
		certificates: await count('certificate'),
		jpEntries: await count('jp_entry'),
		plans: await count('development_plan'),
		seconds: Math.round((Date.now() - started) / 100) / 10
	};
	log(JSON.stringify(result));
	return result;
}
