import type { Kysely } from 'kysely';
import type { DB } from './db/schema';

export interface AuditInput {
	actorId: number | null;
	action: string;
	subject?: string;
	detail?: Record<string, unknown>;
}

/** Appends to the audit trail; callers pass their transaction so the record commits with the change. */
export async function recordAudit(db: Kysely<DB>, input: AuditInput): Promise<void> {
	await db
		.insertInto('audit_event')
		.values({ actor_id: input.actorId, action: input.action, subject: input.subject ?? null, detail: input.detail ? JSON.stringify(input.detail) : null })
		.execute();
}
