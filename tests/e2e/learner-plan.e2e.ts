import AxeBuilder from '@axe-core/playwright';
import { expect, request as newRequest, test, type Page } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, answerExamCorrectly, completeAllModules, gradeEssaysIfPending, poolOf, signInAndWait } from './helpers';

// pegawai@'s direct supervisor (Lurah Padang Bulan).
const LURAH = 'lurah@bina.medan.go.id';
// A course none of pegawai@'s other journeys uses; it develops TEK-SPBE to level 2, which her
// position (Pengelola Layanan Operasional) requires.
const COURSE = 'e-government-spbe';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const year = Number(today.slice(0, 4));

const jpTotal = async (page: Page) => Number(/^([\d,.]+) dari/.exec((await page.getByTestId('jp-ledger-total').textContent())!)![1].replace(',', '.'));
const itemRow = (page: Page) => page.locator(`tr[data-item="${COURSE}"]`);
async function expectAccessible(page: Page) {
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
}

test('a learner drafts a plan from her gaps, her lurah asks for a change and approves, the course closes the gap', async ({ page, browser }) => {
	test.setTimeout(300_000);
	await signInAndWait(page, ACCOUNTS.learner);

	// The gap.
	await page.getByRole('link', { name: 'Kompetensi', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Kompetensi saya' })).toBeVisible();
	const spbe = page.locator('tr[data-competency="TEK-SPBE"]');
	await expect(spbe.getByTestId('current-TEK-SPBE')).toHaveText('0');
	await expect(spbe).toContainText('kurang 2 level');
	await expect(page.getByRole('img', { name: /kompetensi jabatan belum memenuhi syarat/ })).toBeVisible();
	const jpBefore = await jpTotal(page);
	await expectAccessible(page);

	// The draft from the proposals: the course is proposed; one item is removed, the plan submitted.
	await page.getByRole('link', { name: 'Rencana pengembangan', exact: true }).first().click();
	await expect(page.getByText('Analisis kesenjangan menemukan')).toBeVisible();
	await page.getByRole('button', { name: 'Susun rencana dari usulan' }).click();
	await expect(itemRow(page)).toContainText('E-Government dan SPBE');
	await expect(page.getByRole('table', { name: 'Keseimbangan 10:20:70 (menurut jumlah kegiatan)' })).toBeVisible();
	await expectAccessible(page);
	const items = await page.locator('tbody tr[data-item]').count();
	await page.getByRole('button', { name: 'Hapus Manajemen Proyek Pemerintahan dari rencana' }).click();
	await expect(page.locator('tbody tr[data-item]')).toHaveCount(items - 1);
	await page.getByRole('button', { name: 'Ajukan ke atasan' }).click();
	await expect(page.getByTestId('plan-status')).toHaveText('Menunggu persetujuan');

	// The lurah asks for a change (her browser runs without JavaScript: the forms work without it).
	const lurah = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signInAndWait(lurah, LURAH);
	await lurah.goto('/supervisor/plans');
	await lurah.getByRole('link', { name: 'Nurul Hidayah Pane, S.E.' }).first().click();
	await expect(lurah.getByRole('heading', { level: 1 })).toHaveText(`Rencana pengembangan Nurul Hidayah Pane, S.E. ${year}`);
	const planUrl = lurah.url();
	await lurah.getByRole('button', { name: 'Minta perubahan' }).click();
	await expect(lurah.getByRole('alert')).toHaveText('Tulis apa yang perlu diubah.');
	await lurah.getByLabel('Komentar untuk pegawai').fill('Selesaikan kursus E-Government paling lambat 15 Desember.');
	await lurah.getByRole('button', { name: 'Minta perubahan' }).click();
	await expect(lurah.getByTestId('plan-status')).toHaveText('Perlu perubahan');

	// The learner reads the comment, changes the target date and resubmits.
	await page.reload();
	await expect(page.getByTestId('plan-comment')).toHaveText('Selesaikan kursus E-Government paling lambat 15 Desember.');
	await itemRow(page).getByLabel('Target selesai untuk E-Government dan SPBE').fill(`${year}-12-15`);
	await itemRow(page).getByRole('button', { name: 'Simpan' }).click();
	await page.reload();
	await expect(itemRow(page).getByLabel('Target selesai untuk E-Government dan SPBE')).toHaveValue(`${year}-12-15`);
	await page.getByRole('button', { name: 'Ajukan ulang ke atasan' }).click();
	await expect(page.getByTestId('plan-status')).toHaveText('Menunggu persetujuan');

	// The lurah approves.
	await lurah.goto(planUrl);
	await lurah.getByRole('button', { name: 'Setujui rencana' }).click();
	await expect(lurah.getByTestId('plan-status')).toHaveText('Disetujui');
	await expect(lurah.getByRole('listitem').filter({ hasText: 'Atasan meminta perubahan' })).toContainText('Selesaikan kursus E-Government');
	// The plan is evaluated at year end (from 1 December, on the server's WIB clock): before then the page says so and offers no form.
	if (today < `${year}-12-01`) {
		await expect(lurah.getByTestId('evaluate-not-yet')).toContainText(`1 Desember ${year}`);
		await expect(lurah.locator('form[action="?/evaluate"]')).toHaveCount(0);
	} else {
		await expect(lurah.locator('form[action="?/evaluate"]')).toHaveCount(1);
	}
	await lurah.close();

	await page.reload();
	await expect(page.getByTestId('plan-status')).toHaveText('Disetujui');
	await expect(itemRow(page).getByTestId('item-status')).toHaveText('Direncanakan');

	// The learner completes the course and passes its final exam.
	await completeAllModules(page, COURSE);
	await page.goto(`/courses/${COURSE}/exam`);
	await page.getByRole('button', { name: 'Mulai ujian' }).click();
	await expect(page.getByRole('heading', { name: 'Percobaan ke-1' })).toBeVisible();
	await expect(page.locator('section.question')).toHaveCount(10);
	await answerExamCorrectly(page, poolOf(COURSE));
	await page.getByRole('button', { name: 'Kirim jawaban' }).click();
	await gradeEssaysIfPending(page, browser);
	await expect(page.getByRole('heading', { name: 'Selamat, Anda lulus!' })).toBeVisible();

	// The plan item is done by itself, the plan runs, the JP grew by the course's 12, the level rose.
	await page.goto('/plan');
	await expect(itemRow(page).getByTestId('item-status')).toHaveText('Selesai');
	await expect(page.getByTestId('plan-status')).toHaveText('Berjalan');
	await page.goto('/competency');
	await expect(spbe.getByTestId('current-TEK-SPBE')).toHaveText('2');
	await expect(spbe).toContainText('Terpenuhi');
	await expect(spbe.getByRole('link', { name: 'E-Government dan SPBE' })).toHaveAttribute('href', /^\/verify\/BINA-/);
	expect(await jpTotal(page)).toBe(jpBefore + 12);
	await expect(page.getByRole('row', { name: /E-Government dan SPBE.*E-learning.*Non-klasikal/ })).toBeVisible();
});

test('a supervisor opens plans and records only of people in the subtree of their unit', async ({ baseURL }) => {
	// Demo data: plan 1 is lurah@'s (Kelurahan Padang Bulan, under atasan@'s Kecamatan Medan Baru),
	// plan 3 an Adminduk's at Disdukcapil awaiting kadis@; person 4 is pegawai@, person 5 kadis@.
	const camat = await newRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL!, accept: 'text/html' } });
	expect((await camat.post('/login', { form: { login: ACCOUNTS.supervisor, password: DEMO_PASSWORD, next: '/' }, maxRedirects: 0 })).status()).toBe(303);
	const status = async (path: string) => (await camat.get(path, { maxRedirects: 0 })).status();
	expect(await status('/supervisor/plans/1')).toBe(200);
	expect(await status('/supervisor/people/4')).toBe(200);
	// Outside his subtree: refused (an unknown plan is "not found", so the plan exists).
	expect(await status('/supervisor/plans/3')).toBe(403);
	expect(await status('/supervisor/plans/999999')).toBe(404);
	expect(await status('/supervisor/people/5')).toBe(403);
	expect((await camat.post('/supervisor/plans/3?/approve', { form: { comment: '' }, maxRedirects: 0 })).status()).toBe(403);
	const list = await (await camat.get('/supervisor/plans')).text();
	expect(list).toContain('Rahmawati Siregar');
	expect(list).not.toContain('/supervisor/plans/3"');
	await camat.dispose();
});

test('a training taken elsewhere, with its certificate, is verified by the direct supervisor and enters the JP ledger', async ({ page, browser }) => {
	await signInAndWait(page, ACCOUNTS.learner);
	await page.goto('/competency');
	const jpBefore = await jpTotal(page);
	await page.getByRole('link', { name: 'Pelatihan di luar platform' }).click();
	await page.getByLabel('Nama pelatihan').fill('Bimtek Pengelolaan Pengaduan SP4N-LAPOR!');
	await page.getByLabel('Penyelenggara').fill('Bagian Organisasi Setda Kota Medan');
	// A one-day bimtek that ended today, so its JP count this year whatever the date of the run.
	await page.getByLabel('Tanggal mulai').fill(today);
	await page.getByLabel('Tanggal selesai').fill(today);
	await page.getByLabel('Jumlah JP').fill('16');
	await page.getByLabel('Kompetensi yang dikembangkan (jika ada)').selectOption({ label: 'Penanganan Pengaduan' });
	await page.getByLabel('Level', { exact: true }).selectOption('2');
	// A file that is not a PDF or an image is refused, and what was typed stays.
	await page.getByLabel('Sertifikat atau surat keterangan').setInputFiles({ name: 'sertifikat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ bukan pdf') });
	await page.getByRole('button', { name: 'Kirim untuk verifikasi' }).click();
	await expect(page.getByText('Berkas harus PDF, PNG, atau JPEG.')).toBeVisible();
	await expect(page.getByLabel('Nama pelatihan')).toHaveValue('Bimtek Pengelolaan Pengaduan SP4N-LAPOR!');
	await page.getByLabel('Sertifikat atau surat keterangan').setInputFiles({ name: 'sertifikat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
	await page.getByRole('button', { name: 'Kirim untuk verifikasi' }).click();
	await expect(page.getByRole('status')).toHaveText('Pelatihan terkirim dan menunggu verifikasi atasan langsung Anda.');
	await expect(page.getByRole('listitem').filter({ hasText: 'Bimtek Pengelolaan Pengaduan' })).toContainText('Menunggu verifikasi');

	const lurah = await (await browser.newContext()).newPage();
	await signInAndWait(lurah, LURAH);
	await lurah.goto('/supervisor/plans');
	const row = lurah.getByRole('listitem').filter({ hasText: 'Bimtek Pengelolaan Pengaduan SP4N-LAPOR!' });
	// The supervisor opens the document.
	const doc = await lurah.request.get((await row.getByRole('link', { name: /Buka dokumen/ }).getAttribute('href'))!);
	expect(doc.headers()['content-type']).toBe('application/pdf');
	await row.getByLabel('Catatan atasan').fill('Sertifikat sesuai.');
	await row.getByRole('button', { name: 'Verifikasi' }).click();
	await expect(lurah.getByRole('status')).toHaveText('Pelatihan terverifikasi; JP dan bukti kompetensinya tercatat.');
	await lurah.close();

	await page.goto('/competency');
	expect(await jpTotal(page)).toBe(jpBefore + 16);
	await expect(page.getByRole('row', { name: /Bimtek Pengelolaan Pengaduan.*Pelatihan luar.*Klasikal/ })).toBeVisible();
	await expect(page.locator('tr[data-competency="TEK-ADU"]').getByTestId('current-TEK-ADU')).toHaveText('2');
});

test('an admin adds a teknis competency, describes its levels and requires it of a position by CSV, every bad row named', async ({ page }) => {
	await signInAndWait(page, ACCOUNTS.admin);
	await page.goto('/admin');
	await page.getByRole('link', { name: /Kerangka kompetensi/ }).click();
	await page.getByLabel('Kode').fill('TEK-ARS');
	await page.getByLabel('Nama', { exact: true }).fill('Kearsipan Dinamis');
	await page.getByLabel('Jenis').selectOption('teknis');
	for (let level = 1; level <= 5; level++) await page.getByLabel(`level ${level}`, { exact: true }).fill(`Arsip dinamis, tingkat ${level}.`);
	await page.getByRole('button', { name: 'Tambahkan kompetensi' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kearsipan Dinamis');
	await expect(page.getByRole('status')).toHaveText('Perubahan disimpan.');

	await page.goto('/admin/positions/requirements');
	const upload = (text: string) => page.getByLabel('Berkas CSV').setInputFiles({ name: 'syarat.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
	await upload('kode_jabatan,kode_kompetensi,level\nARSIPARIS,TEK-ARS,3\nARSIPARIS,TEK-XYZ,2\nBUKAN-JABATAN,TEK-ARS,2\nARSIPARIS,MNJ-KOM,9\n');
	await page.getByRole('button', { name: 'Periksa dan impor' }).click();
	const errors = page.locator('#import-errors');
	await expect(errors).toContainText('Baris 3');
	await expect(errors).toContainText('TEK-XYZ');
	await expect(errors).toContainText('Baris 4');
	await expect(errors).toContainText('BUKAN-JABATAN');
	await expect(errors).toContainText('Baris 5');
	await upload('kode_jabatan,kode_kompetensi,level\nARSIPARIS,TEK-ARS,3\n');
	await page.getByRole('button', { name: 'Periksa dan impor' }).click();
	await expect(page.getByRole('status')).toHaveText('1 syarat kompetensi dari syarat.csv tersimpan.');

	// The position page shows it and edits it.
	await page.goto('/admin/positions');
	await page.getByRole('link', { name: 'Arsiparis', exact: true }).click();
	await expect(page.getByLabel('Kearsipan Dinamis')).toHaveValue('3');
	await page.getByLabel('Kearsipan Dinamis').selectOption('2');
	await page.getByRole('button', { name: 'Simpan syarat kompetensi' }).click();
	// Reload only once the save has answered (reloading earlier raced the post and read the old level).
	await expect(page.getByRole('status')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Kearsipan Dinamis')).toHaveValue('2');
});
