// A hot query, built and compiled to SQL once per database handle and then run with new values.
// Kysely builds an operation tree and compiles it on every call; for the two queries behind every
// module page (the session and the enrolment) that was about a tenth of the server's time.
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { DB } from './schema';

type Slot = { arg: number } | { value: unknown };

/**
 * `build` receives stand-ins for its arguments and must use each one only as a value in the
 * query (`where('id', '=', id)`), never in JavaScript logic: the query is built once, with the
 * stand-ins, and each call puts its own values where they stood. A stand-in that does not reach
 * the SQL's parameters is refused when the query is first compiled, and so is a date or an object
 * kept from that first build (a default argument such as `now = new Date()` would otherwise be
 * frozen at the first call's value).
 */
export function prepared<A extends unknown[], O>(build: (db: Kysely<DB>, ...args: A) => Compilable<O>) {
	const arity = build.length - 1;
	const compiled = new WeakMap<Kysely<DB>, { sql: string; slots: Slot[] }>();
	const compile = (db: Kysely<DB>) => {
		const standIns = Array.from({ length: arity }, (_, i) => Object.freeze({ preparedArgument: i }));
		const query = build(db, ...(standIns as unknown as A)).compile();
		const slots: Slot[] = query.parameters.map((p) => {
			const arg = standIns.indexOf(p as (typeof standIns)[number]);
			if (arg >= 0) return { arg };
			if (typeof p === 'object' && p !== null) throw new Error('prepared query: a date or object is not an argument; pass it as one, without a default');
			return { value: p };
		});
		for (let i = 0; i < arity; i++) {
			if (!slots.some((s) => 'arg' in s && s.arg === i)) throw new Error(`prepared query: argument ${i + 1} is not a value in the SQL`);
		}
		return { sql: query.sql, slots };
	};
	return async (db: Kysely<DB>, ...args: A): Promise<O[]> => {
		let entry = compiled.get(db);
		if (!entry) {
			entry = compile(db);
			compiled.set(db, entry);
		}
		const parameters = entry.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
		const result = await db.executeQuery(CompiledQuery.raw(entry.sql, parameters) as CompiledQuery<O>);
		return result.rows;
	};
}
