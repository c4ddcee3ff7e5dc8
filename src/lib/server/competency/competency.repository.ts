// The competency framework, position requirements and a person's evidence: plain queries.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Trx = Kysely<DB> | Transaction<DB>;

export const COMPETENCY_KINDS = ['manajerial', 'sosial-kultural', 'teknis'] as const;
export type CompetencyKind = (typeof COMPETENCY_KINDS)[number];

export async function listCompetencies(db: Trx, opts: { activeOnly?: boolean } = {}) {
	let q = db.selectFrom('competency').select(['code', 'name', 'kind', 'description', 'active', 'position']).orderBy('position').orderBy('code');
	if (opts.activeOnly) q = q.where('active', '=', true);
	return q.execute();
}

export async function findCompetency(db: Trx, code: string) {
	return db.selectFrom('competency').select(['code', 'name', 'kind', 'description', 'active', 'position']).where('code', '=', code).executeTakeFirst();
}

export async function levelDescriptors(db: Trx, codes?: string[]) {
	let q = db.selectFrom('competency_level').select(['competency_code as code', 'level', 'description']).orderBy('competency_code').orderBy('level');
	if (codes) {
		if (!codes.length) return [];
		q = q.where('competency_code', 'in', codes);
	}
	return q.execute();
}

export async function upsertCompetency(trx: Trx, values: { code: string; name: string; kind: CompetencyKind; description: string; active: boolean }) {
	const max = await trx.selectFrom('competency').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
	await trx
		.insertInto('competency')
		.values({ ...values, position: Number(max?.p ?? 0) + 1 })
		.onConflict((oc) => oc.column('code').doUpdateSet({ name: values.name, kind: values.kind, description: values.description, active: values.active }))
		.execute();
}

export async function setLevelDescriptor(trx: Trx, code: string, level: number, description: string) {
	await trx
		.insertInto('competency_level')
		.values({ competency_code: code, level, description })
		.onConflict((oc) => oc.columns(['competency_code', 'level']).doUpdateSet({ description }))
		.execute();
}

/** The required level per competency of a position, in framework order. */
export async function requirementsOfPosition(db: Trx, positionId: number) {
	return db
		.selectFrom('position_competency as pc')
		.innerJoin('competency as c', 'c.code', 'pc.competency_code')
		.select(['c.code', 'c.name', 'c.kind', 'pc.required_level as required'])
		.where('pc.position_id', '=', positionId)
		.orderBy('c.position')
		.execute();
}

export async function replaceRequirement(trx: Trx, positionId: number, code: string, level: number | null) {
	if (level === null) {
		await trx.deleteFrom('position_competency').where('position_id', '=', positionId).where('competency_code', '=', code).execute();
		return;
	}
	await trx
		.insertInto('position_competency')
		.values({ position_id: positionId, competency_code: code, required_level: level })
		.onConflict((oc) => oc.columns(['position_id', 'competency_code']).doUpdateSet({ required_level: level }))
		.execute();
}

export async function evidenceOfPerson(db: Trx, personId: number) {
	return db
		.selectFrom('competency_evidence as e')
		.leftJoin('certificate as cert', (j) => j.on('e.source', '=', 'certificate').on(sql`cert.id::text`, '=', sql.ref('e.source_ref')))
		.leftJoin('person as r', 'r.id', 'e.recorded_by')
		.select([
			'e.id',
			'e.competency_code as competencyCode',
			'e.level',
			'e.source',
			'e.source_ref as sourceRef',
			'e.title',
			'e.valid_from as validFrom',
			'e.valid_until as validUntil',
			'e.revoked_at as revokedAt',
			'e.revoked_reason as revokedReason',
			'e.note',
			'r.name as recordedBy',
			'cert.code as certificateCode'
		])
		.where('e.person_id', '=', personId)
		.orderBy('e.valid_from', 'desc')
		.orderBy('e.id', 'desc')
		.execute();
}
