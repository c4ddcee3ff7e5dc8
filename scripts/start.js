// npm start: the production server. Builds first when there is no build yet, so a fresh
// clone needs only `npm install && npm start`. With PostgreSQL, WEB_CONCURRENCY > 1 runs that
// many server processes on the one port (node:cluster), to use every core.
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const workers = Number(process.env.WEB_CONCURRENCY ?? 1);

if (cluster.isPrimary) {
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
}

if (workers > 1 && cluster.isPrimary) {
	if (!process.env.DATABASE_URL) {
		console.error('[bina] WEB_CONCURRENCY > 1 needs PostgreSQL (DATABASE_URL): the embedded database serves one process.');
		process.exit(1);
	}
	// The first worker migrates and syncs the catalogue; the others start once it listens.
	const first = cluster.fork();
	first.once('listening', () => {
		for (let i = 1; i < workers; i++) cluster.fork();
	});
	cluster.on('exit', (worker, code) => {
		if (code !== 0) console.error(`[bina] worker ${worker.process.pid} exited with ${code}`);
	});
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, () => {
			for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
			// Workers finish their requests and close; do not wait for ever on idle keep-alives.
			setTimeout(() => process.exit(0), 10_000).unref();
			cluster.on('exit', () => {
				if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			});
		});
	}
} else {
	await import(new URL('../build/index.js', import.meta.url).href);
}
