// Demo data for Bina ASN: the organisation of Pemerintah Kota Medan (units, jabatan) and a
// generated staff. Pure and deterministic: the same people come out on every call. Unit and
// kelurahan names are real; every person is a generated combination of common names found in
// Medan, with a NIP that follows the format (see ../org/nip) but belongs to nobody.

export type DemoUnitKind = 'sekretariat' | 'badan' | 'dinas' | 'kecamatan' | 'kelurahan' | 'bagian' | 'bidang' | 'uptd';
export type DemoPositionKind = 'struktural' | 'fungsional' | 'pelaksana';
export type DemoRole = 'learner' | 'trainer' | 'supervisor' | 'admin';

export interface DemoUnit {
	code: string;
	name: string;
	kind: DemoUnitKind;
	parentCode: string | null;
}

export interface DemoPosition {
	code: string;
	name: string;
	kind: DemoPositionKind;
}

export interface DemoPerson {
	nip: string;
	name: string;
	email: string;
	unitCode: string;
	positionCode: string;
	roles: Array<DemoRole>;
	supervisorNip: string | null;
}

// ---------------------------------------------------------------------------------------------
// Units

function kelurahan(parentCode: string, names: string[]): DemoUnit[] {
	return names.map((name) => ({
		code: 'KEL-' + name.toUpperCase().replace(/\s+/g, '-'),
		name: `Kelurahan ${name}`,
		kind: 'kelurahan' as const,
		parentCode
	}));
}

function kecamatan(name: string, kelurahanNames: string[]): DemoUnit[] {
	const code = 'KEC-' + name.toUpperCase().replace(/\s+/g, '-');
	return [{ code, name: `Kecamatan ${name}`, kind: 'kecamatan', parentCode: 'PEMKOT' }, ...kelurahan(code, kelurahanNames)];
}

export const demoUnits: DemoUnit[] = [
	{ code: 'PEMKOT', name: 'Pemerintah Kota Medan', kind: 'sekretariat', parentCode: null },

	{ code: 'SETDA', name: 'Sekretariat Daerah Kota Medan', kind: 'sekretariat', parentCode: 'PEMKOT' },
	{ code: 'SETDA-ORG', name: 'Bagian Organisasi', kind: 'bagian', parentCode: 'SETDA' },
	{ code: 'SETDA-HUKUM', name: 'Bagian Hukum', kind: 'bagian', parentCode: 'SETDA' },
	{ code: 'SETDA-UMUM', name: 'Bagian Umum', kind: 'bagian', parentCode: 'SETDA' },

	{ code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', kind: 'badan', parentCode: 'PEMKOT' },
	{ code: 'BKPSDM-PKA', name: 'Bidang Pengembangan Kompetensi Aparatur', kind: 'bidang', parentCode: 'BKPSDM' },
	{ code: 'BKPSDM-MP', name: 'Bidang Mutasi dan Promosi', kind: 'bidang', parentCode: 'BKPSDM' },

	{ code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah', kind: 'badan', parentCode: 'PEMKOT' },

	{ code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', kind: 'dinas', parentCode: 'PEMKOT' },
	{ code: 'DISDUKCAPIL-DAFDUK', name: 'Bidang Pelayanan Pendaftaran Penduduk', kind: 'bidang', parentCode: 'DISDUKCAPIL' },

	{ code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', kind: 'dinas', parentCode: 'PEMKOT' },
	{ code: 'DISKOMINFO-APTIKA', name: 'Bidang Aplikasi Informatika', kind: 'bidang', parentCode: 'DISKOMINFO' },

	{ code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas', parentCode: 'PEMKOT' },
	{ code: 'PKM-PADANG-BULAN', name: 'UPT Puskesmas Padang Bulan', kind: 'uptd', parentCode: 'DINKES' },
	{ code: 'PKM-TELADAN', name: 'UPT Puskesmas Teladan', kind: 'uptd', parentCode: 'DINKES' },

	{ code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'dinas', parentCode: 'PEMKOT' },
	{ code: 'DISHUB', name: 'Dinas Perhubungan', kind: 'dinas', parentCode: 'PEMKOT' },

	...kecamatan('Medan Baru', ['Padang Bulan', 'Titi Rantai', 'Babura', 'Merdeka']),
	...kecamatan('Medan Kota', ['Pusat Pasar', 'Teladan Barat', 'Mesjid']),
	...kecamatan('Medan Petisah', ['Sekip', 'Petisah Tengah', 'Sei Putih Barat']),
	...kecamatan('Medan Helvetia', ['Helvetia Timur', 'Tanjung Gusta', 'Dwi Kora']),
	...kecamatan('Medan Johor', ['Gedung Johor', 'Kwala Bekala', 'Titi Kuning']),
	...kecamatan('Medan Amplas', ['Harjosari I', 'Timbang Deli', 'Bangun Mulia'])
];

// ---------------------------------------------------------------------------------------------
// Positions (jabatan)

export const demoPositions: DemoPosition[] = [
	{ code: 'SEKDA', name: 'Sekretaris Daerah', kind: 'struktural' },
	{ code: 'ASISTEN', name: 'Asisten Administrasi Umum', kind: 'struktural' },
	{ code: 'KADIS', name: 'Kepala Dinas', kind: 'struktural' },
	{ code: 'KABAN', name: 'Kepala Badan', kind: 'struktural' },
	{ code: 'SEKRETARIS', name: 'Sekretaris Dinas/Badan', kind: 'struktural' },
	{ code: 'KABAG', name: 'Kepala Bagian', kind: 'struktural' },
	{ code: 'KABID', name: 'Kepala Bidang', kind: 'struktural' },
	{ code: 'KASUBBAG', name: 'Kepala Subbagian', kind: 'struktural' },
	{ code: 'KASI', name: 'Kepala Seksi', kind: 'struktural' },
	{ code: 'KA-UPT', name: 'Kepala Unit Pelaksana Teknis', kind: 'struktural' },
	{ code: 'CAMAT', name: 'Camat', kind: 'struktural' },
	{ code: 'SEKCAM', name: 'Sekretaris Camat', kind: 'struktural' },
	{ code: 'LURAH', name: 'Lurah', kind: 'struktural' },
	{ code: 'SEKLUR', name: 'Sekretaris Lurah', kind: 'struktural' },
	{ code: 'KASI-PELAYANAN', name: 'Kepala Seksi Pelayanan Umum', kind: 'struktural' },

	{ code: 'WIDYAISWARA', name: 'Widyaiswara', kind: 'fungsional' },
	{ code: 'ANALIS-SDM', name: 'Analis Sumber Daya Manusia Aparatur', kind: 'fungsional' },
	{ code: 'ANALIS-KEBIJAKAN', name: 'Analis Kebijakan', kind: 'fungsional' },
	{ code: 'PRANATA-KOMP', name: 'Pranata Komputer', kind: 'fungsional' },
	{ code: 'PERENCANA', name: 'Perencana', kind: 'fungsional' },
	{ code: 'ARSIPARIS', name: 'Arsiparis', kind: 'fungsional' },
	{ code: 'PRANATA-HUMAS', name: 'Pranata Hubungan Masyarakat', kind: 'fungsional' },
	{ code: 'PERANCANG-UU', name: 'Perancang Peraturan Perundang-undangan', kind: 'fungsional' },
	{ code: 'ADMINDUK', name: 'Administrator Database Kependudukan', kind: 'fungsional' },
	{ code: 'DOKTER', name: 'Dokter', kind: 'fungsional' },
	{ code: 'PERAWAT', name: 'Perawat', kind: 'fungsional' },
	{ code: 'BIDAN', name: 'Bidan', kind: 'fungsional' },
	{ code: 'PENYULUH-KES', name: 'Penyuluh Kesehatan Masyarakat', kind: 'fungsional' },
	{ code: 'PENGAWAS-SEKOLAH', name: 'Pengawas Sekolah', kind: 'fungsional' },
	{ code: 'PENGUJI-KB', name: 'Penguji Kendaraan Bermotor', kind: 'fungsional' },

	{ code: 'PENGADM-UMUM', name: 'Pengadministrasi Umum', kind: 'pelaksana' },
	{ code: 'PENGELOLA-LAYANAN', name: 'Pengelola Layanan Operasional', kind: 'pelaksana' },
	{ code: 'PENATA-LAYANAN', name: 'Penata Layanan Operasional', kind: 'pelaksana' },
	{ code: 'OPERATOR-LAYANAN', name: 'Operator Layanan Operasional', kind: 'pelaksana' },
	{ code: 'VERIF-KEU', name: 'Verifikator Keuangan', kind: 'pelaksana' }
];

// ---------------------------------------------------------------------------------------------
// Fixed demo accounts (listed in the README). They come first in generateDemoPeople().

export const demoAccounts: Array<{ email: string; role: string; description: string }> = [
	{
		email: 'admin@bina.medan.go.id',
		role: 'admin',
		description: 'Administrator platform di BKPSDM: mengelola unit, jabatan, pegawai, dan pengaturan.'
	},
	{
		email: 'pelatih@bina.medan.go.id',
		role: 'trainer',
		description: 'Widyaiswara di Bidang Pengembangan Kompetensi Aparatur BKPSDM: menyusun dan mengajar pelatihan.'
	},
	{
		email: 'atasan@bina.medan.go.id',
		role: 'supervisor',
		description: 'Camat Medan Baru: atasan langsung para lurah, melihat pegawai kecamatan dan kelurahannya.'
	},
	{
		email: 'pegawai@bina.medan.go.id',
		role: 'learner',
		description: 'Pegawai Kelurahan Padang Bulan (Kecamatan Medan Baru): mengikuti kursus dan menyusun IDP bersama lurahnya.'
	},
	{
		email: 'kadis@bina.medan.go.id',
		role: 'supervisor',
		description: 'Kepala Dinas Kependudukan dan Pencatatan Sipil: atasan seluruh pegawai Disdukcapil.'
	},
	{
		email: 'lurah@bina.medan.go.id',
		role: 'supervisor',
		description: 'Lurah Padang Bulan: atasan langsung pegawai@, menyetujui dan menilai rencana pengembangannya (IDP).'
	}
];

interface FixedPerson extends DemoPerson {
	head: boolean;
}

// Fixed NIPs, chosen by hand: valid and easy to tell apart. supervisorNip is filled in later.
const FIXED: FixedPerson[] = [
	{
		nip: '198803142012121002',
		name: 'Yusuf Effendi Lubis, S.Kom.',
		email: 'admin@bina.medan.go.id',
		unitCode: 'BKPSDM',
		positionCode: 'PRANATA-KOMP',
		roles: ['learner', 'admin'],
		supervisorNip: null,
		head: false
	},
	{
		nip: '197605222002122001',
		name: 'Masniari Br Ginting, S.Pd., M.Pd.',
		email: 'pelatih@bina.medan.go.id',
		unitCode: 'BKPSDM-PKA',
		positionCode: 'WIDYAISWARA',
		roles: ['learner', 'trainer'],
		supervisorNip: null,
		head: false
	},
	{
		nip: '197809152000031003',
		name: 'Ahmad Fauzi Harahap, S.STP., M.AP.',
		email: 'atasan@bina.medan.go.id',
		unitCode: 'KEC-MEDAN-BARU',
		positionCode: 'CAMAT',
		roles: ['learner', 'supervisor'],
		supervisorNip: null,
		head: true
	},
	{
		nip: '199407182019032004',
		name: 'Nurul Hidayah Pane, S.E.',
		email: 'pegawai@bina.medan.go.id',
		unitCode: 'KEL-PADANG-BULAN',
		positionCode: 'PENGELOLA-LAYANAN',
		roles: ['learner'],
		supervisorNip: null,
		head: false
	},
	{
		nip: '197102101996011001',
		name: 'Johannes Marpaung, S.Sos., M.Si.',
		email: 'kadis@bina.medan.go.id',
		unitCode: 'DISDUKCAPIL',
		positionCode: 'KADIS',
		roles: ['learner', 'supervisor'],
		supervisorNip: null,
		head: true
	},
	{
		nip: '198206112006042001',
		name: 'Rahmawati Siregar, S.STP.',
		email: 'lurah@bina.medan.go.id',
		unitCode: 'KEL-PADANG-BULAN',
		positionCode: 'LURAH',
		roles: ['learner', 'supervisor'],
		supervisorNip: null,
		head: true
	}
];

// ---------------------------------------------------------------------------------------------
// Who works where: the head's jabatan per unit kind, and the other staff per unit.

const HEAD_POSITION: Record<DemoUnitKind, string> = {
	sekretariat: 'ASISTEN',
	badan: 'KABAN',
	dinas: 'KADIS',
	bidang: 'KABID',
	bagian: 'KABAG',
	uptd: 'KA-UPT',
	kecamatan: 'CAMAT',
	kelurahan: 'LURAH'
};

function headPosition(unit: DemoUnit): string {
	return unit.parentCode === null ? 'SEKDA' : HEAD_POSITION[unit.kind];
}

const STAFF_BY_UNIT: Record<string, string[]> = {
	PEMKOT: ['PENGADM-UMUM'],
	SETDA: ['ANALIS-KEBIJAKAN', 'PENGADM-UMUM'],
	'SETDA-ORG': ['KASUBBAG', 'ANALIS-KEBIJAKAN', 'ANALIS-KEBIJAKAN', 'PENATA-LAYANAN', 'PENGADM-UMUM'],
	'SETDA-HUKUM': ['KASUBBAG', 'PERANCANG-UU', 'PERANCANG-UU', 'PENATA-LAYANAN', 'PENGADM-UMUM'],
	'SETDA-UMUM': ['KASUBBAG', 'ARSIPARIS', 'VERIF-KEU', 'PENGELOLA-LAYANAN', 'PENGADM-UMUM'],
	BKPSDM: ['SEKRETARIS', 'KASUBBAG', 'ANALIS-SDM', 'ANALIS-SDM', 'PRANATA-KOMP', 'PRANATA-KOMP', 'VERIF-KEU', 'ARSIPARIS', 'PENGADM-UMUM'],
	'BKPSDM-PKA': ['WIDYAISWARA', 'WIDYAISWARA', 'WIDYAISWARA', 'WIDYAISWARA', 'WIDYAISWARA', 'ANALIS-SDM', 'ANALIS-SDM', 'PENGELOLA-LAYANAN'],
	'BKPSDM-MP': ['ANALIS-SDM', 'ANALIS-SDM', 'ANALIS-SDM', 'PENATA-LAYANAN', 'ARSIPARIS', 'PENGADM-UMUM'],
	BAPPEDA: ['SEKRETARIS', 'KASUBBAG', 'PERENCANA', 'PERENCANA', 'PERENCANA', 'ANALIS-KEBIJAKAN', 'PENGADM-UMUM'],
	DISDUKCAPIL: ['SEKRETARIS', 'KASUBBAG', 'ADMINDUK', 'ADMINDUK', 'PRANATA-KOMP', 'VERIF-KEU', 'PENGELOLA-LAYANAN', 'ARSIPARIS', 'PENGADM-UMUM'],
	'DISDUKCAPIL-DAFDUK': ['KASI', 'ADMINDUK', 'ADMINDUK', 'OPERATOR-LAYANAN', 'OPERATOR-LAYANAN', 'PENGELOLA-LAYANAN'],
	DISKOMINFO: ['SEKRETARIS', 'KASUBBAG', 'PRANATA-HUMAS', 'PRANATA-HUMAS', 'PRANATA-KOMP', 'VERIF-KEU', 'ARSIPARIS', 'PENGADM-UMUM'],
	'DISKOMINFO-APTIKA': ['PRANATA-KOMP', 'PRANATA-KOMP', 'PRANATA-KOMP', 'PRANATA-KOMP', 'ANALIS-KEBIJAKAN', 'PENATA-LAYANAN'],
	DINKES: ['SEKRETARIS', 'KASUBBAG', 'DOKTER', 'PENYULUH-KES', 'PENYULUH-KES', 'PERENCANA', 'VERIF-KEU', 'ARSIPARIS', 'PENGADM-UMUM'],
	DISDIK: ['SEKRETARIS', 'KASUBBAG', 'PENGAWAS-SEKOLAH', 'PENGAWAS-SEKOLAH', 'PERENCANA', 'PRANATA-KOMP', 'VERIF-KEU', 'PENGADM-UMUM'],
	DISHUB: ['SEKRETARIS', 'KASUBBAG', 'PENGUJI-KB', 'PENGUJI-KB', 'ANALIS-KEBIJAKAN', 'VERIF-KEU', 'PENGELOLA-LAYANAN', 'PENGADM-UMUM']
};

const STAFF_BY_KIND: Partial<Record<DemoUnitKind, string[]>> = {
	uptd: ['DOKTER', 'DOKTER', 'PERAWAT', 'PERAWAT', 'BIDAN', 'BIDAN', 'PENGADM-UMUM'],
	kecamatan: ['SEKCAM', 'KASI', 'KASI', 'PENATA-LAYANAN', 'PENGELOLA-LAYANAN', 'VERIF-KEU', 'PENGADM-UMUM'],
	kelurahan: ['SEKLUR', 'KASI-PELAYANAN', 'PENGELOLA-LAYANAN', 'OPERATOR-LAYANAN', 'PENGADM-UMUM']
};

function staffPlan(unit: DemoUnit): string[] {
	const plan = [...(STAFF_BY_UNIT[unit.code] ?? STAFF_BY_KIND[unit.kind] ?? ['PENGADM-UMUM'])];
	// A fixed account takes the place of one generated colleague with the same jabatan.
	for (const f of FIXED) {
		if (f.head || f.unitCode !== unit.code) continue;
		const i = plan.indexOf(f.positionCode);
		if (i >= 0) plan.splice(i, 1);
	}
	return plan;
}

// The second administrator: the generated Pranata Komputer of BKPSDM (the first is the fixed
// admin@ account, who takes the place of the other Pranata Komputer in the plan).
const ADMIN_SLOTS = new Set(['BKPSDM/PRANATA-KOMP']);

// ---------------------------------------------------------------------------------------------
// Seeded randomness

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Rng = () => number;

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const chance = (rng: Rng, p: number) => rng() < p;

// ---------------------------------------------------------------------------------------------
// Names. Pools of common given names and family names (marga) of the peoples living in Medan.
// Names of well-known public figures are left out of the pools.

type Sex = 'L' | 'P';

interface NameGroup {
	weight: number;
	male: string[];
	female: string[];
	maleSecond?: string[];
	femaleSecond?: string[];
	secondChance: number;
	surnames: string[];
	femaleMarga?: 'br'; // Karo women write "Br" before the marga
	malePrefix?: { word: string; chance: number };
	femalePrefix?: { word: string; chance: number };
}

const BATAK_MALE = ['Parlindungan', 'Marojahan', 'Daniel', 'Robert', 'Fernando', 'Togar', 'Hendrik', 'Samuel', 'Jonathan', 'Martua', 'Partogi', 'Rudolf', 'Poltak', 'Sahat', 'Tumpal', 'Frans', 'Maruli', 'Jansen'];
const BATAK_FEMALE = ['Romauli', 'Tiurma', 'Rosmawati', 'Debora', 'Yohana', 'Maria', 'Erni', 'Lasma', 'Nurmaida', 'Sondang', 'Rotua', 'Friska', 'Sarmauli', 'Hotnida', 'Ruth', 'Rosdiana'];

const GROUPS: NameGroup[] = [
	{
		// Batak Toba
		weight: 20,
		male: BATAK_MALE,
		female: BATAK_FEMALE,
		maleSecond: ['Parulian', 'Hamonangan', 'Pardamean', 'Halomoan', 'Marihot'],
		femaleSecond: ['Magdalena', 'Natalia', 'Christina', 'Oktavia', 'Veronika'],
		secondChance: 0.3,
		surnames: ['Simanjuntak', 'Sitompul', 'Hutagalung', 'Panjaitan', 'Situmorang', 'Sinaga', 'Simatupang', 'Manurung', 'Pardede', 'Silalahi', 'Napitupulu', 'Hutapea', 'Sihombing', 'Marpaung', 'Pasaribu', 'Tambunan', 'Nainggolan', 'Sianturi', 'Lumbantobing', 'Siahaan', 'Sitorus', 'Hutabarat', 'Simbolon', 'Gultom', 'Sirait']
	},
	{
		// Mandailing and Angkola
		weight: 15,
		male: ['Muhammad', 'Ahmad', 'Rizky', 'Fadli', 'Irfan', 'Syahrial', 'Zulkifli', 'Ridwan', 'Arif', 'Hasan', 'Amri', 'Rahmat', 'Fachrul', 'Imran', 'Syaiful', 'Taufik', 'Rasyid', 'Ilham'],
		female: ['Siti', 'Nur', 'Fitri', 'Rahmawati', 'Khairunnisa', 'Dewi', 'Nurhayati', 'Aisyah', 'Rina', 'Lailan', 'Yusnidar', 'Hafsah', 'Maya', 'Annisa', 'Rizka'],
		maleSecond: ['Hidayat', 'Fauzi', 'Ramadhan', 'Rizal', 'Efendi', 'Akbar', 'Hamdani', 'Maulana', 'Syahputra'],
		femaleSecond: ['Aisyah', 'Hasanah', 'Handayani', 'Wahyuni', 'Sari', 'Fadillah', 'Syafitri', 'Rahmadani', 'Zahara'],
		secondChance: 0.6,
		surnames: ['Nasution', 'Lubis', 'Harahap', 'Hasibuan', 'Siregar', 'Daulay', 'Rangkuti', 'Batubara', 'Pulungan', 'Matondang', 'Dalimunthe', 'Pohan', 'Ritonga', 'Pane']
	},
	{
		// Javanese (Jawa Deli)
		weight: 22,
		male: ['Budi', 'Eko', 'Wahyu', 'Slamet', 'Hari', 'Teguh', 'Dwi', 'Tri', 'Andi', 'Bayu', 'Rudi', 'Heru', 'Sutrisno', 'Suparman', 'Yudi', 'Sugeng', 'Agung', 'Bagus'],
		female: ['Sri', 'Dwi', 'Endang', 'Tri', 'Wulan', 'Ratna', 'Sumiati', 'Suryani', 'Puji', 'Indah', 'Yuni', 'Rini', 'Ayu', 'Dian', 'Sulastri'],
		maleSecond: ['Santoso', 'Prasetyo', 'Susanto', 'Hidayat', 'Setiawan', 'Purnomo', 'Wibowo', 'Kurniawan', 'Saputra', 'Nugroho', 'Supriyadi', 'Utomo', 'Pramono'],
		femaleSecond: ['Wahyuni', 'Lestari', 'Handayani', 'Susilowati', 'Rahayu', 'Astuti', 'Utami', 'Wulandari', 'Kusumawati', 'Purwanti', 'Ningsih', 'Fitriani'],
		secondChance: 1,
		surnames: []
	},
	{
		// Melayu Deli
		weight: 8,
		male: ['Khairul', 'Syafrizal', 'Zainal', 'Azhar', 'Fauzan', 'Helmi', 'Mahmud', 'Syamsul', 'Zulfikar', 'Dedi', 'Rahmat', 'Iskandar'],
		female: ['Nurul', 'Syarifah', 'Rahimah', 'Zuraida', 'Fadhilah', 'Laila', 'Mariani', 'Juliana', 'Nurlela', 'Azizah'],
		maleSecond: ['Anwar', 'Arifin', 'Syahputra', 'Bahri', 'Hakim', 'Azmi', 'Fikri', 'Rahman'],
		femaleSecond: ['Hidayah', 'Syahputri', 'Zahara', 'Hanum', 'Aini', 'Fitria', 'Safitri', 'Rahmah'],
		secondChance: 1,
		surnames: [],
		malePrefix: { word: 'Tengku', chance: 0.12 },
		femalePrefix: { word: 'Tengku', chance: 0.12 }
	},
	{
		// Karo
		weight: 11,
		male: ['Hendra', 'Andreas', 'Benyamin', 'Edi', 'Jakob', 'Sastra', 'Petrus', 'Darwin', 'Nelson', 'Kristian', 'Ronal', 'Alfred', 'Sempurna', 'Mikael'],
		female: ['Rina', 'Ester', 'Lidya', 'Mindo', 'Rehulina', 'Elisabeth', 'Novita', 'Merry', 'Yanti', 'Ulina', 'Dewi', 'Sriyanti'],
		maleSecond: ['Gunawan', 'Sanjaya', 'Putra', 'Jaya'],
		femaleSecond: ['Natalia', 'Sari', 'Kristina'],
		secondChance: 0.25,
		surnames: ['Ginting', 'Sembiring', 'Tarigan', 'Sitepu', 'Perangin-angin', 'Karo-Karo', 'Barus', 'Sinulingga', 'Surbakti', 'Bangun', 'Kaban', 'Sebayang', 'Milala', 'Depari'],
		femaleMarga: 'br'
	},
	{
		// Simalungun
		weight: 3,
		male: BATAK_MALE,
		female: BATAK_FEMALE,
		secondChance: 0,
		surnames: ['Purba', 'Saragih', 'Damanik', 'Girsang', 'Sipayung', 'Sumbayak']
	},
	{
		// Minangkabau
		weight: 7,
		male: ['Afrizal', 'Yusrizal', 'Nofriadi', 'Zulfahmi', 'Andri', 'Ferdian', 'Doni', 'Syafrudin', 'Irwan', 'Yulizar', 'Hendri', 'Rahmat'],
		female: ['Yulia', 'Rini', 'Elvi', 'Desi', 'Refni', 'Yelni', 'Mardiana', 'Nofita', 'Yusnita', 'Silvia'],
		maleSecond: ['Putra', 'Saputra', 'Chaniago', 'Sikumbang', 'Tanjung', 'Piliang', 'Koto', 'Jambak'],
		femaleSecond: ['Fitri', 'Marlina', 'Yanti', 'Ratnasari', 'Novianti', 'Elfira', 'Rahmi', 'Tanjung', 'Chaniago'],
		secondChance: 0.7,
		surnames: []
	},
	{
		// Tionghoa Medan
		weight: 5,
		male: ['Hendra', 'Rudy', 'Wilson', 'Vincent', 'Jimmy', 'Hendri', 'Sunarto', 'Edwin', 'Kevin', 'Fendi', 'Johan', 'Welly'],
		female: ['Fenny', 'Meiliana', 'Lily', 'Sherly', 'Ernawati', 'Linda', 'Susanti', 'Yenny', 'Melisa', 'Cindy', 'Lina'],
		secondChance: 0,
		surnames: ['Wijaya', 'Halim', 'Tanjaya', 'Gunawan', 'Chandra', 'Sutanto', 'Lim', 'Tan', 'Setiadi', 'Susanto', 'Limanto', 'Kosasih']
	},
	{
		// Aceh
		weight: 5,
		male: ['Rizal', 'Iqbal', 'Fadhil', 'Zulkarnain', 'Munawar', 'Azwar', 'Mukhlis', 'Safrizal', 'Husaini', 'Fakhrurrazi', 'Nasruddin', 'Khairil'],
		female: ['Nurul', 'Rahmawati', 'Intan', 'Safrida', 'Hayatun', 'Rosnani', 'Mauliza', 'Raihan', 'Nurmala', 'Zahratul'],
		maleSecond: ['Ibrahim', 'Yusuf', 'Abdullah', 'Hamzah', 'Basri', 'Ismail', 'Mahmud'],
		femaleSecond: ['Fajri', 'Husna', 'Nufus', 'Aini', 'Safitri', 'Maulida'],
		secondChance: 0.6,
		surnames: [],
		malePrefix: { word: 'Teuku', chance: 0.35 },
		femalePrefix: { word: 'Cut', chance: 0.35 }
	},
	{
		// Nias
		weight: 4,
		male: ['Fransiskus', 'Agustinus', 'Yulianus', 'Paulus', 'Yohanes', 'Benediktus', 'Yosafat', 'Krisman', 'Natalis'],
		female: ['Natalia', 'Elisabet', 'Kristina', 'Maria', 'Yuliana', 'Martina', 'Agustina', 'Sinta', 'Febriani'],
		secondChance: 0,
		surnames: ['Gulo', 'Zebua', 'Harefa', 'Telaumbanua', 'Laoli', 'Waruwu', 'Halawa', 'Lase', 'Zalukhu', 'Hia', 'Ndruru', 'Mendrofa']
	}
];

const TOTAL_WEIGHT = GROUPS.reduce((s, g) => s + g.weight, 0);

function pickGroup(rng: Rng): NameGroup {
	let r = rng() * TOTAL_WEIGHT;
	for (const g of GROUPS) {
		r -= g.weight;
		if (r < 0) return g;
	}
	return GROUPS[GROUPS.length - 1];
}

// Given names that never stand alone in Medan usage: they always take a second name.
const NEEDS_SECOND = new Set(['Siti', 'Nur', 'Muhammad', 'Ahmad', 'Sri', 'Dwi', 'Tri', 'Nurul', 'Puji']);

function baseName(rng: Rng, sex: Sex): string {
	const g = pickGroup(rng);
	const first = pick(rng, sex === 'L' ? g.male : g.female);
	const seconds = sex === 'L' ? g.maleSecond : g.femaleSecond;
	const words = [first];
	if (seconds && seconds.length > 0 && (NEEDS_SECOND.has(first) || chance(rng, g.secondChance))) {
		let second = pick(rng, seconds);
		if (second === first) second = seconds[(seconds.indexOf(second) + 1) % seconds.length];
		words.push(second);
	}
	const prefix = sex === 'L' ? g.malePrefix : g.femalePrefix;
	if (prefix && chance(rng, prefix.chance)) words.unshift(prefix.word);
	if (g.surnames.length > 0) {
		const marga = pick(rng, g.surnames);
		if (sex === 'P' && g.femaleMarga === 'br') words.push('Br');
		words.push(marga);
	}
	return words.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Academic titles, as written in Indonesian government documents.

interface Titles {
	prefix?: string;
	suffix?: string;
}

const MASTER_GENERIC = ['S.Sos., M.Si.', 'S.H., M.H.', 'S.E., M.M.', 'S.STP., M.AP.', 'S.T., M.T.', 'S.Sos., M.AP.', 'S.E., M.Si.'];
const BACHELOR_GENERIC = ['S.Sos.', 'S.E.', 'S.H.', 'S.AP.', 'S.I.P.'];

function titlesFor(rng: Rng, positionCode: string, unit: DemoUnit): Titles {
	const isHealth = unit.code === 'DINKES' || unit.kind === 'uptd';
	switch (positionCode) {
		case 'SEKDA':
		case 'ASISTEN':
		case 'KADIS':
		case 'KABAN':
		case 'SEKRETARIS':
		case 'KABAG':
		case 'KABID':
			if (isHealth) return { prefix: 'dr.', suffix: 'M.Kes.' };
			if (unit.code === 'DISDIK') return { suffix: pick(rng, ['S.Pd., M.Pd.', 'S.Pd., M.Si.']) };
			if (unit.code.startsWith('DISKOMINFO')) return { suffix: pick(rng, ['S.Kom., M.Kom.', 'S.T., M.T.', 'S.Kom., M.M.']) };
			if (unit.code === 'SETDA-HUKUM') return { suffix: 'S.H., M.H.' };
			return { suffix: pick(rng, MASTER_GENERIC) };
		case 'KA-UPT':
			return { prefix: 'dr.', suffix: chance(rng, 0.5) ? 'M.K.M.' : undefined };
		case 'CAMAT':
			return { suffix: pick(rng, ['S.STP., M.AP.', 'S.STP., M.Si.', 'S.Sos., M.Si.', 'S.IP., M.AP.']) };
		case 'LURAH':
		case 'SEKCAM':
			return { suffix: pick(rng, ['S.STP.', 'S.STP., M.AP.', 'S.Sos.', 'S.IP.', 'S.E.']) };
		case 'KASUBBAG':
		case 'KASI':
		case 'KASI-PELAYANAN':
		case 'SEKLUR':
			if (isHealth) return { suffix: 'S.K.M.' };
			return chance(rng, 0.8) ? { suffix: pick(rng, [...BACHELOR_GENERIC, 'S.STP.']) } : {};
		case 'WIDYAISWARA':
			return { prefix: chance(rng, 0.25) ? 'Dr.' : undefined, suffix: pick(rng, ['S.Pd., M.Pd.', 'S.Sos., M.Si.', 'S.E., M.M.', 'S.Psi., M.Psi.', 'S.H., M.H.']) };
		case 'DOKTER':
			return { prefix: 'dr.', suffix: chance(rng, 0.2) ? 'M.Kes.' : undefined };
		case 'PERAWAT':
			return { suffix: chance(rng, 0.6) ? 'S.Kep., Ns.' : 'A.Md.Kep.' };
		case 'BIDAN':
			return { suffix: chance(rng, 0.6) ? 'A.Md.Keb.' : 'S.Tr.Keb.' };
		case 'PENYULUH-KES':
			return { suffix: 'S.K.M.' };
		case 'PRANATA-KOMP':
		case 'ADMINDUK':
			return { suffix: pick(rng, ['S.Kom.', 'S.Kom.', 'S.T.', 'A.Md.Kom.']) };
		case 'ANALIS-SDM':
			return { suffix: pick(rng, ['S.Psi.', 'S.Sos.', 'S.E.', 'S.AP.', 'S.Sos., M.Si.']) };
		case 'ANALIS-KEBIJAKAN':
			return { suffix: pick(rng, ['S.Sos.', 'S.AP.', 'S.IP., M.Si.', 'S.E., M.Si.']) };
		case 'PERENCANA':
			return { suffix: pick(rng, ['S.T.', 'S.E.', 'S.P.W.K.', 'S.T., M.T.', 'S.E., M.Si.']) };
		case 'PERANCANG-UU':
			return { suffix: chance(rng, 0.7) ? 'S.H.' : 'S.H., M.H.' };
		case 'ARSIPARIS':
			return { suffix: pick(rng, ['A.Md.', 'S.I.P.', 'S.Sos.']) };
		case 'PRANATA-HUMAS':
			return { suffix: pick(rng, ['S.I.Kom.', 'S.Sos.']) };
		case 'PENGAWAS-SEKOLAH':
			return { suffix: pick(rng, ['S.Pd., M.Pd.', 'S.Pd.']) };
		case 'PENGUJI-KB':
			return { suffix: pick(rng, ['S.T.', 'A.Md.T.']) };
		case 'VERIF-KEU':
			return { suffix: pick(rng, ['S.E.', 'S.Ak.', 'A.Md.']) };
		default:
			// Pelaksana: a minority hold a degree.
			return chance(rng, 0.3) ? { suffix: pick(rng, ['S.E.', 'S.Sos.', 'A.Md.', 'S.Kom.']) } : {};
	}
}

function withTitles(base: string, t: Titles): string {
	return `${t.prefix ? t.prefix + ' ' : ''}${base}${t.suffix ? ', ' + t.suffix : ''}`;
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses: first and last word of the name, without titles, "Br" and honorifics.

const EMAIL_DOMAIN = 'pemkomedan.go.id';
const HONORIFICS = new Set(['Teuku', 'Cut', 'Tengku', 'Muhammad']);

function emailLocal(base: string): string {
	let words = base.split(' ').filter((w) => w !== 'Br');
	if (words.length >= 3 && HONORIFICS.has(words[0])) words = words.slice(1);
	const clean = (w: string) => w.toLowerCase().replace(/[^a-z]/g, '');
	return words.length === 1 ? clean(words[0]) : `${clean(words[0])}.${clean(words[words.length - 1])}`;
}

// ---------------------------------------------------------------------------------------------
// NIPs

// Birth years per jabatan: senior posts go to older staff.
function birthYearRange(positionCode: string): [number, number] {
	switch (positionCode) {
		case 'SEKDA':
		case 'ASISTEN':
		case 'KADIS':
		case 'KABAN':
			return [1967, 1976];
		case 'SEKRETARIS':
		case 'KABAG':
		case 'KABID':
		case 'CAMAT':
		case 'KA-UPT':
			return [1969, 1982];
		case 'WIDYAISWARA':
		case 'PENGAWAS-SEKOLAH':
			return [1968, 1985];
		case 'LURAH':
		case 'SEKCAM':
		case 'KASUBBAG':
		case 'KASI':
			return [1972, 1990];
		case 'SEKLUR':
		case 'KASI-PELAYANAN':
			return [1975, 1993];
		default:
			return [1970, 2001];
	}
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function makeNip(rng: Rng, positionCode: string, sex: Sex, taken: Set<string>): string {
	const [minYear, maxYear] = birthYearRange(positionCode);
	const by = int(rng, minYear, maxYear);
	const bm = int(rng, 1, 12);
	const bd = int(rng, 1, daysInMonth(by, bm));
	// Appointed as CPNS between 20 and 30, never after 2025.
	const ay = Math.min(by + int(rng, 20, 30), 2025);
	const am = pick(rng, [1, 2, 3, 3, 4, 6, 10, 12, 12]);
	const prefix = `${by}${pad(bm, 2)}${pad(bd, 2)}${ay}${pad(am, 2)}${sex === 'L' ? '1' : '2'}`;
	for (;;) {
		const nip = prefix + pad(int(rng, 1, 999), 3);
		if (!taken.has(nip)) {
			taken.add(nip);
			return nip;
		}
	}
}

// ---------------------------------------------------------------------------------------------
// The generator

const SEED = 0x4d45444e; // "MEDN"

function fromFixed(f: FixedPerson, supervisorNip: string | null): DemoPerson {
	return {
		nip: f.nip,
		name: f.name,
		email: f.email,
		unitCode: f.unitCode,
		positionCode: f.positionCode,
		roles: [...f.roles],
		supervisorNip
	};
}

export function generateDemoPeople(): DemoPerson[] {
	const rng = mulberry32(SEED);
	const nips = new Set(FIXED.map((f) => f.nip));
	const emails = new Set(FIXED.map((f) => f.email));
	const names = new Set(FIXED.map((f) => f.name.split(',')[0]));
	const fixed = new Map<string, DemoPerson>();
	const generated: DemoPerson[] = [];
	const headOf = new Map<string, string>(); // unit code -> head NIP

	const newPerson = (unit: DemoUnit, positionCode: string, roles: DemoRole[], supervisorNip: string | null): DemoPerson => {
		const sex: Sex = chance(rng, 0.5) ? 'L' : 'P';
		let base = baseName(rng, sex);
		for (let tries = 0; names.has(base) && tries < 20; tries++) base = baseName(rng, sex);
		names.add(base);
		const name = withTitles(base, titlesFor(rng, positionCode, unit));
		const local = emailLocal(base);
		let email = `${local}@${EMAIL_DOMAIN}`;
		for (let n = 2; emails.has(email); n++) email = `${local}${n}@${EMAIL_DOMAIN}`;
		emails.add(email);
		const nip = makeNip(rng, positionCode, sex, nips);
		return { nip, name, email, unitCode: unit.code, positionCode, roles, supervisorNip };
	};

	// demoUnits lists every parent before its children, so the parent's head is always known.
	for (const unit of demoUnits) {
		const bossNip = unit.parentCode === null ? null : (headOf.get(unit.parentCode) ?? null);
		const fixedHead = FIXED.find((f) => f.head && f.unitCode === unit.code);
		let head: DemoPerson;
		if (fixedHead) {
			head = fromFixed(fixedHead, bossNip);
			fixed.set(head.email, head);
		} else {
			head = newPerson(unit, headPosition(unit), ['learner', 'supervisor'], bossNip);
			generated.push(head);
		}
		headOf.set(unit.code, head.nip);

		for (const f of FIXED) {
			if (!f.head && f.unitCode === unit.code) fixed.set(f.email, fromFixed(f, head.nip));
		}
		for (const positionCode of staffPlan(unit)) {
			const roles: DemoRole[] = ['learner'];
			if (positionCode === 'WIDYAISWARA' && unit.code === 'BKPSDM-PKA') roles.push('trainer');
			if (ADMIN_SLOTS.has(`${unit.code}/${positionCode}`)) roles.push('admin');
			generated.push(newPerson(unit, positionCode, roles, head.nip));
		}
	}

	const first = demoAccounts.map((a) => {
		const person = fixed.get(a.email);
		if (!person) throw new Error(`demo account ${a.email} has no unit`);
		return person;
	});
	return [...first, ...generated];
}
