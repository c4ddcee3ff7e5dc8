// BKPSDM's organisation roll-up is read from a snapshot that the queue refreshes: opening the
// report within the snapshot's age shows the figures as they were at `computedAt`; a refresh (the
// job, or an admin's button) or an older snapshot gives the live figures again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-db';
import { addPerson, addUnit } from './fixtures';
import { actorOf, nipMaker } from './helper-people';
import type { Actor } from '../../src/lib/server/access';
import * as sup from '../../src/lib/server/supervision/supervision.service';
import { unitRollup } from '../../src/lib/server/supervision/supervision.repository';
import { SNAPSHOT_MAX_AGE_MS } from '../../src/lib/server/supervision/report-snapshot';
import { supervisionJobs, REPORT_JOB } from '../../src/lib/server/supervision/jobs';

const nextNip = nipMaker('19900305');
const T0 = new Date('2026-06-15T03:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

let t: TestDatabase;
let admin: Actor;
let unitId: number;
const peopleIn = (report: Awaited<ReturnType<typeof sup.organisationReport>>) => report.units.find((u) => u.unitId === unitId)!.people;

beforeAll(async () => {
	t = await createTestDatabase();
	unitId = await addUnit(t.db, 'SNAP-ROOT', null, 'sekretariat');
	admin = actorOf(await addPerson(t.db, { unitId, roles: ['learner', 'admin'], nip: nextNip() }));
	await addPerson(t.db, { unitId, nip: nextNip() });
});

afterAll(async () => {
	await t.dispose();
});

describe('the organisation report snapshot', () => {
	it('shows the figures of its snapshot until it is refreshed or too old, and they equal the live roll-up', async () => {
		const first = await sup.organisationReport(t.db, admin, T0);
		expect(peopleIn(first)).toBe(2);
		expect(first.computedAt).toBe(T0.toISOString());
		const at = await sup.momentOf(t.db, T0);
		expect(first.units).toEqual(await unitRollup(t.db, at));

		await addPerson(t.db, { unitId, nip: nextNip() });
		// Within the snapshot's age: the figures (and their time) are those of the snapshot.
		const cached = await sup.organisationReport(t.db, admin, later(60_000));
		expect(peopleIn(cached)).toBe(2);
		expect(cached.computedAt).toBe(T0.toISOString());
		// An admin's refresh computes now.
		const refreshed = await sup.organisationReport(t.db, admin, later(120_000), { refresh: true });
		expect(peopleIn(refreshed)).toBe(3);
		expect(refreshed.computedAt).toBe(later(120_000).toISOString());

		await addPerson(t.db, { unitId, nip: nextNip() });
		// A snapshot older than the maximum age is recomputed when the report is opened.
		const stale = await sup.organisationReport(t.db, admin, later(120_000 + SNAPSHOT_MAX_AGE_MS));
		expect(peopleIn(stale)).toBe(4);
	});

	it('is refreshed by the scheduled job', async () => {
		await addPerson(t.db, { unitId, nip: nextNip() });
		const job = supervisionJobs(null).find((j) => j.name === REPORT_JOB)!;
		expect(job.schedule).toBeTruthy();
		const when = later(10 * 60_000 + SNAPSHOT_MAX_AGE_MS);
		await job.handler(t.db, {}, when);
		const report = await sup.organisationReport(t.db, admin, later(11 * 60_000 + SNAPSHOT_MAX_AGE_MS));
		expect(report.computedAt).toBe(when.toISOString());
		expect(peopleIn(report)).toBe(5);
	});

	it('is for admins only', async () => {
		const learner = actorOf(await addPerson(t.db, { unitId, nip: nextNip() }));
		await expect(sup.organisationReport(t.db, learner, T0)).rejects.toThrow(/admin/);
	});
});
