// Fixed-window counters in the database (app servers keep no state), for public endpoints.
import { sql, type Kysely } from 'kysely';
import type { DB } from './db/schema';

/** Counts one hit; answers whether it is within the limit, and when the window reopens. */
export async function hitRateLimit(db: Kysely<DB>, key: string, limit: number, windowMs: number, now = new Date()) {
	const windowStart = new Date(now.getTime() - windowMs);
	const row = await db
		.insertInto('rate_limit')
		.values({ key, count: 1, window_started_at: now })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				count: sql`case when rate_limit.window_started_at < ${windowStart} then 1 else rate_limit.count + 1 end`,
				window_started_at: sql`case when rate_limit.window_started_at < ${windowStart} then ${now} else rate_limit.window_started_at end`
			})
		)
		.returning(['count', 'window_started_at'])
		.executeTakeFirstOrThrow();
	return { allowed: row.count <= limit, retryAt: new Date(new Date(row.window_started_at).getTime() + windowMs) };
}
