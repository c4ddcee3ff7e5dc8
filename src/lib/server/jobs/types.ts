// What an area hands to the job queue (src/lib/server/jobs/): a named job, its handler, and
// optionally a schedule. Handlers must be idempotent: a job may run again after a crash.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface JobDefinition<T = Record<string, unknown>> {
	/** Queue name, e.g. `evaluation.request-behaviour`. */
	name: string;
	/** Cron expression (evaluated in Asia/Jakarta) for recurring jobs; none for on-demand jobs. */
	schedule?: string;
	handler: (db: Kysely<DB>, data: T, now: Date) => Promise<void>;
}
