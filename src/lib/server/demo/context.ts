// What the organisation seed hands to the seeds of each area (career, supervision, evaluation),
// which add their demo data in the same transaction.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { DemoPerson } from './medan';

export interface DemoContext {
	trx: Transaction<DB>;
	people: DemoPerson[];
	personIds: Map<string, number>; // by NIP
	personIdsByEmail: Map<string, number>;
	unitIds: Map<string, number>; // by unit code
	positionIds: Map<string, number>; // by position code
	now: Date;
}
