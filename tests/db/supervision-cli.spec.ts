// `npm run cli -- jobs:run-reminders` for operators who use system cron instead of the queue.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/connect';
import { embeddedDataDir } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { addPerson, addUnit } from './fixtures';
import { nipMaker } from './helper-people';
import { addCourse, enrolIn } from './supervision-fixtures';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bina-sup-cli-'));
const nextNip = nipMaker('19930417');
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function cli(args: string[]) {
	const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
	delete env.DATABASE_URL;
	delete env.SMTP_URL;
	return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', ...args], { env, encoding: 'utf8', timeout: 120_000 });
}

beforeAll(async () => {
	const h = await openDatabase({ dataDir: embeddedDataDir(dataDir) });
	try {
		await migrateToLatest(h);
		const unit = await addUnit(h.db, 'KEL-CLI', null, 'kelurahan');
		const p = await addPerson(h.db, { unitId: unit, nip: nextNip() });
		const course = await addCourse(h.db, 'Penulisan Naskah Dinas');
		const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() + 86_400_000));
		await enrolIn(h.db, p.id, course, { dueAt: tomorrow });
	} finally {
		await h.close();
	}
}, 60_000);

describe('npm run cli -- jobs:run-reminders', () => {
	it('writes the due reminder once, however often it runs, and says e-mail is off without SMTP', () => {
		const first = cli(['jobs:run-reminders']);
		expect(first.stderr).toBe('');
		expect(first.status).toBe(0);
		expect(first.stdout).toContain('1 due soon');
		expect(first.stdout).toContain('E-mail: off (SMTP_URL not set)');
		const second = cli(['jobs:run-reminders']);
		expect(second.status).toBe(0);
		expect(second.stdout).toContain('0 due soon');
	});
});
