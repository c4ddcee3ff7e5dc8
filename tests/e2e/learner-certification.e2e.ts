import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load';
import type { Question } from '../../src/lib/content/types';
import { ACCOUNTS, completeAllModules, signInAndWait } from './helpers';

// The learner knows the material: the test reads the answer key from the course files.
const courses = loadContent(path.resolve('content')).courses;
const poolOf = (courseId: string) => courses.find((c) => c.id === courseId)!.exam!.pool;

/** Fills every drawn exam question on the page with the right answer. */
async function answerExamCorrectly(page: Page, pool: Question[]) {
	for (const q of pool) {
		const field = (name: string) => page.locator(`[name="${q.id}::${name}"]`);
		if ((await page.locator(`[name^="${q.id}::"]`).count()) === 0) continue; // not drawn
		switch (q.type) {
			case 'single':
				await field('answer').and(page.locator(`[value="${q.answer}"]`)).check();
				break;
			case 'multiple':
				for (const id of q.answer) await field('answer').and(page.locator(`[value="${id}"]`)).check();
				break;
			case 'truefalse':
				await field('answer').and(page.locator(`[value="${q.answer}"]`)).check();
				break;
			case 'short':
				await field('answer').fill(q.answers[0]);
				break;
			case 'numeric':
				await field('answer').fill(String(q.answer).replace('.', ','));
				break;
			case 'essay':
				await field('answer').fill('Langkah pertama memetakan masalah, lalu menetapkan indikator, melibatkan warga, dan memantau hasilnya setiap bulan.');
				break;
			case 'matching':
				for (let i = 0; i < q.pairs.length; i++) await field(`match-${i}`).selectOption(q.pairs[i].right);
				break;
			case 'ordering': {
				const shown = await page.locator(`[name="${q.id}::item"]`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
				for (let i = 0; i < shown.length; i++) await field(`pos-${i}`).selectOption(String(q.items.indexOf(shown[i]) + 1));
				break;
			}
		}
	}
}

/** If an essay was drawn, a trainer grades it with the rubric, which completes the attempt. */
async function gradeEssaysIfPending(page: Page, browser: import('@playwright/test').Browser) {
	const result = page.locator('.result h2');
	await expect(result).toBeVisible();
	if (!(await result.textContent())!.includes('menunggu penilaian pelatih')) return;
	const attemptUrl = page.url();
	const trainer = await browser.newPage();
	await signInAndWait(trainer, ACCOUNTS.trainer);
	await trainer.goto('/trainer');
	await trainer.locator(`a[href="/trainer/grading/${attemptUrl.split('/').pop()}"]`).click();
	await expect(trainer.getByRole('heading', { name: 'Rubrik' }).first()).toBeVisible();
	for (let left = await trainer.locator('main form').count(); left > 0; left--) {
		const form = trainer.locator('main form').first();
		const label = (await form.locator('label').first().textContent())!;
		await form.getByLabel(/^Poin/).fill(/0–(\d+)/.exec(label)![1]);
		await form.getByRole('button', { name: 'Simpan nilai' }).click();
		await expect(trainer.locator('main form')).toHaveCount(left - 1);
	}
	await expect(trainer.getByRole('status')).toContainText('hasil ujian telah ditetapkan');
	await trainer.close();
	await page.goto(attemptUrl);
}

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
