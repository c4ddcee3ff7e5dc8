import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig, type Plugin } from 'vitest/config';
import { loadContent } from './src/lib/content/load';

/** A broken course fails the build with its file, line and a message a trainer understands. */
function checkContent(): Plugin {
	return {
		name: 'bina-content-check',
		buildStart() {
			const { problems } = loadContent('content');
			if (problems.length) {
				this.error(`Course content has ${problems.length} problem(s):\n` + problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`).join('\n'));
			}
		}
	};
}

export default defineConfig({
	plugins: [
		checkContent(),
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
