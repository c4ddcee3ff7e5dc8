import { readFileSync } from 'node:fs';
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

/**
 * The messages of the root layout and the error page (header, navigation, footer) are on every
 * page. Left to automatic chunking, each one that another page also uses became its own chunk of
 * about 140 bytes, a dozen requests on every page; this keeps them in one chunk.
 */
function shellMessages(): Set<string> {
	const keys = new Set<string>();
	for (const file of ['src/routes/+layout.svelte', 'src/routes/+error.svelte']) {
		for (const match of readFileSync(file, 'utf8').matchAll(/\bm\.([A-Za-z0-9_]+)\(/g)) keys.add(match[1]);
	}
	return keys;
}
const shell = shellMessages();
const messageKey = (id: string) => /[\\/]paraglide[\\/]messages[\\/]([A-Za-z0-9_]+)\.js$/.exec(id)?.[1];

export default defineConfig({
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [{ name: 'shell-messages', test: (id) => shell.has(messageKey(id) ?? '') }]
				}
			}
		}
	},
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
