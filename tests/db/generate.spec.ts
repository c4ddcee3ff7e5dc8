// The scale generator at a small size (the 25,000-person run is for `npm run bench`, not tests):
// a realistic tree, valid NIPs, certificates of every state, and data the reports can read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-db';
import { generateCity, type GenerateResult } from '../../src/lib/server/demo/generate';
import { parseNip } from '../../src/lib/server/org/nip';
import { certificateState } from '../../src/lib/server/certification/certification.service';
import * as sup from '../../src/lib/server/supervision/supervision.service';

let t: TestDatabase;
let result: GenerateResult;
const NOW = new Date('2026-06-15T03:00:00Z');

beforeAll(async () => {
	t = await createTestDatabase();
	result = await generateCity(t.db, { people: 500, now: NOW });
}, 120_000);

afterAll(async () => {
	await t?.dispose();
});

describe('demo:generate --people 500', () => {
	it('fills the Medan unit tree with valid people and 30 courses', async () => {
		expect(result.people).toBeGreaterThanOrEqual(495);
		expect(result.people).toBeLessThanOrEqual(500);
		expect(result.courses).toBe(30);
		const kecamatan = await t.db.selectFrom('org_unit').select('name').where('kind', '=', 'kecamatan').execute();
		expect(kecamatan).toHaveLength(21);
		const nips = await t.db.selectFrom('person').select('nip').execute();
		const invalid = nips.filter((p) => !parseNip(p.nip!, NOW).ok);
		expect(invalid).toEqual([]);
		const orphans = await t.db.selectFrom('person').select('id').where('unit_id', 'is', null).execute();
		expect(orphans).toEqual([]);
	});

	it('writes progress, attempts, and certificates in every state', async () => {
		expect(result.moduleProgress).toBeGreaterThan(result.enrolments);
		expect(result.attempts).toBeGreaterThan(0);
		const certs = await t.db.selectFrom('certificate').select(['expires_at', 'revoked_at', 'code']).execute();
		const states = new Set(certs.map((c) => certificateState(c, NOW, 90)));
		expect([...states].sort()).toEqual(['expired', 'expiring', 'revoked', 'valid']);
		expect(certs.every((c) => /^BINA(-[A-Z2-7]{4}){4}$/.test(c.code))).toBe(true);
	});

	it('gives the reports figures that add up, and refuses to run twice on the same data', async () => {
		const admin = await t.db.selectFrom('person').select('id').limit(1).executeTakeFirstOrThrow();
		const report = await sup.organisationReport(t.db, { id: admin.id, roles: ['admin'], unitId: null }, NOW);
		const root = report.units.find((u) => u.parentId === null)!;
		expect(root.people).toBe(result.people);
		expect(root.certified).toBeGreaterThan(0);
		expect(root.jpMet).toBeGreaterThan(0);
		expect(root.plansApproved).toBeGreaterThan(0);
		await expect(generateCity(t.db, { people: 500, now: NOW })).rejects.toThrow(/already holds generated people/);
	});
});
