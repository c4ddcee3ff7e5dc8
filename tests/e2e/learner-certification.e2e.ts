import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, answerExamCorrectly, completeAllModules, gradeEssaysIfPending, poolOf, signInAndWait } from './helpers';

test('a learner finishes a course, passes the final exam, downloads the PDF and verifies it', async ({ page, browser }) => {
	test.setTimeout(240_000);
	const courseId = 'manajemen-proyek-pemerintahan';
	await signInAndWait(page, ACCOUNTS.admin);
	await page.goto(`/courses/${courseId}/exam`);
	await expect(page.getByText('Ikuti kursus ini terlebih dahulu.')).toBeVisible();
	await completeAllModules(page, courseId);

	await page.goto(`/courses/${courseId}/exam`);
	await expect(page.getByText('Lulus dengan nilai paling sedikit 70%.')).toBeVisible();
	await page.getByRole('button', { name: 'Mulai ujian' }).click();
	await expect(page.getByRole('heading', { name: 'Percobaan ke-1' })).toBeVisible();
	await expect(page.getByText(/Batas waktu pukul/)).toBeVisible();
	await expect(page.locator('section.question')).toHaveCount(10);

	await answerExamCorrectly(page, poolOf(courseId));
	await page.getByRole('button', { name: 'Simpan jawaban' }).click();
	await expect(page.getByText('Jawaban tersimpan.')).toBeVisible();
	// A reload keeps every saved answer.
	await page.reload();
	await page.getByRole('button', { name: 'Tinjau sebelum kirim' }).click();
	await expect(page.getByText('Anda telah menjawab 10 dari 10 soal.')).toBeVisible();
	await page.getByRole('button', { name: 'Kirim jawaban' }).click();

	await gradeEssaysIfPending(page, browser);
	await expect(page.getByRole('heading', { name: 'Selamat, Anda lulus!' })).toBeVisible();
	await expect(page.getByText('100%')).toBeVisible();

	// The PDF.
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Unduh PDF' }).click();
	const file = await (await download).path();
	const pdf = fs.readFileSync(file!);
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	expect(pdf.length).toBeGreaterThan(5000);

	// The code on the certificate opens the public verification page, signed out.
	await page.goto('/certificates');
	const code = (await page.locator('a.code').first().textContent())!.trim();
	expect(code).toMatch(/^BINA(-[A-Z2-7]{4}){4}$/);
	const publicPage = await (await browser.newContext()).newPage();
	await publicPage.goto(`/verify/${code}`);
	await expect(publicPage.getByRole('heading', { level: 1 })).toHaveText('Sertifikat sah dan berlaku');
	await expect(publicPage.getByText('Yusuf Effendi Lubis, S.Kom.')).toBeVisible();
	await expect(publicPage.getByText('Manajemen Proyek Pemerintahan')).toBeVisible();
	// Unknown and malformed codes get a clear page, not an error.
	const unknown = await publicPage.goto('/verify/BINA-AAAA-BBBB-CCCC-DDDD');
	expect(unknown?.status()).toBe(200);
	await expect(publicPage.getByRole('heading', { level: 1 })).toHaveText('Kode tidak dikenal');
	await publicPage.goto('/verify/%3Cscript%3E');
	await expect(publicPage.getByRole('heading', { level: 1 })).toHaveText('Kode tidak dikenal');
});

test('a failed attempt, the waiting time, a retry allowed by the trainer, and a pass', async ({ page, browser }) => {
	test.setTimeout(240_000);
	const courseId = 'e-government-spbe';
	await signInAndWait(page, ACCOUNTS.supervisor);
	await completeAllModules(page, courseId);
	await page.goto(`/courses/${courseId}/exam`);
	await page.getByRole('button', { name: 'Mulai ujian' }).click();
	// Submitting with nothing answered fails.
	await page.getByRole('button', { name: 'Kirim jawaban' }).click();
	await expect(page.getByRole('heading', { name: 'Belum lulus' })).toBeVisible();
	await expect(page.locator('.result .stat')).toHaveText('0%');
	await page.getByRole('link', { name: 'Kembali ke halaman ujian' }).click();
	await expect(page.getByText(/Percobaan berikutnya dapat dimulai setelah/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Mulai ujian' })).toHaveCount(0);
	await expect(page.getByRole('cell', { name: 'Tidak lulus' })).toBeVisible();

	// The trainer allows another attempt now, with a reason.
	const trainer = await browser.newPage();
	await signInAndWait(trainer, ACCOUNTS.trainer);
	await trainer.goto(`/trainer/courses/${courseId}`);
	const row = trainer.getByRole('listitem').filter({ hasText: 'Ahmad Fauzi Harahap' });
	await row.getByRole('button', { name: 'Izinkan ulang sekarang' }).click();
	await expect(trainer.getByRole('alert')).toHaveText('Tulis alasannya; alasan dicatat.');
	await row.getByLabel('Alasan').fill('Jaringan kantor kecamatan terputus saat ujian.');
	await row.getByRole('button', { name: 'Izinkan ulang sekarang' }).click();
	await expect(trainer.getByRole('status')).toHaveText('Peserta dapat mengulang ujian sekarang.');
	await trainer.close();

	// The retry, answered correctly, passes.
	await page.reload();
	await page.getByRole('button', { name: 'Mulai ujian' }).click();
	await expect(page.getByRole('heading', { name: 'Percobaan ke-2' })).toBeVisible();
	await answerExamCorrectly(page, poolOf(courseId));
	await page.getByRole('button', { name: 'Kirim jawaban' }).click();
	await gradeEssaysIfPending(page, browser);
	await expect(page.getByRole('heading', { name: 'Selamat, Anda lulus!' })).toBeVisible();
});
