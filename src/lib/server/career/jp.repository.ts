// The JP ledger. Every completed activity writes one row per person; the unique key
// (person, source, source_ref) makes a second completion of the same activity count nothing.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Trx = Kysely<DB> | Transaction<DB>;

export type JpKind = 'klasikal' | 'non-klasikal';
export type JpSource = 'elearning' | 'external' | 'workshop' | 'mentoring';

export interface JpEntryInput {
	personId: number;
	/** YYYY-MM-DD in WIB (see local-date.ts). */
	occurredOn: string;
	kind: JpKind;
	source: JpSource;
	/** What was completed, e.g. `enrolment:12`, `external:3`, `workshop-session:7`. */
	sourceRef: string;
	title: string;
	jp: number;
	minutes?: number | null;
}

/** Writes the entry unless the activity is already in the ledger; answers whether it was new. */
export async function addJpEntry(trx: Trx, input: JpEntryInput): Promise<boolean> {
	if (!(input.jp > 0)) return false;
	const row = await trx
		.insertInto('jp_entry')
		.values({
			person_id: input.personId,
			occurred_on: input.occurredOn,
			kind: input.kind,
			source: input.source,
			source_ref: input.sourceRef,
			title: input.title,
			jp: input.jp,
			minutes: input.minutes ?? null
		})
		.onConflict((oc) => oc.columns(['person_id', 'source', 'source_ref']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return !!row;
}

/** The person's JP in a calendar year. */
export async function jpForYear(db: Trx, personId: number, year: number): Promise<number> {
	const row = await db
		.selectFrom('jp_entry')
		.select((eb) => eb.fn.coalesce(eb.fn.sum<number>('jp'), eb.lit(0)).as('jp'))
		.where('person_id', '=', personId)
		.where('occurred_on', '>=', `${year}-01-01`)
		.where('occurred_on', '<=', `${year}-12-31`)
		.executeTakeFirstOrThrow();
	return Number(row.jp);
}

/** The ledger of one person and year, newest first. */
export async function jpEntriesForYear(db: Trx, personId: number, year: number) {
	const rows = await db
		.selectFrom('jp_entry')
		.select(['id', 'occurred_on as occurredOn', 'kind', 'source', 'source_ref as sourceRef', 'title', 'jp', 'minutes'])
		.where('person_id', '=', personId)
		.where('occurred_on', '>=', `${year}-01-01`)
		.where('occurred_on', '<=', `${year}-12-31`)
		.orderBy('occurred_on', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return rows.map((r) => ({ ...r, jp: Number(r.jp) }));
}
