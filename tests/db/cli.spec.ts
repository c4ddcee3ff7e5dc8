import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/connect';
import { embeddedDataDir } from '../../src/lib/server/db';

// The operator CLI on the embedded database: one process at a time on the data folder.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bina-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function cli(args: string[], password = 'sandi operator kota medan') {
	const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, BINA_PASSWORD: password };
	delete env.DATABASE_URL;
	return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', ...args], { env, encoding: 'utf8', timeout: 120_000 });
}

async function admins(): Promise<string[]> {
	const handle = await openDatabase({ dataDir: embeddedDataDir(dataDir) });
	try {
		const rows = await handle.db
			.selectFrom('person as p')
			.innerJoin('person_role as r', 'r.person_id', 'p.id')
			.select('p.email')
			.where('r.role', '=', 'admin')
			.execute();
		return rows.map((r) => r.email!);
	} finally {
		await handle.close();
	}
}

describe('npm run cli on the embedded database', () => {
	it('db:migrate and user:add create the first admin without demo data', async () => {
		expect(cli(['db:migrate']).status).toBe(0);
		const add = cli(['user:add', '--login', 'Admin@BKPSDM.pemkomedan.go.id', '--name', 'Rudi Hartono Siregar', '--role', 'admin']);
		expect(add.stderr).toBe('');
		expect(add.status).toBe(0);
		expect(await admins()).toEqual(['admin@bkpsdm.pemkomedan.go.id']);
	});

	it('refuses a weak password and an unknown role with a clear message, changing nothing', async () => {
		const weak = cli(['user:add', '--login', 'lain@pemkomedan.go.id', '--name', 'Lain', '--role', 'admin'], '123');
		expect(weak.status).toBe(1);
		expect(weak.stderr).toMatch(/kata sandi ditolak/);
		const role = cli(['user:add', '--login', 'lain@pemkomedan.go.id', '--name', 'Lain', '--role', 'superuser']);
		expect(role.status).toBe(1);
		expect(role.stderr).toMatch(/peran tidak dikenal: superuser/);
		expect(await admins()).toEqual(['admin@bkpsdm.pemkomedan.go.id']);
	});

	it('says so clearly and changes nothing while another process holds the data folder', async () => {
		const server = await openDatabase({ dataDir: embeddedDataDir(dataDir) });
		try {
			const busy = cli(['user:add', '--login', 'kedua@pemkomedan.go.id', '--name', 'Admin Kedua', '--role', 'admin']);
			expect(busy.status).toBe(3);
			expect(busy.stderr).toMatch(/sedang dipakai proses lain/);
			expect(busy.stderr).toMatch(/Tidak ada yang diubah/);
		} finally {
			await server.close();
		}
		expect(await admins()).toEqual(['admin@bkpsdm.pemkomedan.go.id']);
	});
});
