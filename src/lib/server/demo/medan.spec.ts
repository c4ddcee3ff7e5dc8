import { describe, it, expect } from 'vitest';
import { parseNip } from '../org/nip';
import { demoAccounts, demoPositions, demoUnits, generateDemoPeople, type DemoPerson } from './medan';

const TODAY = new Date('2026-11-23');
const CODE_RE = /^[A-Z0-9][A-Z0-9._-]{1,31}$/;

const people = generateDemoPeople();
const unitByCode = new Map(demoUnits.map((u) => [u.code, u]));
const personByNip = new Map(people.map((p) => [p.nip, p]));
const byEmail = (email: string): DemoPerson => {
	const person = people.find((p) => p.email === email);
	if (!person) throw new Error(`no person with e-mail ${email}`);
	return person;
};

/** The head of a unit: the one person there whose supervisor is outside the unit (or nobody). */
function headOf(unitCode: string): DemoPerson {
	const heads = people.filter((p) => p.unitCode === unitCode && (p.supervisorNip === null || personByNip.get(p.supervisorNip)?.unitCode !== unitCode));
	expect(heads, `heads of ${unitCode}`).toHaveLength(1);
	return heads[0];
}

describe('demo units', () => {
	it('has at least 30 well-formed units with unique codes', () => {
		expect(demoUnits.length).toBeGreaterThanOrEqual(30);
		expect(new Set(demoUnits.map((u) => u.code)).size).toBe(demoUnits.length);
		for (const u of demoUnits) {
			expect(u.code, u.code).toMatch(CODE_RE);
			expect(u.name.trim(), u.code).not.toBe('');
		}
	});

	it('forms one tree without cycles', () => {
		const roots = demoUnits.filter((u) => u.parentCode === null);
		expect(roots.map((u) => u.code)).toEqual(['PEMKOT']);
		for (const u of demoUnits) {
			if (u.parentCode !== null) expect(unitByCode.has(u.parentCode), `parent of ${u.code}`).toBe(true);
			const seen = new Set<string>();
			let current: string | null = u.code;
			while (current !== null) {
				expect(seen.has(current), `cycle through ${u.code}`).toBe(false);
				seen.add(current);
				current = unitByCode.get(current)?.parentCode ?? null;
			}
			expect(seen.has('PEMKOT'), `${u.code} reaches the root`).toBe(true);
		}
	});

	it('covers the kinds and the units the demo relies on', () => {
		const kinds = new Set(demoUnits.map((u) => u.kind));
		for (const kind of ['dinas', 'badan', 'kecamatan', 'kelurahan', 'bagian', 'bidang', 'uptd'] as const) expect(kinds.has(kind), kind).toBe(true);
		for (const code of ['BKPSDM', 'BKPSDM-PKA', 'DISDUKCAPIL', 'DISKOMINFO', 'DINKES', 'DISDIK', 'KEC-MEDAN-BARU']) expect(unitByCode.has(code), code).toBe(true);
		expect(unitByCode.get('BKPSDM-PKA')?.parentCode).toBe('BKPSDM');
		const kecamatan = demoUnits.filter((u) => u.kind === 'kecamatan');
		expect(kecamatan.length).toBeGreaterThanOrEqual(5);
		for (const k of kecamatan) {
			const kel = demoUnits.filter((u) => u.parentCode === k.code && u.kind === 'kelurahan');
			expect(kel.length, k.code).toBeGreaterThanOrEqual(2);
			expect(kel.length, k.code).toBeLessThanOrEqual(4);
		}
		const uptd = demoUnits.filter((u) => u.kind === 'uptd');
		expect(uptd.some((u) => u.parentCode === 'DINKES' && /Puskesmas/.test(u.name))).toBe(true);
	});
});

describe('demo positions', () => {
	it('has at least 15 well-formed positions of every kind', () => {
		expect(demoPositions.length).toBeGreaterThanOrEqual(15);
		expect(new Set(demoPositions.map((p) => p.code)).size).toBe(demoPositions.length);
		for (const p of demoPositions) expect(p.code, p.code).toMatch(CODE_RE);
		const kinds = new Set(demoPositions.map((p) => p.kind));
		expect([...kinds].sort()).toEqual(['fungsional', 'pelaksana', 'struktural']);
	});
});

describe('demo people', () => {
	it('is deterministic', () => {
		expect(generateDemoPeople()).toEqual(people);
	});

	it('has at least 240 people', () => {
		expect(people.length).toBeGreaterThanOrEqual(240);
	});

	it('gives everyone a valid, unique NIP that matches the intended ranges', () => {
		expect(new Set(people.map((p) => p.nip)).size).toBe(people.length);
		for (const p of people) {
			const parsed = parseNip(p.nip, TODAY);
			expect(parsed, `${p.name} ${p.nip}`).toMatchObject({ ok: true, nip: p.nip });
			if (!parsed.ok) continue;
			const by = Number(parsed.parts.birthDate.slice(0, 4));
			const ay = Number(parsed.parts.appointment.slice(0, 4));
			expect(by, p.nip).toBeGreaterThanOrEqual(1966);
			expect(by, p.nip).toBeLessThanOrEqual(2001);
			expect(ay - by, p.nip).toBeGreaterThanOrEqual(18);
			expect(parsed.parts.appointment <= '2025-12', p.nip).toBe(true);
		}
	});

	it('gives women written "Br" the female sex digit', () => {
		for (const p of people.filter((x) => / Br /.test(x.name) || /^Cut /.test(x.name))) expect(p.nip[14], p.name).toBe('2');
		for (const p of people.filter((x) => /^(dr\. |Dr\. )?Teuku /.test(x.name))) expect(p.nip[14], p.name).toBe('1');
	});

	it('gives everyone a unique, lower-case ASCII e-mail', () => {
		expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
		for (const p of people) expect(p.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.go\.id$/);
	});

	it('refers only to units, positions and supervisors that exist', () => {
		const positionCodes = new Set(demoPositions.map((p) => p.code));
		for (const p of people) {
			expect(unitByCode.has(p.unitCode), `${p.name} unit ${p.unitCode}`).toBe(true);
			expect(positionCodes.has(p.positionCode), `${p.name} position ${p.positionCode}`).toBe(true);
			if (p.supervisorNip !== null) expect(personByNip.has(p.supervisorNip), `${p.name} supervisor`).toBe(true);
			expect(p.supervisorNip, p.name).not.toBe(p.nip);
		}
	});

	it('gives every unit one head, who reports to the head of the parent unit', () => {
		const withoutSupervisor = people.filter((p) => p.supervisorNip === null);
		expect(withoutSupervisor).toHaveLength(1);
		expect(withoutSupervisor[0].unitCode).toBe('PEMKOT');
		const structural = new Set(demoPositions.filter((p) => p.kind === 'struktural').map((p) => p.code));
		for (const unit of demoUnits) {
			const head = headOf(unit.code);
			expect(head.roles, unit.code).toContain('supervisor');
			expect(structural.has(head.positionCode), unit.code).toBe(true);
			expect(head.supervisorNip, unit.code).toBe(unit.parentCode === null ? null : headOf(unit.parentCode).nip);
		}
	});

	it('has every other person supervised by the head of their own unit', () => {
		const heads = new Set(demoUnits.map((u) => headOf(u.code).nip));
		for (const p of people) {
			if (heads.has(p.nip)) continue;
			expect(p.supervisorNip, p.name).toBe(headOf(p.unitCode).nip);
			expect(p.roles, p.name).not.toContain('supervisor');
		}
	});

	it('gives everyone the learner role and only known roles', () => {
		for (const p of people) {
			expect(p.roles, p.name).toContain('learner');
			for (const r of p.roles) expect(['learner', 'trainer', 'supervisor', 'admin']).toContain(r);
			expect(new Set(p.roles).size, p.name).toBe(p.roles.length);
		}
	});

	it('has at least 4 trainers (Widyaiswara of BKPSDM-PKA) and 2 admins (BKPSDM)', () => {
		const trainers = people.filter((p) => p.roles.includes('trainer'));
		expect(trainers.length).toBeGreaterThanOrEqual(4);
		for (const t of trainers) {
			expect(t.unitCode, t.name).toBe('BKPSDM-PKA');
			expect(t.positionCode, t.name).toBe('WIDYAISWARA');
		}
		const admins = people.filter((p) => p.roles.includes('admin'));
		expect(admins.length).toBeGreaterThanOrEqual(2);
		for (const a of admins) expect(a.unitCode, a.name).toBe('BKPSDM');
	});
});

describe('fixed demo accounts', () => {
	it('come first, in the order of demoAccounts', () => {
		expect(demoAccounts.map((a) => a.email)).toEqual([
			'admin@bina.medan.go.id',
			'pelatih@bina.medan.go.id',
			'atasan@bina.medan.go.id',
			'pegawai@bina.medan.go.id',
			'kadis@bina.medan.go.id',
			'lurah@bina.medan.go.id'
		]);
		expect(people.slice(0, demoAccounts.length).map((p) => p.email)).toEqual(demoAccounts.map((a) => a.email));
		for (const a of demoAccounts) {
			expect(byEmail(a.email).roles, a.email).toContain(a.role);
			expect(a.description.trim(), a.email).not.toBe('');
		}
	});

	it('have realistic names', () => {
		for (const a of demoAccounts) expect(byEmail(a.email).name, a.email).not.toMatch(/admin|pelatih|atasan|pegawai|kadis|lurah|demo/i);
	});

	it('admin: administrator in BKPSDM', () => {
		const admin = byEmail('admin@bina.medan.go.id');
		expect(admin.roles).toEqual(['learner', 'admin']);
		expect(admin.unitCode).toBe('BKPSDM');
	});

	it('pelatih: Widyaiswara and trainer in BKPSDM-PKA', () => {
		const trainer = byEmail('pelatih@bina.medan.go.id');
		expect(trainer.roles).toEqual(['learner', 'trainer']);
		expect(trainer.unitCode).toBe('BKPSDM-PKA');
		expect(trainer.positionCode).toBe('WIDYAISWARA');
	});

	it('atasan: Camat whose kelurahan have staff', () => {
		const camat = byEmail('atasan@bina.medan.go.id');
		expect(camat.roles).toEqual(['learner', 'supervisor']);
		expect(camat.positionCode).toBe('CAMAT');
		expect(unitByCode.get(camat.unitCode)?.kind).toBe('kecamatan');
		expect(headOf(camat.unitCode).nip).toBe(camat.nip);
		const kelurahan = demoUnits.filter((u) => u.parentCode === camat.unitCode);
		expect(kelurahan.length).toBeGreaterThanOrEqual(2);
		for (const kel of kelurahan) {
			expect(headOf(kel.code).supervisorNip).toBe(camat.nip);
			expect(people.filter((p) => p.unitCode === kel.code).length, kel.code).toBeGreaterThan(1);
		}
	});

	it('pegawai: plain learner in a kelurahan of the atasan, supervised by the Lurah', () => {
		const camat = byEmail('atasan@bina.medan.go.id');
		const staff = byEmail('pegawai@bina.medan.go.id');
		expect(staff.roles).toEqual(['learner']);
		const unit = unitByCode.get(staff.unitCode);
		expect(unit?.kind).toBe('kelurahan');
		expect(unit?.parentCode).toBe(camat.unitCode);
		const lurah = headOf(staff.unitCode);
		expect(lurah.positionCode).toBe('LURAH');
		expect(staff.supervisorNip).toBe(lurah.nip);
		expect(lurah.email).toBe('lurah@bina.medan.go.id');
		expect(lurah.roles).toEqual(['learner', 'supervisor']);
	});

	it('kadis: head of Disdukcapil', () => {
		const kadis = byEmail('kadis@bina.medan.go.id');
		expect(kadis.roles).toEqual(['learner', 'supervisor']);
		expect(kadis.unitCode).toBe('DISDUKCAPIL');
		expect(kadis.positionCode).toBe('KADIS');
		expect(headOf('DISDUKCAPIL').nip).toBe(kadis.nip);
	});
});
