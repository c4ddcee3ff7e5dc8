import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load';
import type { Question } from '../../src/lib/content/types';

export const DEMO_PASSWORD = 'bina-asn-2026';

/** The fixed demo accounts listed in the README, one per kind of user. */
export const ACCOUNTS = {
	admin: 'admin@bina.medan.go.id',
	trainer: 'pelatih@bina.medan.go.id',
	supervisor: 'atasan@bina.medan.go.id',
	learner: 'pegawai@bina.medan.go.id',
	kadis: 'kadis@bina.medan.go.id'
} as const;

export async function signIn(page: Page, login: string, password = DEMO_PASSWORD, path = '/login') {
	await page.goto(path);
	await page.getByLabel('NIP atau e-mail').fill(login);
	await page.getByLabel('Kata sandi', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Masuk' }).click();
}

export async function signInAndWait(page: Page, login: string) {
	await signIn(page, login);
	await expect(page.getByRole('button', { name: 'Keluar' })).toBeVisible();
}

/** Answers every practice question on the module page that is not answered yet (any answer counts). */
export async function answerAllPractice(page: Page) {
	for (;;) {
		const open = page.locator('section.practice').filter({ hasNot: page.locator('.feedback') });
		if ((await open.count()) === 0) return;
		const q = page.locator(`[id="${await open.first().getAttribute('id')}"]`);
		const radios = q.locator('input[type=radio]');
		const boxes = q.locator('input[type=checkbox]');
		const text = q.locator('input[type=text]');
		const selects = q.locator('select');
		if (await radios.count()) await radios.first().check();
		else if (await boxes.count()) await boxes.first().check();
		else if (await text.count()) await text.fill('1');
		else {
			const n = await selects.count();
			for (let i = 0; i < n; i++) await selects.nth(i).selectOption({ index: i + 1 });
		}
		await q.getByRole('button').click();
		await expect(q.locator('.feedback')).toBeVisible();
	}
}

/** Enrols (if needed) and completes every module of a course through the reader. */
export async function completeAllModules(page: Page, courseId: string) {
	await page.goto(`/courses/${courseId}`);
	const enrol = page.getByRole('button', { name: 'Ikuti kursus ini' });
	if (await enrol.count()) await enrol.click();
	else await page.getByRole('link', { name: /Mulai belajar|Lanjutkan belajar/ }).click();
	for (;;) {
		await expect(page.getByText(/^Modul \d+ dari \d+/)).toBeVisible();
		await answerAllPractice(page);
		const mark = page.getByRole('button', { name: 'Tandai modul selesai' });
		if (await mark.count()) await mark.click();
		await expect(page.getByRole('status').filter({ hasText: /Modul ini sudah selesai|Selamat!/ })).toBeVisible();
		const next = page.locator('nav.prevnext a[rel=next]');
		if ((await next.count()) === 0) return;
		const href = (await next.getAttribute('href'))!;
		await next.click();
		await page.waitForURL((url) => url.pathname === href);
	}
}

// The learner knows the material: the test reads the answer key from the course files.
const contentCourses = loadContent(path.resolve('content')).courses;
export const poolOf = (courseId: string) => contentCourses.find((c) => c.id === courseId)!.exam!.pool;

/** Fills every drawn exam question on the page with the right answer. */
export async function answerExamCorrectly(page: Page, pool: Question[]) {
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
export async function gradeEssaysIfPending(page: Page, browser: import('@playwright/test').Browser) {
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
