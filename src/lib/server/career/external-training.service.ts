// Trainings taken outside the platform: the learner submits one with its document (a PDF or an
// image), the DIRECT supervisor verifies or rejects it with a note. A verified training writes a
// JP entry of its kind and, when it names a competency, evidence at that level, in the same
// transaction as the decision.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ForbiddenError, hasRole, requireRole, type Actor } from '../access';
import { recordAudit } from '../audit';
import { createNotification } from '../notify/notification.repository';
import { unitSubtree } from '../org/org.repository';
import { addEvidence } from '../competency/evidence.repository';
import { addJpEntry } from './jp.repository';
import { localDate } from './local-date';

type Db = Kysely<DB>;

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The document's real type, read from its first bytes (the browser's claim is not trusted). */
export function sniffDocumentType(bytes: Uint8Array): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
	const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
	if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
	if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
	if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
	return null;
}

export interface TrainingInput {
	title: string;
	organiser: string;
	kind: string;
	startDate: string;
	endDate: string;
	jp: string;
	competencyCode: string;
	competencyLevel: string;
	document: { name: string; bytes: Uint8Array } | null;
}

export async function submitTraining(db: Db, actor: Actor | null, input: TrainingInput, now = new Date()) {
	if (!actor) throw new ForbiddenError('signed out');
	const problems: Array<{ field: string; code: string }> = [];
	if (!input.title.trim()) problems.push({ field: 'title', code: 'err_required' });
	if (!input.organiser.trim()) problems.push({ field: 'organiser', code: 'err_required' });
	if (input.kind !== 'klasikal' && input.kind !== 'non-klasikal') problems.push({ field: 'kind', code: 'err_choose' });
	if (!DATE_RE.test(input.startDate)) problems.push({ field: 'startDate', code: 'err_required' });
	if (!DATE_RE.test(input.endDate)) problems.push({ field: 'endDate', code: 'err_required' });
	else if (input.endDate < input.startDate) problems.push({ field: 'endDate', code: 'career_err_end_before_start' });
	else if (input.endDate > localDate(now)) problems.push({ field: 'endDate', code: 'career_err_date_past' });
	const jp = Number(input.jp.replace(',', '.'));
	if (!(jp > 0 && jp <= 999)) problems.push({ field: 'jp', code: 'career_err_jp' });
	const code = input.competencyCode || null;
	if (code) {
		if (!(await db.selectFrom('competency').select('code').where('code', '=', code).where('active', '=', true).executeTakeFirst())) problems.push({ field: 'competencyCode', code: 'err_choose' });
		if (!/^[1-5]$/.test(input.competencyLevel)) problems.push({ field: 'competencyLevel', code: 'career_err_level' });
	}
	let type: string | null = null;
	if (!input.document || input.document.bytes.length === 0) problems.push({ field: 'document', code: 'career_err_document_missing' });
	else if (input.document.bytes.length > MAX_DOCUMENT_BYTES) problems.push({ field: 'document', code: 'career_err_document_size' });
	else if (!(type = sniffDocumentType(input.document.bytes))) problems.push({ field: 'document', code: 'career_err_document_type' });
	if (problems.length) return { ok: false as const, problems };
	const me = await db.selectFrom('person').select(['supervisor_id', 'name']).where('id', '=', actor.id).executeTakeFirstOrThrow();
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('external_training')
			.values({
				person_id: actor.id,
				title: input.title.trim(),
				organiser: input.organiser.trim(),
				kind: input.kind,
				start_date: input.startDate,
				end_date: input.endDate,
				jp,
				competency_code: code,
				competency_level: code ? Number(input.competencyLevel) : null,
				document_name: input.document!.name.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'dokumen',
				document_type: type!,
				document: Buffer.from(input.document!.bytes)
			})
			// A repeat of the same submission (a double POST) stores nothing and answers as if saved.
			.onConflict((oc) => oc.columns(['person_id', 'title', 'organiser', 'start_date', 'end_date']).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!row) {
			const existing = await trx
				.selectFrom('external_training')
				.select('id')
				.where('person_id', '=', actor.id)
				.where('title', '=', input.title.trim())
				.where('organiser', '=', input.organiser.trim())
				.where('start_date', '=', input.startDate)
				.where('end_date', '=', input.endDate)
				.executeTakeFirstOrThrow();
			return { ok: true as const, id: existing.id };
		}
		if (me.supervisor_id) {
			await createNotification(trx, {
				personId: me.supervisor_id,
				kind: 'career_training_submitted',
				params: { name: me.name, title: input.title.trim() },
				link: '/supervisor/plans',
				dedupeKey: `training-submitted:${row.id}`
			});
		}
		return { ok: true as const, id: row.id };
	});
}

const LIST_COLUMNS = [
	't.id',
	't.title',
	't.organiser',
	't.kind',
	't.start_date as startDate',
	't.end_date as endDate',
	't.jp',
	't.competency_code as competencyCode',
	't.competency_level as competencyLevel',
	't.document_name as documentName',
	't.status',
	't.review_note as reviewNote',
	't.reviewed_at as reviewedAt',
	't.created_at as createdAt'
] as const;

export async function myTrainings(db: Db, actor: Actor | null) {
	if (!actor) throw new ForbiddenError('signed out');
	const rows = await db.selectFrom('external_training as t').select(LIST_COLUMNS).where('t.person_id', '=', actor.id).orderBy('t.created_at', 'desc').execute();
	return rows.map((r) => ({ ...r, jp: Number(r.jp) }));
}

/** Trainings of the supervisor's direct reports waiting for a decision. */
export async function pendingTrainings(db: Db, actor: Actor | null) {
	requireRole(actor, 'supervisor');
	if (actor.unitId === null) return [];
	const rows = await db
		.selectFrom('external_training as t')
		.innerJoin('person as p', 'p.id', 't.person_id')
		.leftJoin('competency as c', 'c.code', 't.competency_code')
		.select([...LIST_COLUMNS, 'p.id as personId', 'p.name as personName', 'c.name as competencyName'])
		.where('t.status', '=', 'submitted')
		.where('p.supervisor_id', '=', actor.id)
		.where('p.unit_id', 'in', unitSubtree(db, actor.unitId))
		.orderBy('t.created_at')
		.execute();
	return rows.map((r) => ({ ...r, jp: Number(r.jp) }));
}

export async function reviewTraining(db: Db, actor: Actor | null, id: number, decision: string, note: string, now = new Date()) {
	requireRole(actor, 'supervisor');
	if (decision !== 'verify' && decision !== 'reject') return { ok: false as const, code: 'err_choose' };
	if (decision === 'reject' && !note.trim()) return { ok: false as const, code: 'career_err_note_required' };
	return db.transaction().execute(async (trx) => {
		// Only the direct supervisor decides, and only once (the status check makes a double submit a no-op).
		const t = await trx
			.selectFrom('external_training as t')
			.innerJoin('person as p', 'p.id', 't.person_id')
			.select(['t.id', 't.person_id', 't.title', 't.kind', 't.end_date', 't.jp', 't.competency_code', 't.competency_level', 't.status'])
			.where('t.id', '=', id)
			.where('p.supervisor_id', '=', actor.id)
			.forUpdate()
			.executeTakeFirst();
		if (!t) throw new ForbiddenError('not the direct supervisor');
		if (t.status !== 'submitted') return { ok: true as const };
		const status = decision === 'verify' ? 'verified' : 'rejected';
		await trx.updateTable('external_training').set({ status, reviewed_by: actor.id, reviewed_at: now, review_note: note.trim() || null }).where('id', '=', id).execute();
		if (status === 'verified') {
			await addJpEntry(trx, { personId: t.person_id, occurredOn: t.end_date, kind: t.kind as 'klasikal' | 'non-klasikal', source: 'external', sourceRef: `external:${t.id}`, title: t.title, jp: Number(t.jp) });
			if (t.competency_code && t.competency_level) {
				await addEvidence(trx, {
					personId: t.person_id,
					competencyCode: t.competency_code,
					level: t.competency_level,
					source: 'external',
					sourceRef: String(t.id),
					title: t.title,
					validFrom: t.end_date,
					recordedBy: actor.id,
					note: note.trim() || null
				});
			}
		}
		await createNotification(trx, {
			personId: t.person_id,
			kind: status === 'verified' ? 'career_training_verified' : 'career_training_rejected',
			params: { title: t.title },
			link: '/competency/training',
			dedupeKey: `training-reviewed:${t.id}`
		});
		await recordAudit(trx, { actorId: actor.id, action: `training.${status}`, subject: `external_training:${id}`, detail: { note: note.trim() || null } });
		return { ok: true as const };
	});
}

/** The document: for its owner, the owner's direct supervisor, and admins; nobody else. */
export async function trainingDocument(db: Db, actor: Actor | null, id: number) {
	if (!actor) throw new ForbiddenError('signed out');
	let q = db
		.selectFrom('external_training as t')
		.innerJoin('person as p', 'p.id', 't.person_id')
		.select(['t.document', 't.document_name as name', 't.document_type as type'])
		.where('t.id', '=', id);
	const me = actor.id;
	if (!hasRole(actor, 'admin')) q = q.where((eb) => eb.or([eb('t.person_id', '=', me), eb('p.supervisor_id', '=', me)]));
	const row = await q.executeTakeFirst();
	if (!row) throw new ForbiddenError('not the owner, direct supervisor or an admin');
	return row;
}
