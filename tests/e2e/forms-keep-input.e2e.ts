// A form the server refuses comes back with everything that was typed, also without JavaScript:
// text areas included (Svelte's server rendering drops a textarea's defaultValue, so the text is
// rendered as its content as well).
import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test('a refused survey keeps the typed suggestion, the chosen ratings and the service', async ({ page }) => {
	await page.goto('/survey/DISDUKCAPIL');
	const suggestion = 'Antrean di loket 3 terlalu lama pada hari Senin; mohon tambah petugas pagi.';
	// "Another service" chosen but not named: the server refuses the form.
	await page.getByLabel('Jenis layanan yang digunakan').selectOption('lainnya');
	for (const group of await page.locator('fieldset').all()) {
		const radios = group.locator('input[type=radio]');
		if (await radios.count()) await radios.nth(3).check();
	}
	await page.locator('textarea[name=comment]').fill(suggestion);
	await page.getByRole('button', { name: 'Kirim penilaian' }).click();
	await expect(page.locator('.error, [role=alert]').first()).toBeVisible();
	await expect(page.locator('textarea[name=comment]')).toHaveValue(suggestion);
	await expect(page.getByLabel('Jenis layanan yang digunakan')).toHaveValue('lainnya');
	const checked = await page.locator('input[type=radio]:checked').count();
	expect(checked).toBe(9);
});
