// npm run bench: throughput and latency of a signed-in learner opening a module page, against the
// production build on PostgreSQL, at 1, 10 and 50 connections; and the gzipped JavaScript and CSS
// that page loads in Chromium. Then (unless BENCH_SCALE=0) it fills the database with a city of
// BENCH_PEOPLE (default 25,000) people through `demo:generate` and measures the supervisor overview
// of Dinas Pendidikan (about 2,000 people) and the BKPSDM roll-up of the whole city, with the query
// plans (EXPLAIN ANALYZE) and the indexes they use. Needs `npm run build` and a PostgreSQL server (BENCH_DATABASE_URL,
// default postgres://postgres@127.0.0.1:5432/postgres, on which a bina_bench database is created).
import { spawn, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { chromium } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 4300);
const BASE = `http://localhost:${PORT}`;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const COURSE = 'pelayanan-publik-prima';
// The benchmark's own database (dropped and created again on each run).
const BENCH_DB = process.env.BENCH_DB ?? 'bina_bench';

if (!existsSync('build/index.js')) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}

async function freshDatabase() {
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
	await admin.query(`create database ${BENCH_DB}`);
	await admin.end();
	const url = new URL(ADMIN_URL);
	url.pathname = `/${BENCH_DB}`;
	return url.toString();
}

async function waitFor(url, ms = 60_000) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`server did not answer at ${url}`);
}

const databaseUrl = await freshDatabase();
const WORKERS = process.env.WEB_CONCURRENCY ?? '2';
console.log(`Server: production build, PostgreSQL, ${WORKERS} process(es) (WEB_CONCURRENCY)`);
// The same V8 setting as npm start: a larger young generation, fewer scavenges under load.
const server = spawn(process.execPath, ['--max-semi-space-size=64', 'scripts/start.js'], {
	env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_DATA: '1', PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: BASE, WEB_CONCURRENCY: WORKERS },
	stdio: ['ignore', 'inherit', 'inherit']
});
const stop = () => server.kill('SIGINT');
process.on('exit', stop);

try {
	await waitFor(`${BASE}/health`);
	const login = await fetch(`${BASE}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: BASE, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ login: 'pegawai@bina.medan.go.id', password: 'bina-asn-2026', next: '/' })
	});
	const cookie = login.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error('sign-in failed');
	const enrol = await fetch(`${BASE}/courses/${COURSE}?/enrol`, { method: 'POST', redirect: 'manual', headers: { origin: BASE, cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
	const modulePath = enrol.headers.get('location');
	if (!modulePath) throw new Error('enrolment failed');
	console.log(`\nModule page: ${modulePath} (signed in as the demo learner)\n`);

	const results = [];
	for (const connections of [1, 10, 50]) {
		const r = await autocannon({ url: BASE + modulePath, connections, duration: DURATION, headers: { cookie } });
		if (r.non2xx) throw new Error(`${r.non2xx} non-2xx answers at ${connections} connections`);
		results.push({ connections, 'requests/s': Math.round(r.requests.average), 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99, errors: r.errors });
	}
	console.table(results);

	// The floor at 50 connections: the cheapest signed-in request (session check and `select 1`,
	// no page). What remains of its p99 is queueing for the two cores, not the module page.
	const floor = await autocannon({ url: `${BASE}/health`, connections: 50, duration: DURATION, headers: { cookie } });
	console.log(
		`Floor, /health signed in at 50 connections: ${Math.round(floor.requests.average)} requests/s, p50 ${floor.latency.p50} ms, p99 ${floor.latency.p99} ms`
	);

	const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
	const context = await browser.newContext();
	await context.addCookies([{ name: cookie.split('=')[0], value: cookie.split('=')[1], url: BASE }]);
	const page = await context.newPage();
	const assets = { js: 0, css: 0, files: 0 };
	page.on('response', async (res) => {
		const type = res.request().resourceType();
		if (type !== 'script' && type !== 'stylesheet') return;
		const body = await res.body().catch(() => null);
		if (!body) return;
		assets[type === 'script' ? 'js' : 'css'] += gzipSync(body).length;
		assets.files++;
	});
	await page.goto(BASE + modulePath, { waitUntil: 'networkidle' });
	await browser.close();
	console.log(`Module page assets (gzipped): JavaScript ${(assets.js / 1024).toFixed(1)} KB, CSS ${(assets.css / 1024).toFixed(1)} KB, ${assets.files} files`);

	if (process.env.BENCH_SCALE !== '0') await benchScale(databaseUrl);
} finally {
	stop();
}
process.exit(0);

async function signInAs(login) {
	const res = await fetch(`${BASE}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: BASE, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ login, password: 'bina-asn-2026', next: '/' })
	});
	const cookie = res.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error(`sign-in failed for ${login}`);
	return cookie;
}

/** The supervisor overview (~2,000 people) and the BKPSDM roll-up (everyone), on a generated city. */
async function benchScale(databaseUrl) {
	const people = process.env.BENCH_PEOPLE ?? '25000';
	console.log(`\nGenerating a city of ${people} people (npm run cli -- demo:generate --people ${people})…`);
	const started = Date.now();
	const gen = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'demo:generate', '--people', people], {
		env: { ...process.env, DATABASE_URL: databaseUrl },
		stdio: 'inherit'
	});
	if (gen.status !== 0) throw new Error('demo:generate failed');
	console.log(`Generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	const supervisor = await signInAs('kepala.disdik@asn.pemkomedan.go.id');
	const admin = await signInAs('admin@bina.medan.go.id');
	const targets = [
		{ name: 'Supervisor overview, Dinas Pendidikan (/supervisor)', path: '/supervisor', cookie: supervisor },
		{ name: 'Supervisor overview, sorted by expiry, filtered (JP below target)', path: '/supervisor?sort=expiring&jp=behind', cookie: supervisor },
		{ name: 'BKPSDM roll-up, whole city (/admin/reports)', path: '/admin/reports', cookie: admin }
	];
	const results = [];
	for (const t of targets) {
		for (const connections of [1, 10]) {
			const r = await autocannon({ url: BASE + t.path, connections, duration: DURATION, headers: { cookie: t.cookie } });
			if (r.non2xx) throw new Error(`${r.non2xx} non-2xx answers for ${t.path}`);
			results.push({ page: t.name, connections, 'requests/s': Math.round(r.requests.average), 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99 });
		}
	}
	console.table(results);
	console.log('\nQuery plans (EXPLAIN ANALYZE):');
	spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/explain-supervision.ts', 'DISDIK'], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'inherit' });
}
