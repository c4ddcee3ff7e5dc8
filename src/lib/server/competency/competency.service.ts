// The competency framework (admins), position requirements (admins, also by CSV), a person's
// competency record (the person, their supervisors up the unit tree, admins) and manual evidence.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ForbiddenError, hasRole, requireRole, type Actor } from '../access';
import { recordAudit } from '../audit';
import { jpEntriesForYear } from '../career/jp.repository';
import { jpSettings } from '../learning/home.service';
import { localDate, localYear } from '../career/local-date';
import { addEvidence } from './evidence.repository';
import { deriveLevels } from './levels';
import { personInReach } from './reach';
import * as repo from './competency.repository';
import { COMPETENCY_KINDS, type CompetencyKind } from './competency.repository';

type Db = Kysely<DB>;

export interface FieldProblem {
	field: string;
	code: string;
}

const CODE_RE = /^[A-Z]{2,4}-[A-Z]{2,6}$/;

// ---- framework -----------------------------------------------------------------------------

export async function listFramework(db: Db, actor: Actor | null) {
	requireRole(actor, 'admin');
	const [competencies, levels] = await Promise.all([repo.listCompetencies(db), repo.levelDescriptors(db)]);
	return competencies.map((c) => ({ ...c, levels: levels.filter((l) => l.code === c.code).length }));
}

export async function getCompetency(db: Db, actor: Actor | null, code: string) {
	requireRole(actor, 'admin');
	const c = await repo.findCompetency(db, code);
	if (!c) return null;
	const levels = await repo.levelDescriptors(db, [code]);
	return { ...c, levels: [1, 2, 3, 4, 5].map((n) => levels.find((l) => l.level === n)?.description ?? '') };
}

export interface CompetencyInput {
	code: string;
	name: string;
	kind: string;
	description: string;
	active: boolean;
	levels: string[];
}

/** Creates (code = null) or updates a competency with its five level descriptors. */
export async function saveCompetency(db: Db, actor: Actor | null, input: CompetencyInput, existingCode: string | null) {
	requireRole(actor, 'admin');
	const problems: FieldProblem[] = [];
	const code = existingCode ?? input.code.trim().toUpperCase();
	if (existingCode === null) {
		if (!CODE_RE.test(code)) problems.push({ field: 'code', code: 'career_err_competency_code' });
		else if (await repo.findCompetency(db, code)) problems.push({ field: 'code', code: 'err_code_taken' });
	} else if (!(await repo.findCompetency(db, code))) return { ok: false as const, problems: [{ field: 'code', code: 'err_not_found' }] };
	if (!input.name.trim()) problems.push({ field: 'name', code: 'err_required' });
	if (!(COMPETENCY_KINDS as readonly string[]).includes(input.kind)) problems.push({ field: 'kind', code: 'err_choose' });
	input.levels.forEach((d, i) => {
		if (!d.trim()) problems.push({ field: `level${i + 1}`, code: 'err_required' });
	});
	if (problems.length) return { ok: false as const, problems };
	await db.transaction().execute(async (trx) => {
		await repo.upsertCompetency(trx, { code, name: input.name.trim(), kind: input.kind as CompetencyKind, description: input.description.trim(), active: input.active });
		for (let i = 0; i < 5; i++) await repo.setLevelDescriptor(trx, code, i + 1, input.levels[i].trim());
		await recordAudit(trx, { actorId: actor.id, action: existingCode ? 'competency.updated' : 'competency.created', subject: `competency:${code}`, detail: { name: input.name.trim(), active: input.active } });
	});
	return { ok: true as const, code };
}

// ---- position requirements -----------------------------------------------------------------

export async function positionRequirements(db: Db, actor: Actor | null, positionId: number) {
	requireRole(actor, 'admin');
	const [competencies, required] = await Promise.all([repo.listCompetencies(db), repo.requirementsOfPosition(db, positionId)]);
	return competencies
		.filter((c) => c.active || required.some((r) => r.code === c.code))
		.map((c) => ({ code: c.code, name: c.name, kind: c.kind, required: required.find((r) => r.code === c.code)?.required ?? null }));
}

/** Sets the required level (1-5, or none) of every competency named in `levels`. */
export async function savePositionRequirements(db: Db, actor: Actor | null, positionId: number, levels: Record<string, string>) {
	requireRole(actor, 'admin');
	const known = new Set((await repo.listCompetencies(db)).map((c) => c.code));
	const problems: FieldProblem[] = [];
	const parsed: Array<[string, number | null]> = [];
	for (const [code, raw] of Object.entries(levels)) {
		if (!known.has(code)) {
			problems.push({ field: code, code: 'career_err_competency_unknown' });
			continue;
		}
		if (raw === '') parsed.push([code, null]);
		else if (/^[1-5]$/.test(raw)) parsed.push([code, Number(raw)]);
		else problems.push({ field: code, code: 'career_err_level' });
	}
	if (problems.length) return { ok: false as const, problems };
	const position = await db.selectFrom('job_position').select('code').where('id', '=', positionId).executeTakeFirst();
	if (!position) return { ok: false as const, problems: [{ field: 'position', code: 'err_position_unknown' }] };
	await db.transaction().execute(async (trx) => {
		for (const [code, level] of parsed) await repo.replaceRequirement(trx, positionId, code, level);
		await recordAudit(trx, { actorId: actor.id, action: 'position.requirements', subject: `position:${positionId}`, detail: Object.fromEntries(parsed) });
	});
	return { ok: true as const };
}

// ---- a person's record ---------------------------------------------------------------------

export type EvidenceView = Awaited<ReturnType<typeof repo.evidenceOfPerson>>[number] & { link: string | null };

/** `documents`: whether the reader may open an external training's document (owner, direct supervisor, admin). */
function evidenceLink(e: { source: string; sourceRef: string; certificateCode: string | null }, documents: boolean): string | null {
	if (e.source === 'certificate' && e.certificateCode) return `/verify/${e.certificateCode}`;
	if (e.source === 'external') return documents ? `/competency/training/${e.sourceRef}/document` : null;
	return null;
}

/**
 * The competency record of one person: required against current level for every competency of
 * the position, why each level is what it is, the evidence that stopped counting, and the JP
 * ledger of the year. Opened by the person, a supervisor whose unit subtree holds them, or an admin.
 */
export async function competencyProfile(db: Db, actor: Actor | null, personId: number, now = new Date()) {
	const person = await personInReach(db, actor, personId);
	const today = localDate(now);
	const year = localYear(now);
	const [competencies, required, evidence, descriptors, entries, settings] = await Promise.all([
		repo.listCompetencies(db),
		person.positionId ? repo.requirementsOfPosition(db, person.positionId) : Promise.resolve([]),
		repo.evidenceOfPerson(db, personId),
		repo.levelDescriptors(db),
		jpEntriesForYear(db, personId, year),
		jpSettings(db)
	]);
	// The same rule as trainingDocument(): a reader who may not open the document gets no link to it.
	const documents = !!actor && (actor.id === personId || person.supervisorId === actor.id || hasRole(actor, 'admin'));
	const withLinks: EvidenceView[] = evidence.map((e) => ({ ...e, link: evidenceLink(e, documents) }));
	const levels = deriveLevels(withLinks, today);
	const describe = (code: string, level: number) => descriptors.find((d) => d.code === code && d.level === level)?.description ?? null;
	const row = (code: string, requiredLevel: number | null) => {
		const c = competencies.find((x) => x.code === code)!;
		const rec = levels.get(code);
		const current = rec?.level ?? 0;
		return {
			code,
			name: c.name,
			kind: c.kind,
			required: requiredLevel,
			current,
			gap: requiredLevel === null ? 0 : Math.max(0, requiredLevel - current),
			currentDescriptor: current ? describe(code, current) : null,
			requiredDescriptor: requiredLevel ? describe(code, requiredLevel) : null,
			basis: rec?.basis ?? null,
			valid: rec?.valid ?? [],
			stopped: rec?.stopped ?? []
		};
	};
	const rows = required.map((r) => row(r.code, r.required));
	const others = [...levels.keys()].filter((code) => !required.some((r) => r.code === code) && competencies.some((c) => c.code === code)).map((code) => row(code, null));
	const jpTotal = Math.round(entries.reduce((s, e) => s + e.jp, 0) * 100) / 100;
	return { person, today, year, rows, others, jp: { total: jpTotal, target: settings.target, entries } };
}

// ---- manual evidence -----------------------------------------------------------------------

export interface ManualEvidenceInput {
	competencyCode: string;
	level: string;
	note: string;
	validUntil: string;
}

/** An admin (anyone) or a supervisor (people in their unit subtree) records a level by hand, with a note. */
export async function addManualEvidence(db: Db, actor: Actor | null, personId: number, input: ManualEvidenceInput, now = new Date()) {
	if (!hasRole(actor, 'admin') && !hasRole(actor, 'supervisor')) throw new ForbiddenError('admin or supervisor');
	const person = await personInReach(db, actor, personId);
	if (person.id === actor.id) throw new ForbiddenError('own record');
	const problems: FieldProblem[] = [];
	const competency = input.competencyCode ? await repo.findCompetency(db, input.competencyCode) : undefined;
	if (!competency || !competency.active) problems.push({ field: 'competencyCode', code: 'err_choose' });
	if (!/^[1-5]$/.test(input.level)) problems.push({ field: 'level', code: 'career_err_level' });
	if (!input.note.trim()) problems.push({ field: 'note', code: 'career_err_note_required' });
	const today = localDate(now);
	if (input.validUntil && (!/^\d{4}-\d{2}-\d{2}$/.test(input.validUntil) || input.validUntil < today)) problems.push({ field: 'validUntil', code: 'career_err_date_future' });
	if (problems.length) return { ok: false as const, problems };
	await db.transaction().execute(async (trx) => {
		// One manual entry per actor, person, competency, level and day: a double submit adds nothing.
		await addEvidence(trx, {
			personId,
			competencyCode: competency!.code,
			level: Number(input.level),
			source: 'manual',
			sourceRef: `${actor.id}:${today}:${input.level}`,
			title: competency!.name,
			validFrom: today,
			validUntil: input.validUntil || null,
			recordedBy: actor.id,
			note: input.note.trim()
		});
		await recordAudit(trx, { actorId: actor.id, action: 'evidence.manual', subject: `person:${personId}`, detail: { code: competency!.code, level: Number(input.level) } });
	});
	return { ok: true as const };
}

export async function activeCompetencies(db: Db, actor: Actor | null) {
	if (!actor) throw new ForbiddenError('signed out');
	return repo.listCompetencies(db, { activeOnly: true });
}
