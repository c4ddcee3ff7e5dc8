// Organisation-wide figures computed once and kept in report_snapshot: the roll-up over every
// unit and the courses with the most failures. The page reads the snapshot; the queue refreshes it
// every few minutes (see jobs.ts) and an admin may refresh it at once. The figures are exactly
// what unitRollup() computes at `computedAt`.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { mostFailedCourses, unitRollup, type Moment, type UnitRollup } from './supervision.repository';

type Db = Kysely<DB>;

/** A snapshot older than this is recomputed when the report is opened. */
export const SNAPSHOT_MAX_AGE_MS = 15 * 60_000;

export interface OrganisationFigures {
	units: UnitRollup[];
	failures: Awaited<ReturnType<typeof mostFailedCourses>>;
	computedAt: string;
}

const snapshotKey = (at: Moment) => `organisation:${at.year}:${at.jpTarget}`;

// Requests that find the snapshot stale at the same moment wait for one computation.
const inFlight = new Map<string, Promise<OrganisationFigures>>();

async function compute(db: Db, at: Moment): Promise<OrganisationFigures> {
	const [units, failures] = await Promise.all([unitRollup(db, at), mostFailedCourses(db, 5)]);
	const figures = { units, failures, computedAt: at.now.toISOString() };
	await db
		.insertInto('report_snapshot')
		.values({ key: snapshotKey(at), computed_at: at.now, data: JSON.stringify(figures) })
		.onConflict((oc) => oc.column('key').doUpdateSet({ computed_at: at.now, data: JSON.stringify(figures) }))
		.execute();
	return figures;
}

/** The organisation's figures: the snapshot when fresh enough, else computed now and kept. */
export async function organisationFigures(db: Db, at: Moment, options: { refresh?: boolean; maxAgeMs?: number } = {}): Promise<OrganisationFigures> {
	const key = snapshotKey(at);
	if (!options.refresh) {
		const row = await db.selectFrom('report_snapshot').select(['computed_at', 'data']).where('key', '=', key).executeTakeFirst();
		const maxAge = options.maxAgeMs ?? SNAPSHOT_MAX_AGE_MS;
		if (row && at.now.getTime() - new Date(row.computed_at).getTime() < maxAge) return row.data as unknown as OrganisationFigures;
	}
	let running = inFlight.get(key);
	if (!running) {
		running = compute(db, at).finally(() => inFlight.delete(key));
		inFlight.set(key, running);
	}
	return running;
}
