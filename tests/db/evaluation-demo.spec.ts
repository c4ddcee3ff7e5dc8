// The evaluation demo data: reports show something meaningful, and the demo learner is untouched.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { syncCatalog } from '../../src/lib/server/catalog/catalog.sync';
import { setContentIndex } from '../../src/lib/server/catalog/content-index';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { ikmOverview } from '../../src/lib/server/evaluation/survey.service';
import { trainingEffect } from '../../src/lib/server/evaluation/effect.service';
import { behaviourRequests } from '../../src/lib/server/evaluation/evaluation.service';
import { listWorkshopsForLearner } from '../../src/lib/server/evaluation/workshop.service';
import { managedPairs } from '../../src/lib/server/evaluation/mentoring.service';
import { localDate } from '../../src/lib/server/career/local-date';
import type { Actor } from '../../src/lib/server/access';
import { createTestDatabase, type TestDatabase } from './test-db';

let t: TestDatabase;
const actor = async (email: string): Promise<Actor> => {
	const p = await t.db.selectFrom('person').select(['id', 'unit_id']).where('email', '=', email).executeTakeFirstOrThrow();
	const roles = await t.db.selectFrom('person_role').select('role').where('person_id', '=', p.id).execute();
	return { id: p.id, unitId: p.unit_id, roles: roles.map((r) => r.role as Actor['roles'][number]) };
};

beforeAll(async () => {
	const { courses } = loadContent(path.resolve('content'));
	setContentIndex(courses);
	t = await createTestDatabase();
	await syncCatalog(t.db, courses);
	await seedDemo(t.db);
});
afterAll(async () => t.dispose());

describe('evaluation demo data', () => {
	it('gives several units a year of survey answers with an IKM in band B or A', async () => {
		const now = new Date();
		const from = new Date(now.getTime() - 365 * 86_400_000);
		const overview = await ikmOverview(t.db, await actor('admin@bina.medan.go.id'), { from: localDate(from), to: localDate(now) });
		const dukcapil = overview.rows.find((r) => r.code === 'DISDUKCAPIL')!;
		expect(dukcapil.result.respondents).toBeGreaterThan(200);
		expect(['A', 'B']).toContain(dukcapil.result.band);
		expect(overview.rows.length).toBeGreaterThanOrEqual(5);
	});

	it('shows trained staff and complaint figures before and after in the effect report', async () => {
		const effect = await trainingEffect(t.db, await actor('admin@bina.medan.go.id'));
		const dukcapil = effect.rows.find((r) => r.code === 'DISDUKCAPIL')!;
		expect(dukcapil.after.trainedShare!).toBeGreaterThan(dukcapil.before.trainedShare!);
		expect(dukcapil.after.resolutionRate).not.toBeNull();
		expect(dukcapil.before.ikm).not.toBeNull();
	});

	it('has workshops to register for, a mentoring pair the Camat sees, and level-3 requests for him about a course and a session', async () => {
		const camat = await actor('atasan@bina.medan.go.id');
		const learner = await actor('pegawai@bina.medan.go.id');
		const list = await listWorkshopsForLearner(t.db, learner);
		expect(list.some((w) => w.partners.includes('Universitas Sumatera Utara'))).toBe(true);
		expect(await managedPairs(t.db, camat)).toMatchObject({ total: 1, rows: [expect.anything()] });
		const requests = await behaviourRequests(t.db, camat);
		expect(requests.rows.filter((r) => r.kind === 'course').map((r) => r.title)).toEqual(['Pelayanan Publik Prima']);
		const sessions = requests.rows.filter((r) => r.kind === 'workshop');
		expect(sessions.length).toBeGreaterThan(0);
		expect(sessions.every((r) => r.title === 'Workshop Standar Pelayanan dan Maklumat Pelayanan' && r.rating === null)).toBe(true);
	});

	it('leaves the demo learner at zero JP', async () => {
		const learner = await actor('pegawai@bina.medan.go.id');
		expect(await t.db.selectFrom('jp_entry').select('id').where('person_id', '=', learner.id).execute()).toHaveLength(0);
	});
});
