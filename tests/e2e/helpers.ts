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
