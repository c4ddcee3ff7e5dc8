import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'id-ID',
		timezoneId: 'Asia/Jakarta',
		trace: 'retain-on-failure',
		launchOptions: {
			// Debian's Chromium: browser downloads do not work on these machines.
			executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: [
		{ name: 'journeys', testIgnore: /learner-plan\.e2e\.ts/ },
		// pegawai@'s plan journey completes a course, which changes her JP total that the course
		// journey checks to the unit: it runs after the other journeys on the shared demo database.
		{ name: 'plan', testMatch: /learner-plan\.e2e\.ts/, dependencies: ['journeys'] }
	],
	webServer: {
		// Starts the production build on a known database: a fresh PGlite folder, or the
		// PostgreSQL database of DATABASE_URL emptied first; then the Medan demo data.
		command: 'node tests/e2e/serve.js',
		url: `http://localhost:${PORT}/health`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe',
		env: { E2E_PORT: String(PORT) }
	}
});
