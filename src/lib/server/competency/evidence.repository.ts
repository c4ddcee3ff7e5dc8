// Competency evidence: rows that prove a person holds a level. Never deleted; a revoked or
// expired row simply stops counting (see level derivation).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Trx = Kysely<DB> | Transaction<DB>;

export type EvidenceSource = 'certificate' | 'manual' | 'external' | 'workshop' | 'mentoring';

export interface EvidenceInput {
	personId: number;
	competencyCode: string;
	level: number;
	source: EvidenceSource;
	/** The id of what proves it: a certificate id, an external training id, a session id… */
	sourceRef: string;
	title: string;
	/** YYYY-MM-DD (WIB). */
	validFrom: string;
	validUntil?: string | null;
	recordedBy?: number | null;
	note?: string | null;
}

/** Records evidence once per (person, source, ref, competency); answers whether it was new. */
export async function addEvidence(trx: Trx, input: EvidenceInput): Promise<boolean> {
	const row = await trx
		.insertInto('competency_evidence')
		.values({
			person_id: input.personId,
			competency_code: input.competencyCode,
			level: input.level,
			source: input.source,
			source_ref: input.sourceRef,
			title: input.title,
			valid_from: input.validFrom,
			valid_until: input.validUntil ?? null,
			recorded_by: input.recordedBy ?? null,
			note: input.note ?? null
		})
		.onConflict((oc) => oc.columns(['person_id', 'source', 'source_ref', 'competency_code']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return !!row;
}

/** Stops every piece of evidence of one source item from counting (a revoked certificate). */
export async function revokeEvidence(trx: Trx, source: EvidenceSource, sourceRef: string, reason: string, at: Date): Promise<void> {
	await trx
		.updateTable('competency_evidence')
		.set({ revoked_at: at, revoked_reason: reason })
		.where('source', '=', source)
		.where('source_ref', '=', sourceRef)
		.where('revoked_at', 'is', null)
		.execute();
}

/** Only the competency codes that exist in the framework (a course may name one an admin removed). */
export async function knownCompetencies(trx: Trx, codes: string[]): Promise<Set<string>> {
	if (!codes.length) return new Set();
	const rows = await trx.selectFrom('competency').select('code').where('code', 'in', codes).execute();
	return new Set(rows.map((r) => r.code));
}
