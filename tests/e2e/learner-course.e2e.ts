import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, answerAllPractice as answerAll, signInAndWait } from './helpers';

test('a learner finds a course, enrols, reads, practises, leaves, resumes and finishes it', async ({ page }) => {
	test.setTimeout(180_000);
	await signInAndWait(page, ACCOUNTS.learner);

	// Find the course by competency and search.
	await page.getByRole('link', { name: 'Kursus', exact: true }).click();
	await page.getByLabel('Kompetensi').selectOption({ label: 'Penanganan Pengaduan' });
	await page.getByRole('button', { name: 'Cari' }).click();
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Pelayanan Publik Prima']);
	await page.getByRole('link', { name: 'Pelayanan Publik Prima' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pelayanan Publik Prima');
	await expect(page.getByText('12 JP').first()).toBeVisible();

	// Enrol: straight into the first module.
	await page.getByRole('button', { name: 'Ikuti kursus ini' }).click();
	await expect(page.getByText('Modul 1 dari 6')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Tujuan pembelajaran' })).toBeVisible();
	await expect(page.locator('aside.callout').first()).toBeVisible();
	const firstTitle = await page.getByRole('heading', { level: 1 }).textContent();
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
	// On a phone the reader fits the screen: no sideways scrolling (wide tables scroll in their box).
	const desktop = page.viewportSize()!;
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
	await page.setViewportSize(desktop);

	// The completion rule is stated, and enforced.
	await expect(page.getByText('Modul dihitung selesai setelah Anda menjawab semua')).toBeVisible();
	await page.getByRole('button', { name: 'Tandai modul selesai' }).click();
	await expect(page.getByRole('alert')).toContainText('soal latihan yang belum Anda jawab');

	// A practice question gives immediate feedback with its explanation.
	const q = page.locator('section.practice').first();
	const radios = q.locator('input[type=radio]');
	if (await radios.count()) await radios.first().check();
	else await q.locator('input').first().check();
	await q.getByRole('button', { name: 'Periksa jawaban' }).click();
	const feedback = q.locator('.feedback');
	await expect(feedback).toBeVisible();
	await expect(feedback).toContainText(/Benar\.|Belum tepat\./);
	expect((await feedback.textContent())!.length).toBeGreaterThan(40);

	// Leave and come back: home offers to continue where the learner left off, answer kept.
	await page.getByRole('link', { name: 'Beranda', exact: true }).click();
	await expect(page.getByText('Lanjutkan Pelayanan Publik Prima')).toBeVisible();
	await page.getByRole('link', { name: 'Lanjutkan belajar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle!);
	await expect(page.locator('section.practice').first().locator('.feedback')).toBeVisible();

	// Work through every module.
	for (let n = 1; n <= 6; n++) {
		await expect(page.getByText(`Modul ${n} dari 6`)).toBeVisible();
		await answerAll(page);
		await page.getByRole('button', { name: 'Tandai modul selesai' }).click();
		await expect(page.getByRole('status').filter({ hasText: /Modul ini sudah selesai|Selamat!/ })).toBeVisible();
		if (n < 6) await page.getByRole('link', { name: /→$/ }).click();
	}
	await expect(page.getByText('Selamat! Semua modul kursus ini telah selesai.')).toBeVisible();

	// Home: the course is done and its JP counts toward the year's target.
	await page.getByRole('link', { name: 'Beranda', exact: true }).click();
	await expect(page.getByTestId('jp-total')).toHaveText('12 dari 20 JP');
	await expect(page.getByText('Selesai · 12 JP')).toBeVisible();
});

test('a module reads without JavaScript, and a practice answer works without it', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInAndWait(page, ACCOUNTS.trainer);
	await page.goto('/courses/e-government-spbe');
	await page.getByRole('button', { name: 'Ikuti kursus ini' }).click();
	await expect(page.getByText('Modul 1 dari 6')).toBeVisible();
	await expect(page.locator('article table').first()).toBeVisible();
	const q = page.locator('section.practice').first();
	const radios = q.locator('input[type=radio]');
	if (await radios.count()) await radios.first().check();
	else await q.locator('input').first().check();
	await q.getByRole('button', { name: 'Periksa jawaban' }).click();
	await expect(page.locator('section.practice').first().locator('.feedback')).toBeVisible();
	await context.close();
});
