import { expect, type Page } from '@playwright/test';

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
