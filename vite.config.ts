import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale']
		}),
		sveltekit()
	],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.spec.ts', 'tests/db/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Database tests each open their own PGlite or PostgreSQL database; running files one
		// at a time keeps memory within a 2-core CI machine.
		fileParallelism: false
	}
});
