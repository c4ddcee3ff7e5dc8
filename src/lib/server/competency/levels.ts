// Level derivation, pure: a person's current level per competency is the highest level among
// the evidence that counts today. Evidence that no longer counts is listed with its reason, so
// the record can say why a level is what it is.

export interface EvidenceRow {
	id: number;
	competencyCode: string;
	level: number;
	source: string;
	sourceRef: string;
	title: string;
	/** YYYY-MM-DD */
	validFrom: string;
	validUntil: string | null;
	revokedAt: Date | string | null;
	revokedReason: string | null;
}

/** Why a piece of evidence does not count today. */
export type EvidenceState = 'valid' | 'revoked' | 'expired' | 'not-yet-valid';

export interface CompetencyLevel<E extends EvidenceRow = EvidenceRow> {
	competencyCode: string;
	/** 0 when nothing counts. */
	level: number;
	/** The valid evidence that sets the level (the highest; the newest among equals). */
	basis: E | null;
	valid: E[];
	stopped: Array<E & { state: Exclude<EvidenceState, 'valid'> }>;
}

/** Whether one piece of evidence counts on `today` (YYYY-MM-DD): revocation first, then dates. */
export function evidenceState(e: EvidenceRow, today: string): EvidenceState {
	if (e.revokedAt) return 'revoked';
	if (e.validFrom > today) return 'not-yet-valid';
	if (e.validUntil !== null && e.validUntil < today) return 'expired';
	return 'valid';
}

export function deriveLevels<E extends EvidenceRow>(evidence: E[], today: string): Map<string, CompetencyLevel<E>> {
	const out = new Map<string, CompetencyLevel<E>>();
	for (const e of evidence) {
		let rec = out.get(e.competencyCode);
		if (!rec) {
			rec = { competencyCode: e.competencyCode, level: 0, basis: null, valid: [], stopped: [] };
			out.set(e.competencyCode, rec);
		}
		const state = evidenceState(e, today);
		if (state !== 'valid') {
			rec.stopped.push({ ...e, state });
			continue;
		}
		rec.valid.push(e);
		if (!rec.basis || e.level > rec.basis.level || (e.level === rec.basis.level && e.validFrom > rec.basis.validFrom)) {
			rec.basis = e;
			rec.level = e.level;
		}
	}
	for (const rec of out.values()) rec.valid.sort((a, b) => b.level - a.level || b.validFrom.localeCompare(a.validFrom));
	return out;
}

export interface Requirement {
	code: string;
	required: number;
}

/** Gap per required competency: how many levels are missing (0 = met). */
export function gaps(required: Requirement[], levels: Map<string, { level: number }>): Array<Requirement & { current: number; gap: number }> {
	return required.map((r) => {
		const current = levels.get(r.code)?.level ?? 0;
		return { ...r, current, gap: Math.max(0, r.required - current) };
	});
}
