import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, signInAndWait } from './helpers';

test.describe('language, no-JavaScript use, accessibility, headers', () => {
	test('the English switch changes the interface and is remembered', async ({ page }) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'id');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
		await page.getByLabel('NIP or e-mail').fill(ACCOUNTS.learner);
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
		await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Selamat datang');
	});

	test('signing in and reading pages works without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/login');
		await page.getByLabel('NIP atau e-mail').fill(ACCOUNTS.admin);
		await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Masuk' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Selamat datang');
		await page.goto('/admin/people?q=Lubis');
		await expect(page.getByRole('table')).toContainText('Lubis');
		// A form refused on the server keeps what was typed, without JavaScript too.
		await page.goto('/admin/positions');
		await page.getByLabel('Kode').fill('x');
		await page.getByLabel('Nama').fill('Analis Layanan Digital');
		await page.getByLabel('Jenis').selectOption('fungsional');
		await page.getByRole('button', { name: 'Simpan' }).click();
		await expect(page.getByText('Kode hanya huruf besar, angka, titik atau tanda hubung (2–32 karakter).')).toBeVisible();
		await expect(page.getByLabel('Nama')).toHaveValue('Analis Layanan Digital');
		await context.close();
	});

	test('pages have no serious accessibility violations (axe)', async ({ page }) => {
		const check = async (label: string) => {
			const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(serious.map((v) => `${label}: ${v.id} (${v.nodes.length})`)).toEqual([]);
		};
		await page.goto('/login');
		await check('/login');
		await signInAndWait(page, ACCOUNTS.admin);
		for (const path of ['/', '/account', '/courses', '/courses/manajemen-proyek-pemerintahan', '/admin', '/admin/units', '/admin/people', '/admin/people/new', '/admin/people/import']) {
			await page.goto(path);
			await check(path);
		}
	});

	test('security headers: a content security policy and no framing', async ({ request }) => {
		const res = await request.get('/login');
		const h = res.headers();
		expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(h['content-security-policy']).toContain("default-src 'self'");
		expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
		expect(h['x-frame-options']).toBe('DENY');
		expect(h['x-content-type-options']).toBe('nosniff');
	});

	// Every audience's main pages at 360 px (a cheap phone). Found by looking: a one-column grid
	// that could not shrink below a wide table, a course description without its table styles, a
	// hidden label escaping its scroll box, two date fields side by side, an unbreakable NIP.
	const phonePages: Array<[string, string[]]> = [
		[ACCOUNTS.learner, ['/', '/account', '/courses', '/courses/pelayanan-publik-prima', '/courses/manajemen-proyek-pemerintahan', '/competency', '/competency/training', '/plan', '/certificates', '/workshops', '/mentoring', '/notifications']],
		[ACCOUNTS.supervisor, ['/supervisor', '/supervisor/assign', '/supervisor/certificates', '/supervisor/plans', '/supervisor/evaluations']],
		[ACCOUNTS.trainer, ['/trainer', '/trainer/workshops', '/trainer/workshops/new', '/trainer/evaluations']],
		[ACCOUNTS.admin, ['/admin', '/admin/people', '/admin/units', '/admin/positions', '/admin/certificates', '/admin/competencies', '/admin/reports', '/admin/evaluation']]
	];
	for (const [account, paths] of phonePages) {
		test(`${account}: the pages fit a phone screen without sideways scrolling`, async ({ browser }) => {
			const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
			const page = await context.newPage();
			await signInAndWait(page, account);
			const overflowing: string[] = [];
			for (const path of paths) {
				await page.goto(path);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				if (overflow > 0) overflowing.push(`${path} (+${overflow}px)`);
			}
			expect(overflowing).toEqual([]);
			await context.close();
		});
	}
});
