// Supervisors following their team: assign a course to a unit, the member sees and completes it,
// the overview and its export show it; expiring certificates in the right window; nothing outside
// the supervisor's unit. Uses atasan@ (Camat Medan Baru) with Kelurahan Titi Rantai and Babura,
// which no other journey uses.
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import AxeBuilder from '@axe-core/playwright';
import { ACCOUNTS, completeAllModules, signInAndWait } from './helpers';
import { generateDemoPeople } from '../../src/lib/server/demo/medan';

const demo = generateDemoPeople();
const staffOf = (unit: string) => demo.filter((p) => p.unitCode === unit && !/@bina\.medan\.go\.id$/.test(p.email));

/** YYYY-MM-DD in WIB, `days` from today. */
function wibDate(days: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() + days * 86_400_000));
}

async function assignToUnit(page: Page, course: string, unit: string, due: string) {
	await page.goto('/supervisor/assign');
	await page.getByLabel('Kursus').selectOption({ label: course });
	await page.getByLabel('Tenggat').fill(due);
	await page.getByLabel('Satu unit beserta unit di bawahnya').check();
	await page.getByLabel('Unit', { exact: true }).selectOption({ label: unit });
	await page.getByRole('button', { name: 'Tugaskan' }).click();
}

test('a supervisor assigns a course to a unit; a member sees it, completes it; the overview and the export show it', async ({ browser }) => {
	test.setTimeout(240_000);
	const member = staffOf('KEL-TITI-RANTAI')[2];
	const due = wibDate(14);
	const boss = await (await browser.newContext()).newPage();
	await signInAndWait(boss, ACCOUNTS.supervisor);
	await assignToUnit(boss, 'E-Government dan SPBE', 'Kelurahan Titi Rantai', due);
	await expect(boss.getByRole('status')).toContainText(/"E-Government dan SPBE" ditugaskan kepada 6 pegawai: 6 didaftarkan baru/);
	// The same assignment again (a double submit) changes nothing.
	await assignToUnit(boss, 'E-Government dan SPBE', 'Kelurahan Titi Rantai', due);
	await expect(boss.getByRole('status')).toContainText('0 didaftarkan baru, 0 mendapat tenggat baru');

	const learner = await (await browser.newContext()).newPage();
	await signInAndWait(learner, member.email);
	const card = learner.locator('.my-courses li').filter({ hasText: 'E-Government dan SPBE' });
	await expect(card.locator('.badge.assigned')).toHaveText('Ditugaskan');
	await expect(card).toContainText(/tenggat/i);
	await expect(card.locator('.badge.overdue')).toHaveCount(0);
	await learner.goto('/notifications');
	await expect(learner.getByText(/Anda ditugaskan mengikuti kursus "E-Government dan SPBE"/)).toBeVisible();
	await completeAllModules(learner, 'e-government-spbe');
	await learner.goto('/');
	await expect(learner.locator('.my-courses li').filter({ hasText: 'E-Government dan SPBE' })).toContainText('Selesai');

	// The overview: the member's JP this year now counts the course (12 JP), no overdue work.
	await boss.goto(`/supervisor?unit=KEL-TITI-RANTAI&q=${encodeURIComponent(member.name.split(',')[0])}`);
	const row = boss.getByTestId('team-overview').getByRole('row').filter({ hasText: member.name.split(',')[0] });
	await expect(row).toContainText('12 dari 20');
	// The export of the same selection says the same.
	const href = await boss.getByRole('link', { name: 'Ikhtisar tim (CSV)' }).getAttribute('href');
	const res = await boss.request.get(href!);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-disposition']).toMatch(/filename="ikhtisar-tim-kel-titi-rantai-\d{4}-\d{2}-\d{2}\.csv"/);
	const csv = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, '').trim()).data;
	expect(csv).toHaveLength(2);
	expect(csv[1][0]).toBe(member.nip);
	expect(csv[1].slice(4, 6)).toEqual(['12', '20']);
});

test('an expiring certificate appears in the right window, and the certificate list says how long is left', async ({ page }) => {
	const babura = staffOf('KEL-BABURA');
	const in20 = babura[1].name.split(',')[0];
	const in50 = babura[2].name.split(',')[0];
	const in75 = babura[3].name.split(',')[0];
	await signInAndWait(page, ACCOUNTS.supervisor);
	const names = async (query: string) => {
		await page.goto(`/supervisor?unit=KEL-BABURA&${query}`);
		return (await page.getByTestId('team-overview').locator('tbody th a:first-child').allTextContents()).map((n) => n.split(',')[0]);
	};
	expect(await names('cert=within30')).toEqual([in20]);
	expect((await names('cert=within60')).sort()).toEqual([in20, in50].sort());
	expect((await names('cert=within90')).sort()).toEqual([in20, in50, in75].sort());
	expect(await names('cert=expired')).toEqual([babura[4].name.split(',')[0]]);
	// The chart and its table show the same counts for the kelurahan.
	await page.goto('/supervisor?unit=KEL-BABURA');
	await expect(page.getByRole('img', { name: /Berakhir ≤ 30 hari: 1, Berakhir 31–60 hari: 1, Berakhir 61–90 hari: 1, Kedaluwarsa: 1/ })).toBeVisible();
	await page.goto('/supervisor/certificates?unit=KEL-BABURA');
	await expect(page.getByRole('row').filter({ hasText: in20 })).toContainText(/(19|20) hari lagi/);
	// The table is named by its caption; the export links carry the unit, encoded.
	await expect(page.getByRole('table', { name: 'Sertifikat tim' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Daftar sertifikat (CSV)' })).toHaveAttribute('href', '/supervisor/export/daftar-sertifikat.csv?unit=KEL-BABURA');
});

test('a supervisor gets 403 for another unit: its overview, its export, an assignment to it or to its people', async ({ page }) => {
	await signInAndWait(page, ACCOUNTS.supervisor);
	expect((await page.request.get('/supervisor?unit=DISDUKCAPIL')).status()).toBe(403);
	expect((await page.request.get('/supervisor/export/ikhtisar-tim.csv?unit=DISDUKCAPIL')).status()).toBe(403);
	expect((await page.request.get('/supervisor/export/daftar-sertifikat.xlsx?unit=DISDUKCAPIL')).status()).toBe(403);
	expect((await page.request.get('/supervisor/certificates?unit=DISDUKCAPIL')).status()).toBe(403);
	const form = { courseId: 'pelayanan-publik-prima', dueOn: wibDate(30), target: 'unit', unitCode: 'DISDUKCAPIL', people: '' };
	const headers = { origin: new URL(page.url()).origin, accept: 'text/html' };
	expect((await page.request.post('/supervisor/assign', { form, headers, maxRedirects: 0 })).status()).toBe(403);
	const kadisNip = '197102101996011001';
	expect((await page.request.post('/supervisor/assign', { form: { ...form, target: 'people', unitCode: '', people: kadisNip }, headers, maxRedirects: 0 })).status()).toBe(403);
	const disdukcapilStaff = staffOf('DISDUKCAPIL')[0];
	expect((await page.request.post('/supervisor/assign', { form: { ...form, target: 'people', unitCode: '', people: disdukcapilStaff.email }, headers, maxRedirects: 0 })).status()).toBe(403);
	// The person page of someone outside the unit (the competency profile, when present) is refused too.
	const res = await page.request.get('/supervisor/people/5');
	expect([403, 404]).toContain(res.status());
	// Nothing was assigned: the Disdukcapil staff member named has no such course on the home page.
	// (Not kadis@: the sign-in journey changes his password meanwhile.)
	const staff = await (await page.context().browser()!.newContext()).newPage();
	await signInAndWait(staff, disdukcapilStaff.email);
	await expect(staff.getByRole('heading', { name: 'Kursus saya' })).toBeVisible();
	await expect(staff.locator('.my-courses li').filter({ hasText: 'Pelayanan Publik Prima' })).toHaveCount(0);
});

test('the supervision and report pages have no serious accessibility violations and fit a phone', async ({ browser }) => {
	const check = async (page: Page, path: string) => {
		await page.goto(path);
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious.map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
	};
	const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const boss = await phone.newPage();
	await signInAndWait(boss, ACCOUNTS.supervisor);
	for (const path of ['/supervisor', '/supervisor?unit=KEL-BABURA&cert=within90', '/supervisor/assign', '/supervisor/certificates', '/notifications']) await check(boss, path);
	await phone.close();
	const desk = await browser.newContext();
	const admin = await desk.newPage();
	await signInAndWait(admin, ACCOUNTS.admin);
	for (const path of ['/admin/reports', '/admin/reports?unit=KEC-MEDAN-BARU', '/admin/reports/courses', '/admin/assignments', '/notifications']) await check(admin, path);
	await desk.close();
});
