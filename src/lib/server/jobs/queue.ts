// The job queue: pg-boss 10 on the app's own database, so jobs and schedules live in PostgreSQL
// (or the PGlite data folder) and survive a restart. On PostgreSQL pg-boss gets a small pool of its
// own; on PGlite, which has one in-process connection shared with Kysely, it goes through the
// handle's executeRaw, queued behind Kysely so its SQL never lands inside an open transaction.
import PgBoss from 'pg-boss';
import type { DbHandle } from '../db/connect';
import type { JobDefinition } from './types';

export interface JobQueue {
	boss: PgBoss;
	/** Runs a job now (for tests and the CLI), through the queue. */
	send(name: string, data?: Record<string, unknown>): Promise<string | null>;
	stop(): Promise<void>;
}

export interface QueueOptions {
	handle: DbHandle;
	/** The PostgreSQL URL (pg-boss opens its own small pool); null on PGlite. */
	databaseUrl: string | null;
	definitions: JobDefinition[];
	/** Seconds between polls for new jobs (default 10). */
	pollingIntervalSeconds?: number;
	/** Whether to run the cron schedules (default true). */
	schedule?: boolean;
	now?: () => Date;
}

export async function startQueue(options: QueueOptions): Promise<JobQueue> {
	const { handle } = options;
	const common = {
		schema: 'pgboss',
		schedule: options.schedule ?? true,
		// Completed jobs are kept a week for operators to inspect, then archived away.
		archiveCompletedAfterSeconds: 7 * 86_400,
		deleteAfterDays: 7
	};
	const boss = options.databaseUrl
		? new PgBoss({ ...common, connectionString: options.databaseUrl, max: 2, application_name: 'bina-jobs' })
		: new PgBoss({ ...common, db: { executeSql: (text: string, values: unknown[]) => handle.executeRaw(text, values) } });
	boss.on('error', (error: Error) => console.error(`[jobs] ${error.message}`));
	await boss.start();
	const now = options.now ?? (() => new Date());
	for (const def of options.definitions) {
		await boss.createQueue(def.name, { name: def.name, policy: 'standard', retryLimit: 3, retryDelay: 60, expireInSeconds: 15 * 60 });
		if (def.schedule) await boss.schedule(def.name, def.schedule, {}, { tz: 'Asia/Jakarta' });
		else await boss.unschedule(def.name).catch(() => undefined);
		await boss.work<Record<string, unknown>>(def.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10, batchSize: 1 }, async (jobs) => {
			for (const job of jobs) await def.handler(handle.db, job.data ?? {}, now());
		});
	}
	return {
		boss,
		send: (name, data = {}) => boss.send(name, data),
		stop: async () => {
			// graceful: running handlers finish; close: false leaves the app's database to its owner.
			await boss.stop({ graceful: true, close: !!options.databaseUrl, wait: true, timeout: 20_000 });
		}
	};
}
