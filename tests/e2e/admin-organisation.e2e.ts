import { expect, test } from '@playwright/test';
import { ACCOUNTS, signInAndWait } from './helpers';

const BAD_CSV = [
	'nip,nama,email,kode_unit,kode_jabatan,nip_atasan,peran',
	'199001012015031001,Andi Saputra Lubis,andi.lubis.uji@pemkomedan.go.id,DISDUKCAPIL,,,pegawai', // good
	'19900101201503100,Budi Santoso,,DISDUKCAPIL,,,', // 17 digits
	'199002302015031002,Citra Lestari,,DISDUKCAPIL,,,', // 30 February
	'199001012015033003,Dedi Kurniawan,,DISDUKCAPIL,,,', // sex digit 3
	'199103042016012004,Eka Putri Ginting,,DINAS-TIDAK-ADA,,,', // unknown unit
	'199001012015031001,Fajar Nugroho,,DISDUKCAPIL,,,', // duplicate of line 2
	'199205062017032005,,,DISDUKCAPIL,,,' // missing name
].join('\n');

test.describe('admin manages the organisation', () => {
	test('a CSV with bad rows imports nothing and lists every bad row with its line and reason', async ({ page }) => {
		await signInAndWait(page, ACCOUNTS.admin);
		await page.goto('/admin/people');
		const before = await page.locator('.pager .muted').textContent();

		await page.goto('/admin/people/import');
		await page.getByLabel('Berkas CSV').setInputFiles({ name: 'pegawai-baru.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
		await page.getByRole('button', { name: 'Periksa dan impor' }).click();

		const alert = page.locator('#import-errors');
		await expect(alert).toContainText('Tidak ada yang diimpor: 6 masalah ditemukan.');
		await expect(alert.getByRole('listitem')).toHaveText([
			'Baris 3: NIP "19900101201503100" tidak 18 angka.',
			'Baris 4: NIP "199002302015031002": tanggal lahir (angka 1–8) tidak mungkin.',
			'Baris 5: NIP "199001012015033003": angka ke-15 harus 1 atau 2.',
			'Baris 6: Unit kerja "DINAS-TIDAK-ADA" tidak dikenal.',
			'Baris 7: NIP 199001012015031001 ganda: sudah dipakai di baris 2.',
			'Baris 8: Nama kosong.'
		]);

		// Nothing was imported, not even the good row.
		await page.goto('/admin/people?q=Andi%20Saputra%20Lubis');
		await expect(page.getByText('Tidak ada yang cocok dengan pencarian ini.')).toBeVisible();
		await page.goto('/admin/people');
		await expect(page.locator('.pager .muted')).toHaveText(before!);
	});

	test('a good CSV imports every row, with the supervisor named in the file', async ({ page }) => {
		await signInAndWait(page, ACCOUNTS.admin);
		await page.goto('/admin/people/import');
		const csv = [
			'nip;nama;email;kode_unit;kode_jabatan;nip_atasan;peran',
			'198807142012121002;Gilang Ramadhan Daulay;gilang.daulay.uji@pemkomedan.go.id;DISKOMINFO;;;atasan',
			'199509232020122011;Hana Friska Br Tarigan;hana.tarigan.uji@pemkomedan.go.id;DISKOMINFO;;198807142012121002;pegawai'
		].join('\n');
		await page.getByLabel('Berkas CSV').setInputFiles({ name: 'kominfo.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.getByRole('button', { name: 'Periksa dan impor' }).click();
		await expect(page.getByRole('status')).toHaveText('2 pegawai diimpor dari kominfo.csv.');
		await page.goto('/admin/people?q=Hana%20Friska');
		await page.getByRole('link', { name: 'Hana Friska Br Tarigan' }).click();
		await expect(page.getByText('Atasan langsung: Gilang Ramadhan Daulay')).toBeVisible();
	});

	test('a unit is added, a person is created in it, and a bad NIP keeps everything typed', async ({ page }) => {
		await signInAndWait(page, ACCOUNTS.admin);
		await page.goto('/admin/units');
		await page.getByLabel('Kode').fill('BAG-PROTOKOL');
		await page.getByLabel('Nama').fill('Bagian Protokol dan Komunikasi Pimpinan');
		await page.getByLabel('Jenis').selectOption('bagian');
		await page.getByLabel('Unit induk').selectOption({ label: '\u00a0\u00a0Sekretariat Daerah Kota Medan' });
		await page.getByRole('button', { name: 'Simpan' }).click();
		await expect(page.getByRole('status')).toHaveText('Unit Bagian Protokol dan Komunikasi Pimpinan disimpan.');
		await expect(page.getByRole('link', { name: 'Bagian Protokol dan Komunikasi Pimpinan' })).toBeVisible();

		await page.goto('/admin/people/new');
		await page.getByLabel('Nama').fill('Indah Permata Sari Nasution');
		await page.getByLabel('NIP', { exact: true }).fill('199713312022032001');
		await page.getByLabel('E-mail').fill('indah.nasution.uji@pemkomedan.go.id');
		await page.getByLabel('Unit kerja').selectOption({ label: '\u00a0\u00a0\u00a0\u00a0Bagian Protokol dan Komunikasi Pimpinan' });
		await page.getByRole('button', { name: 'Simpan' }).click();
		await expect(page.getByText('Angka 1–8 NIP bukan tanggal lahir yang mungkin.')).toBeVisible();
		// What was typed is still there.
		await expect(page.getByLabel('Nama')).toHaveValue('Indah Permata Sari Nasution');
		await expect(page.getByLabel('E-mail')).toHaveValue('indah.nasution.uji@pemkomedan.go.id');
		await page.getByLabel('NIP', { exact: true }).fill('199703132022032001');
		await page.getByRole('button', { name: 'Simpan' }).click();
		await expect(page.getByRole('status')).toHaveText('Perubahan disimpan.');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indah Permata Sari Nasution');
	});

	test('an admin assigns a trainer to a course; a non-trainer is refused with a reason', async ({ page }) => {
		await signInAndWait(page, ACCOUNTS.admin);
		await page.goto('/admin/courses');
		const section = page.getByRole('region', { name: 'E-Government dan SPBE' });
		await section.getByLabel('E-mail atau NIP pelatih').fill(ACCOUNTS.learner);
		await section.getByRole('button', { name: 'Tetapkan' }).click();
		await expect(section.getByRole('alert')).toHaveText('Pegawai ini belum berperan Pelatih; beri peran itu di halaman Pegawai.');
		await expect(section.getByLabel('E-mail atau NIP pelatih')).toHaveValue(ACCOUNTS.learner);
		// A widyaiswara of the demo who does not teach this course yet.
		await expect(section.getByText('Dr. Debora Hutagalung, S.E., M.M.')).toHaveCount(0);
		await section.getByLabel('E-mail atau NIP pelatih').fill('debora.hutagalung@pemkomedan.go.id');
		await section.getByRole('button', { name: 'Tetapkan' }).click();
		await expect(section.getByText('Dr. Debora Hutagalung, S.E., M.M.')).toBeVisible();
	});
});
