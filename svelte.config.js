import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { binaDialect } from './src/lib/content/dialect.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	// Course modules: our dialect first (callouts, practice questions, glossary terms), then mdsvex.
	preprocess: [vitePreprocess(), binaDialect({ contentDir: 'content' }), mdsvex({ extensions: ['.md'], highlight: false, smartypants: { dashes: 'oldschool' } })],
	compilerOptions: {
		// Runes for our own components; Markdown compiled by mdsvex stays in legacy mode
		// because mdsvex relies on $$props.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : !filename.endsWith('.md'))
	},
	kit: {
		adapter: adapter({ precompress: true }),
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
