// npm start: the production server. Builds first when there is no build yet, so a fresh
// clone needs only `npm install && npm start`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('build/index.js')) {
	console.log('[bina] no build yet: building (about a minute) …');
	const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// SvelteKit compares a form's Origin with the server's own address to stop cross-site posts.
// Behind a proxy set ORIGIN (https://bina.example.go.id) or PROTOCOL_HEADER/HOST_HEADER.
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://localhost:${process.env.PORT}`;
	console.log(`[bina] ORIGIN not set: serving as ${process.env.ORIGIN}`);
}
// Body size limit for uploads (CSV imports, documents).
process.env.BODY_SIZE_LIMIT ??= '10M';
await import(new URL('../build/index.js', import.meta.url).href);
