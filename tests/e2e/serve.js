// Starts the built app for the end-to-end tests on a known database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const port = process.env.E2E_PORT ?? '4173';
if (process.env.DATABASE_URL) {
	// The CI database is the test's own: empty it so every run starts from the same state.
	const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await client.connect();
	await client.query('drop schema if exists public cascade; create schema public;');
	await client.end();
} else {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bina-e2e-'));
	process.env.DATA_DIR = dir;
	process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
process.env.PORT = port;
process.env.HOST = '127.0.0.1';
process.env.ORIGIN = `http://localhost:${port}`;
process.env.DEMO_DATA = '1';
process.env.BODY_SIZE_LIMIT ??= '10M';
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(0));
await import(new URL('../../build/index.js', import.meta.url).href);
