import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, signIn, signInAndWait } from './helpers';

test.describe('signing in and out', () => {
	test('each role lands on a home page with the navigation for what it may do', async ({ page }) => {
		const expectations: Array<{ login: string; nav: string[]; absent: string[] }> = [
			{ login: ACCOUNTS.learner, nav: ['Beranda'], absent: ['Pelatih', 'Atasan', 'Admin BKPSDM'] },
			{ login: ACCOUNTS.trainer, nav: ['Beranda', 'Pelatih'], absent: ['Atasan', 'Admin BKPSDM'] },
			{ login: ACCOUNTS.supervisor, nav: ['Beranda', 'Atasan'], absent: ['Pelatih', 'Admin BKPSDM'] },
			{ login: ACCOUNTS.admin, nav: ['Beranda', 'Admin BKPSDM'], absent: ['Pelatih', 'Atasan'] }
		];
		for (const { login, nav, absent } of expectations) {
			await signInAndWait(page, login);
			await expect(page).toHaveURL(/\/$/);
			await expect(page.getByRole('heading', { level: 1 })).toContainText('Selamat datang');
			const mainNav = page.getByRole('navigation', { name: 'Navigasi utama' });
			for (const label of nav) await expect(mainNav.getByRole('link', { name: label, exact: true })).toBeVisible();
			for (const label of absent) await expect(mainNav.getByRole('link', { name: label, exact: true })).toHaveCount(0);
			await page.getByRole('button', { name: 'Keluar' }).click();
			await expect(page).toHaveURL(/\/login$/);
		}
	});

	test('sign in with a NIP written with spaces', async ({ page }) => {
		// The supervisor's NIP, as printed on their account page.
		await signInAndWait(page, ACCOUNTS.supervisor);
		await page.goto('/account');
		const nip = (await page.locator('.nip').first().textContent())!.trim();
		await page.getByRole('button', { name: 'Keluar' }).click();
		await signIn(page, nip);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Selamat datang');
	});

	test('a wrong password says so without saying which part was wrong, and keeps the login typed', async ({ page }) => {
		await signIn(page, ACCOUNTS.trainer, 'salah-sandi-123');
		await expect(page.getByRole('alert')).toHaveText('NIP/e-mail atau kata sandi salah.');
		await expect(page.getByLabel('NIP atau e-mail')).toHaveValue(ACCOUNTS.trainer);
		await signIn(page, 'tidak.terdaftar@pemkomedan.go.id', 'salah-sandi-123');
		await expect(page.getByRole('alert')).toHaveText('NIP/e-mail atau kata sandi salah.');
	});

	test('repeated failures slow the account down with a message saying when to try again', async ({ page }) => {
		const login = 'coba.tebak@pemkomedan.go.id';
		for (let i = 0; i < 4; i++) {
			await signIn(page, login, `tebakan-${i}`);
			await expect(page.getByRole('alert')).toHaveText('NIP/e-mail atau kata sandi salah.');
		}
		await signIn(page, login, 'tebakan-5');
		await expect(page.getByRole('alert')).toContainText('Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 1 menit');
		await expect(page.getByRole('alert')).toContainText('WIB');
	});

	test('a signed-out visitor is sent to sign in and then back to the page they asked for', async ({ page }) => {
		await page.goto('/admin/people?q=Lubis');
		await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fpeople%3Fq%3DLubis$/);
		await page.getByLabel('NIP atau e-mail').fill(ACCOUNTS.admin);
		await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Masuk' }).click();
		await expect(page).toHaveURL(/\/admin\/people\?q=Lubis$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Pegawai' })).toBeVisible();
		await expect(page.getByLabel('Nama atau NIP')).toHaveValue('Lubis');
	});

	test('a learner who opens an admin or supervisor page gets a clear "not allowed" page', async ({ page }) => {
		await signInAndWait(page, ACCOUNTS.learner);
		for (const path of ['/admin', '/admin/people', '/supervisor', '/trainer']) {
			const response = await page.goto(path);
			expect(response?.status()).toBe(403);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tidak diizinkan');
			await expect(page.getByText('Anda tidak berhak membuka halaman ini.')).toBeVisible();
			await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
		}
	});

	test('the session cookie is HttpOnly, SameSite=Lax and Secure', async ({ page, context }) => {
		await signInAndWait(page, ACCOUNTS.learner);
		const cookie = (await context.cookies()).find((c) => c.name === 'bina_session');
		expect(cookie).toBeDefined();
		expect(cookie!.httpOnly).toBe(true);
		expect(cookie!.secure).toBe(true);
		expect(cookie!.sameSite).toBe('Lax');
		// 30 days, give or take a minute.
		const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(29.9);
		expect(days).toBeLessThan(30.1);
	});

	test('changing the password: the old one stops working, the new one works', async ({ page }) => {
		await signInAndWait(page, ACCOUNTS.kadis);
		await page.goto('/account');
		await page.getByLabel('Kata sandi sekarang').fill(DEMO_PASSWORD);
		await page.getByLabel('Kata sandi baru', { exact: true }).fill('12345678');
		await page.getByLabel('Ulangi kata sandi baru').fill('12345678');
		await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
		await expect(page.getByRole('alert')).toHaveText('Kata sandi terlalu mudah ditebak.');
		await page.getByLabel('Kata sandi sekarang').fill(DEMO_PASSWORD);
		await page.getByLabel('Kata sandi baru', { exact: true }).fill('layanan prima kota medan');
		await page.getByLabel('Ulangi kata sandi baru').fill('layanan prima kota medan');
		await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
		await expect(page.getByRole('status')).toContainText('Kata sandi diganti');
		await page.getByRole('button', { name: 'Keluar' }).click();
		await signIn(page, ACCOUNTS.kadis, DEMO_PASSWORD);
		await expect(page.getByRole('alert')).toHaveText('NIP/e-mail atau kata sandi salah.');
		await signIn(page, ACCOUNTS.kadis, 'layanan prima kota medan');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Selamat datang');
	});
});
