import AxeBuilder from '@axe-core/playwright';
import { expect, request as newRequest, test, type Page } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, answerExamCorrectly, completeAllModules, gradeEssaysIfPending, poolOf, signInAndWait } from './helpers';

// pegawai@'s direct supervisor (Lurah Padang Bulan).
const LURAH = 'lurah@bina.medan.go.id';
// A course none of pegawai@'s other journeys uses; it develops TEK-SPBE to level 2, which her
// position (Pengelola Layanan Operasional) requires.
const COURSE = 'e-government-spbe';
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

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
