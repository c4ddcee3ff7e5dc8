// Workshops with QR attendance, and the public's survey feeding the unit's IKM.
import AxeBuilder from '@axe-core/playwright';
import { expect, request as newRequest, test, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, signInAndWait } from './helpers';
import { generateDemoPeople } from '../../src/lib/server/demo/medan';

// Fresh learners: the generated staff of Dinas Perhubungan, whom no demo data and no other
// journey touches. They sign in with their NIP.
const dishub = generateDemoPeople().filter((p) => p.unitCode === 'DISHUB' && !p.roles.includes('supervisor'));
const [L1, L2, L3] = dishub.slice(-3);
const [MENTOR, MENTEE] = dishub.slice(0, 2);
const [E1, E2, E3] = dishub.slice(2, 5);

/** A datetime-local value in WIB, minutes from now. */
function wib(minutesFromNow: number): string {
	return new Date(Date.now() + minutesFromNow * 60_000 + 7 * 3600_000).toISOString().slice(0, 16);
}

async function signedIn(browser: Browser, login: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await signInAndWait(page, login);
	return page;
}

async function seriousViolations(page: Page) {
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test('a trainer schedules a workshop, learners register and wait, attend by QR, and JP appears', async ({ browser }) => {
	test.setTimeout(180_000);
	const title = `Workshop Uji QR ${Date.now().toString(36)}`;

	// The trainer schedules a session that starts in ten minutes, with a partner university.
	const trainer = await signedIn(browser, ACCOUNTS.trainer);
	await trainer.goto('/trainer/workshops/new');
	await trainer.getByLabel('Judul').fill(title);
	await trainer.getByLabel('Mulai (tanggal dan jam)').fill(wib(10));
	await trainer.getByLabel('Selesai (tanggal dan jam)').fill(wib(130));
	await trainer.getByLabel('Tempat').fill('Aula BKPSDM Kota Medan');
	await trainer.getByLabel('Kapasitas (kursi)').fill('2');
	await trainer.getByLabel('JP klasikal').fill('4');
	await trainer.getByLabel('Kompetensi yang dikembangkan (opsional)').selectOption({ label: 'Penanganan Pengaduan' });
	await trainer.getByLabel('Tingkat').selectOption('2');
	await trainer.getByLabel('Mitra penyelenggara (opsional)').fill('Universitas Sumatera Utara');
	await trainer.getByRole('button', { name: 'Jadwalkan' }).click();
	await expect(trainer.getByRole('heading', { level: 1 })).toHaveText(title);
	const workshopUrl = new URL(trainer.url()).pathname; // /trainer/workshops/<id>
	const workshopId = workshopUrl.split('/').pop()!;

	// Three learners register for two seats: the third waits, first in line.
	const [p1, p2, p3] = await Promise.all([L1, L2, L3].map((p) => signedIn(browser, p.nip)));
	for (const [i, page] of [p1, p2, p3].entries()) {
		await page.goto('/workshops');
		const card = page.locator('article', { hasText: title });
		await expect(card).toContainText('Universitas Sumatera Utara');
		await card.getByRole('button', { name: i < 2 ? 'Daftar' : 'Masuk daftar tunggu' }).click();
		await expect(page.getByRole('status')).toContainText(i < 2 ? 'Anda terdaftar' : 'daftar tunggu');
	}
	await expect(p3.locator('article', { hasText: title }).getByTestId('my-status')).toContainText('Daftar tunggu: urutan ke-1');
	expect(await seriousViolations(p3)).toEqual([]);

	// The second learner cancels: the waiting learner takes the seat.
	await p2.goto(`/workshops/${workshopId}`);
	await p2.getByRole('button', { name: 'Batalkan pendaftaran' }).click();
	await expect(p2.getByRole('status')).toContainText('Pendaftaran dibatalkan');
	await p3.goto(`/workshops/${workshopId}`);
	await expect(p3.getByTestId('my-status')).toContainText('Terdaftar');

	// The trainer shows the rotating QR code; the first learner's phone opens its link.
	await trainer.goto(`${workshopUrl}/qr`);
	await expect(trainer.locator('.qr svg')).toBeVisible();
	await expect(trainer.getByText('0 dari 2 peserta sudah hadir')).toBeVisible();
	const link = await trainer.getByTestId('attend-link').getAttribute('href');
	expect(link).toMatch(new RegExp(`/workshops/attend/${workshopId}-`));
	await p1.goto(link!);
	await expect(p1.getByText(title)).toBeVisible();
	await p1.getByRole('button', { name: 'Catat kehadiran saya' }).click();
	await expect(p1.getByRole('status')).toContainText(`Kehadiran di "${title}" tercatat.`);
	// Scanning again records nothing new.
	await p1.goto(link!);
	await expect(p1.getByRole('status')).toContainText('sudah tercatat');
	// A made-up code is refused.
	await p2.goto(`/workshops/attend/${workshopId}-zz-AAAAAAAAAAAAAAAAAAAAAA`);
	await expect(p2.getByRole('alert')).toContainText('Kode presensi tidak dikenal');

	// The learner's JP figure now holds the four classroom JP.
	await p1.goto('/');
	await expect(p1.getByTestId('jp-total')).toHaveText(/^4 dari \d+ JP$/);

	// The trainer marks the promoted learner present from the list; the page counts both.
	await trainer.goto(workshopUrl);
	await trainer.getByRole('button', { name: `Tandai ${L3.name} hadir` }).click();
	await expect(trainer.getByRole('status')).toContainText('Kehadiran dicatat');
	await expect(trainer.getByRole('heading', { name: /Peserta: 2 hadir dari 2 terdaftar/ })).toBeVisible();
	await p3.goto('/');
	await expect(p3.getByTestId('jp-total')).toHaveText(/^4 dari \d+ JP$/);

	// The attendee evaluates the session (level 1); the trainer sees it in the results.
	await p1.goto(`/workshops/${workshopId}`);
	for (const item of ['Materi sesuai dengan tugas saya', 'Materi jelas dan tersusun baik', 'Penyajian (pelatih atau modul) membantu saya belajar', 'Saya akan menerapkannya dalam pekerjaan']) {
		await p1.getByRole('group', { name: item }).getByRole('radio', { name: '5 · sangat setuju' }).check();
	}
	await p1.getByLabel('Komentar atau saran (opsional)').fill('Simulasi pengaduan sangat membantu.');
	await p1.getByRole('button', { name: 'Kirim evaluasi' }).click();
	await expect(p1.getByRole('status')).toContainText('evaluasi Anda sudah tercatat');
	await trainer.goto('/trainer/evaluations');
	// One answer is counted; its ratings are not shown (they would be that learner's own).
	const row = trainer.getByRole('row', { name: new RegExp(title) });
	// Cells: attended, answers, four items, overall, level 3.
	await expect(row.getByRole('cell')).toHaveText([/^\d+$/, '1', '–', '–', '–', '–', '–', /Belum ada/]);
	await expect(trainer.getByText(/Rata-rata baru ditampilkan setelah ada sedikitnya 3 jawaban/).first()).toBeVisible();
	await expect(trainer.getByText('Simulasi pengaduan sangat membantu.')).toBeVisible();
});

test('a trainer edits a coming session: a capacity below the seats taken is refused, a higher one seats the waiting learner, who sees the new place', async ({ browser }) => {
	test.setTimeout(180_000);
	const title = `Workshop Uji Ubah ${Date.now().toString(36)}`;
	const trainer = await signedIn(browser, ACCOUNTS.trainer);
	await trainer.goto('/trainer/workshops/new');
	await trainer.getByLabel('Judul').fill(title);
	await trainer.getByLabel('Mulai (tanggal dan jam)').fill(wib(24 * 60));
	await trainer.getByLabel('Selesai (tanggal dan jam)').fill(wib(26 * 60));
	await trainer.getByLabel('Tempat').fill('Aula BKPSDM Kota Medan');
	await trainer.getByLabel('Kapasitas (kursi)').fill('2');
	await trainer.getByLabel('JP klasikal').fill('2');
	await trainer.getByRole('button', { name: 'Jadwalkan' }).click();
	await expect(trainer.getByRole('heading', { level: 1 })).toHaveText(title);
	const workshopUrl = new URL(trainer.url()).pathname;
	const workshopId = workshopUrl.split('/').pop()!;

	// Two learners take the two seats; the third waits.
	const [p1, p2, p3] = await Promise.all([E1, E2, E3].map((p) => signedIn(browser, p.nip)));
	for (const [i, page] of [p1, p2, p3].entries()) {
		await page.goto(`/workshops/${workshopId}`);
		await page.getByRole('button', { name: i < 2 ? 'Daftar' : 'Masuk daftar tunggu' }).click();
		await expect(page.getByRole('status')).toContainText(i < 2 ? 'Anda terdaftar' : 'daftar tunggu');
	}
	await expect(p3.getByTestId('my-status')).toContainText('Daftar tunggu: urutan ke-1');

	// Without JavaScript: one seat for two registered is refused, naming them; what was typed stays.
	const plain = await signedIn(browser, ACCOUNTS.trainer, { javaScriptEnabled: false });
	await plain.goto(workshopUrl);
	await plain.getByLabel('Tempat').fill('Ruang Rapat Lt. 2 Kantor Wali Kota');
	await plain.getByLabel('Kapasitas (kursi)').fill('1');
	await plain.getByLabel('Deskripsi (opsional)').fill('Catatan yang tidak boleh hilang.');
	await plain.getByRole('button', { name: 'Simpan perubahan' }).click();
	await expect(plain.locator('#capacity-err')).toHaveText('Sudah 2 orang terdaftar: kapasitas tidak boleh kurang dari 2.');
	await expect(plain.getByLabel('Tempat')).toHaveValue('Ruang Rapat Lt. 2 Kantor Wali Kota');
	await expect(plain.getByLabel('Deskripsi (opsional)')).toHaveValue('Catatan yang tidak boleh hilang.');
	await plain.context().close();
	await p3.goto(`/workshops/${workshopId}`);
	await expect(p3.getByTestId('my-status')).toContainText('Daftar tunggu: urutan ke-1');

	// The trainer moves the session to another room with three seats.
	await trainer.goto(workshopUrl);
	await expect(trainer.getByLabel('Tempat')).toHaveValue('Aula BKPSDM Kota Medan');
	expect(await seriousViolations(trainer)).toEqual([]);
	await trainer.getByLabel('Tempat').fill('Ruang Rapat Lt. 2 Kantor Wali Kota');
	await trainer.getByLabel('Kapasitas (kursi)').fill('3');
	await trainer.getByRole('button', { name: 'Simpan perubahan' }).click();
	const done = trainer.getByTestId('edit-done');
	await expect(done).toContainText('Perubahan sesi disimpan.');
	await expect(done).toContainText('1 orang dari daftar tunggu kini mendapat kursi.');
	await expect(done).toContainText('3 peserta diberi tahu perubahan waktu atau tempat.');
	await expect(trainer.locator('.page-head p')).toContainText('Ruang Rapat Lt. 2 Kantor Wali Kota');
	await expect(trainer.getByRole('heading', { name: 'Peserta: 0 hadir dari 3 terdaftar (kapasitas 3)' })).toBeVisible();
	await trainer.reload();
	await expect(trainer.getByLabel('Tempat')).toHaveValue('Ruang Rapat Lt. 2 Kantor Wali Kota');
	await expect(trainer.getByLabel('Kapasitas (kursi)')).toHaveValue('3');

	// The learner who waited now holds a seat, sees the new place, and was told of both.
	await p3.goto(`/workshops/${workshopId}`);
	await expect(p3.getByTestId('my-status')).toContainText('Terdaftar');
	await expect(p3.locator('article')).toContainText('Ruang Rapat Lt. 2 Kantor Wali Kota');
	await p3.goto('/notifications');
	await expect(p3.getByText(`Ada kursi kosong: Anda kini terdaftar di "${title}"`)).toBeVisible();
	await expect(p3.getByText(`Tempat sesi "${title}"`)).toContainText('Aula BKPSDM Kota Medan → Ruang Rapat Lt. 2 Kantor Wali Kota');
});

test('a member of the public fills the survey on a phone without JavaScript, and the unit\'s IKM updates', async ({ browser }) => {
	test.setTimeout(120_000);
	const admin = await signedIn(browser, ACCOUNTS.admin);
	await admin.goto('/admin/evaluation');
	// Kelurahan Babura has a list of services but no answers yet in the demo.
	await expect(admin.getByTestId('ikm-KEL-BABURA')).toHaveCount(0);

	// The form on a phone: accessible, nothing wider than the screen.
	const checked = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
	const look = await checked.newPage();
	await look.goto('/survey/KEL-BABURA');
	expect(await look.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	expect(await seriousViolations(look)).toEqual([]);
	await checked.close();

	// Filled in on a phone with JavaScript off: plain HTML forms carry it.
	const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false, isMobile: true, hasTouch: true });
	const page = await phone.newPage();
	await page.goto('/survey/KEL-BABURA');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Survei Kepuasan Masyarakat');
	await expect(page.getByText('Kelurahan Babura')).toBeVisible();

	await page.getByLabel('Jenis layanan yang digunakan').selectOption({ label: 'Surat Keterangan Domisili' });
	const answers: Array<[string, string]> = [
		['kesesuaian persyaratan', 'Sangat sesuai'],
		['kemudahan prosedur', 'Mudah'],
		['kecepatan waktu', 'Cepat'],
		['kewajaran biaya', 'Gratis'],
		['kesesuaian produk', 'Sangat sesuai'],
		['kompetensi/kemampuan petugas', 'Sangat kompeten'],
		['kesopanan dan keramahan', 'Sangat sopan dan ramah'],
		['penanganan pengaduan', 'Dikelola dengan baik'],
		['sarana dan prasarana', 'Sangat baik']
	];
	for (const [question, answer] of answers) {
		await page.getByRole('group', { name: new RegExp(question) }).getByRole('radio', { name: answer, exact: true }).check();
	}
	await page.getByLabel('Saran atau masukan (opsional)').fill('Petugas ramah, tolong tambah kursi di ruang tunggu.');
	// A person takes longer than a few seconds to answer nine questions.
	await page.waitForTimeout(4_500);
	await page.getByRole('button', { name: 'Kirim penilaian' }).click();
	await expect(page.getByText('Terima kasih atas penilaian Anda.')).toBeVisible();
	await phone.close();

	// Ratings 4,3,3,4,4,4,4,4,4: sum of NRR 34, IKM 34 / 9 x 25 = 94.44 (A).
	await admin.goto('/admin/evaluation');
	const row = admin.getByTestId('ikm-KEL-BABURA');
	await expect(row).toContainText('94,44');
	await expect(row).toContainText('Sangat baik');
	await row.getByRole('link').click();
	await expect(admin.getByTestId('unit-respondents')).toHaveText('1');
	await expect(admin.getByText('Petugas ramah, tolong tambah kursi')).toBeVisible();
});

test('only supervisors and admins pair mentors; a learner or trainer posting the form is refused', async ({ baseURL }) => {
	for (const login of [ACCOUNTS.learner, ACCOUNTS.trainer]) {
		const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL!, accept: 'text/html' } });
		const signIn = await ctx.post('/login', { form: { login, password: DEMO_PASSWORD, next: '/' }, maxRedirects: 0 });
		expect(signIn.status()).toBe(303);
		const res = await ctx.post('/mentoring?/pair', { form: { mentor: ACCOUNTS.supervisor, mentee: ACCOUNTS.learner, startsOn: '2026-01-01', endsOn: '2026-06-30' }, maxRedirects: 0 });
		expect(res.status(), login).toBe(403);
		await ctx.dispose();
	}
});

test('an admin pairs a mentor and a mentee; a confirmed session gives the mentee JP; the Camat rates a course and a workshop three months on', async ({ browser }) => {
	test.setTimeout(120_000);
	const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
	const admin = await signedIn(browser, ACCOUNTS.admin);
	await admin.goto('/mentoring');
	await admin.getByLabel('Mentor (NIP atau e-mail)').fill(MENTOR.nip);
	await admin.getByLabel('Mentee (NIP atau e-mail)').fill(MENTEE.nip);
	await admin.getByLabel('Selesai', { exact: true }).fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
	await admin.getByLabel('Tujuan (opsional)').fill('Adaptasi di loket pengujian kendaraan');
	await admin.getByRole('button', { name: 'Pasangkan' }).click();
	await expect(admin.getByRole('status')).toContainText('Pasangan mentoring dibuat');
	await expect(admin.getByRole('row', { name: new RegExp(MENTEE.name.split(',')[0]) })).toBeVisible();

	const mentor = await signedIn(browser, MENTOR.nip);
	await mentor.goto('/mentoring');
	await mentor.getByText('Catat sesi baru').click();
	await mentor.getByLabel('Menit').fill('90');
	await mentor.getByLabel('Topik').fill('Standar pelayanan uji kendaraan');
	await mentor.getByLabel('Tindak lanjut yang disepakati').fill('Membaca SOP dan mendampingi dua pengujian');
	await mentor.getByRole('button', { name: 'Simpan sesi' }).click();
	await expect(mentor.getByRole('status')).toContainText('Sesi tercatat');
	await expect(mentor.getByText('Menunggu konfirmasi mentee')).toBeVisible();

	const mentee = await signedIn(browser, MENTEE.nip);
	await mentee.goto('/mentoring');
	await mentee.getByRole('button', { name: 'Konfirmasi sesi "Standar pelayanan uji kendaraan"' }).click();
	await expect(mentee.getByRole('status')).toContainText('2 JP non-klasikal');
	await mentee.goto('/');
	await expect(mentee.getByTestId('jp-total')).toHaveText(/^2 dari \d+ JP$/);

	// Level 3: the demo's request to the Camat about a course completed 95 days ago. Without
	// JavaScript, a form refused for a missing rating comes back with the note he typed.
	const noJs = await signedIn(browser, ACCOUNTS.supervisor, { javaScriptEnabled: false });
	await noJs.goto('/supervisor/evaluations');
	const plain = noJs.locator('section', { hasText: 'Pelayanan Publik Prima' }).first();
	await plain.getByLabel('Catatan (opsional)').fill('Catatan yang tidak boleh hilang.');
	await plain.locator('form').evaluate((f: HTMLFormElement) => (f.noValidate = true));
	await plain.getByRole('button', { name: 'Simpan penilaian' }).click();
	await expect(noJs.locator('section', { hasText: 'Pelayanan Publik Prima' }).first().locator('.error')).toBeVisible();
	await expect(noJs.locator('section', { hasText: 'Pelayanan Publik Prima' }).first().getByLabel('Catatan (opsional)')).toHaveValue('Catatan yang tidak boleh hilang.');
	await noJs.context().close();
	const camat = await signedIn(browser, ACCOUNTS.supervisor);
	await camat.goto('/supervisor/evaluations');
	const request = camat.locator('section', { hasText: 'Pelayanan Publik Prima' }).first();
	await request.getByLabel('Menerapkan sebagian besar').check();
	await request.getByLabel('Catatan (opsional)').fill('Sudah memakai alur pengaduan yang baru di loket.');
	await request.getByRole('button', { name: 'Simpan penilaian' }).click();
	await expect(camat.getByRole('status')).toContainText('Penilaian tersimpan');
	await expect(camat.getByRole('row', { name: /Menerapkan sebagian besar/ })).toBeVisible();

	// Level 3 for a workshop: the demo's session held 120 days ago, attended by some of his staff.
	// He answers one request with the same form; the session's trainer sees it in the results.
	const session = 'Workshop Standar Pelayanan dan Maklumat Pelayanan';
	const asked = camat.locator('section', { hasText: session }).first();
	await expect(asked).toContainText(`Mengikuti "${session}" pada`);
	const staffName = (await asked.getByRole('heading', { level: 2 }).textContent())!.trim();
	await asked.getByLabel('Menerapkan sepenuhnya dan konsisten').check();
	await asked.getByLabel('Catatan (opsional)').fill('Maklumat pelayanan sudah dipasang di loket kecamatan.');
	await asked.getByRole('button', { name: 'Simpan penilaian' }).click();
	await expect(camat.getByRole('status')).toContainText('Penilaian tersimpan');
	const answered = camat.getByRole('row', { name: /Menerapkan sepenuhnya dan konsisten/ });
	await expect(answered).toContainText(staffName);
	await expect(answered).toContainText(`${session} · Workshop`);
	await expect(answered).toContainText('Maklumat pelayanan sudah dipasang');

	const trainer = await signedIn(browser, ACCOUNTS.trainer);
	await trainer.goto('/trainer/evaluations');
	await expect(trainer.getByRole('row', { name: new RegExp(session) })).toContainText(/1 penilaian \(\d+ diminta\); rata-rata tampil mulai 3/);
});
